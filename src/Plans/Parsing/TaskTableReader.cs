using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// Task tables, written as pipe rows ("| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Sản phẩm |",
/// from markdown or from a .docx table): the header row names the columns; each data row with a lead is one assignment
/// (lead = chủ trì / thực hiện / phụ trách column, support = phối hợp column) with the deadlines of its time column.
/// Rows that only carry a group name (one filled cell) are skipped; so are separator rows ("|---|---|").
/// </summary>
internal static class TaskTableReader
{
    private static readonly Regex Separator = R(@"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$");
    private static readonly Regex LeadHead = R(@"chủ\s+trì|đơn\s+vị\s+thực\s+hiện|bộ\s+phận\s+thực\s+hiện|người\s+thực\s+hiện|thực\s+hiện|" +
        @"phụ\s+trách|trách\s+nhiệm|người\s+chịu", RegexOptions.IgnoreCase);
    private static readonly Regex StrongLead = R(@"chủ\s+trì|(?:đơn\s+vị|bộ\s+phận|người|cơ\s+quan|cá\s+nhân)\s+(?:thực\s+hiện|phụ\s+trách|" +
        @"chịu\s+trách\s+nhiệm|được\s+giao)|phụ\s+trách|trách\s+nhiệm\s+thực\s+hiện|^trách\s+nhiệm$|người\s+thực\s+hiện", RegexOptions.IgnoreCase);
    private static readonly Regex SupportHead = R(@"phối\s+hợp", RegexOptions.IgnoreCase);
    private static readonly Regex TimeHead = R(@"thời\s+gian|thời\s+hạn|tiến\s+độ|hoàn\s+thành|thời\s+điểm|ngày|hạn", RegexOptions.IgnoreCase);
    private static readonly Regex TaskHead =
        R(@"nội\s+dung|nhiệm\s+vụ|công\s+việc|hoạt\s+động|nhiệm\s+vụ|tên|đề\s+án|chương\s+trình", RegexOptions.IgnoreCase);
    private static readonly Regex NoHead = R(@"^(?:stt|tt|số\s+tt|số)$", RegexOptions.IgnoreCase);

    public static bool IsRow(string line)
    {
        var t = line.TrimStart();
        return t.StartsWith('|') && t.Count(c => c == '|') >= 3;
    }

    internal static List<string> Cells(string line)
    {
        var t = line.Trim();
        if (t.StartsWith('|')) t = t[1..];
        if (t.EndsWith('|')) t = t[..^1];
        return t.Split('|').Select(c => Collapse(c.Replace('\u2028', ' '))).ToList();
    }

    internal sealed record Columns(int Task, int Lead, int Support, int Time);

    /// <summary>The header's columns, or null when the row is no task-table header.</summary>
    internal static Columns? Header(List<string> cells)
    {
        int task = -1, lead = -1, support = -1, time = -1;
        // Strong lead names first ("Đơn vị chủ trì", "Người thực hiện"), then a bare "Thực hiện" column that is no task column.
        for (var i = 0; i < cells.Count && lead < 0; i++)
            if (StrongLead.IsMatch(cells[i]) && !SupportHead.IsMatch(cells[i])) lead = i;
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (c.Length == 0 || NoHead.IsMatch(c) || i == lead) continue;
            if (support < 0 && SupportHead.IsMatch(c)) support = i;
            else if (task < 0 && TaskHead.IsMatch(c)) task = i;
            else if (lead < 0 && LeadHead.IsMatch(c) && !TimeHead.IsMatch(c.Replace("thực hiện", "", StringComparison.OrdinalIgnoreCase))) lead = i;
            else if (time < 0 && TimeHead.IsMatch(c)) time = i;
        }
        if (lead < 0) return null;
        if (task < 0) task = Enumerable.Range(0, cells.Count)
            .FirstOrDefault(i => i != lead && i != support && i != time && !NoHead.IsMatch(cells[i]), -1);
        return task < 0 ? null : new Columns(task, lead, support, time);
    }

    internal sealed record Row(string Task, string Lead, IReadOnlyList<string> Support, string? Time, string Source);

    /// <summary>Reads every task table in <paramref name="lines"/>; the rows it used are blanked so no other reader sees them twice.</summary>
    public static List<Row> ReadAndBlank(List<string> lines)
    {
        var rows = new List<Row>();
        Columns? cols = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsRow(lines[i])) { if (lines[i].Trim().Length > 0) cols = null; continue; }
            var cells = Cells(lines[i]);
            if (Separator.IsMatch(lines[i].Trim())) { lines[i] = ""; continue; }
            var h = Header(cells);
            // A markdown header row (a separator row follows) starts a new table, task table or not.
            if (i + 1 < lines.Count && Separator.IsMatch(lines[i + 1].Trim())) cols = null;
            // A header row has short cells; a data row whose long task text happens to say "thực hiện" is no new header.
            // (and a signature grid's row of recipients "- Vụ GDĐH (để thực hiện); …" is no header either).
            if (h is not null && cells.All(c => c.Length <= 80 && !c.StartsWith('-') && !c.StartsWith('+')) && (cols is null
                || (cells.Count(c => LeadHead.IsMatch(c) || TimeHead.IsMatch(c) || TaskHead.IsMatch(c)) >= 2 && cells.All(c => c.Length <= 60))))
            {
                cols = h;
                lines[i] = "";
                continue;
            }
            if (cols is null)
            {
                // Not a task table (a header or signature grid, a list): its cells side by side, as on paper; a cell's
                // own lines (markdown "<br>") side by side with the other cells' lines of the same rank.
                var t = lines[i].Trim().Trim('|');
                var parts = t.Split('|').Select(c => c.Split('\u2028').Select(Collapse).Where(x => x.Length > 0).ToList())
                    .Where(c => c.Count > 0).ToList();
                var height = parts.Count == 0 ? 0 : parts.Max(c => c.Count);
                var rendered = new List<string>();
                for (var k = 0; k < height; k++)
                    rendered.Add(string.Join("          ", parts.Select(c => k < c.Count ? c[k] : "").Where(x => x.Length > 0)));
                lines[i] = string.Join("\n", rendered);
                continue;
            }
            string Cell(int k) => k >= 0 && k < cells.Count ? cells[k] : "";
            var lead = Cell(cols.Lead).Trim(' ', '-', '.', ';');
            var task = Cell(cols.Task).Trim(' ', '-', ';');
            // Column numbers "(1) | (2) | (3)" under the header and group labels "I", "1." are no data.
            var filled = cells.Count(c => c.Length > 0 && !Regex.IsMatch(c, @"^\(?[IVX\d.]+\)?$"));
            lines[i] = "";
            if (lead.Length == 0 || task.Length == 0 || filled < 2) continue;
            var support = Cell(cols.Support).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.Trim('-', ' ', '.')).Where(s => s.Length > 0).ToList();
            var time = cols.Time >= 0 ? Cell(cols.Time) : null;
            // Several leads in the cell ("Sở Công Thương; Sở Xây dựng", "Các Sở, ban, ngành và UBND các xã, phường"): one row each.
            var leads = lead.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .SelectMany(AssigneeDetector.SplitJoint)
                .Select(x => x.Trim(' ', '-', '.', ',')).Where(x => x.Length > 1).ToList();
            if (leads.Count == 0) leads = [lead];
            foreach (var one in leads)
                rows.Add(new Row(CapitalizeFirst(task), CapitalizeFirst(one), support, string.IsNullOrWhiteSpace(time) ? null : time,
                    Collapse(string.Join(" | ", cells))));
        }
        if (lines.Any(l => l.Contains('\n')))
        {
            var flat = lines.SelectMany(l => l.Split('\n')).ToList();
            lines.Clear();
            lines.AddRange(flat);
        }
        return rows;
    }

    public static List<Assignment> ToAssignments(List<Row> rows, int? year, string fallbackWhat, List<string> warnings)
    {
        var list = new List<Assignment>();
        foreach (var r in rows)
        {
            var deadlines = r.Time is null ? []
                : DeadlineExtractor.Extract("Thời gian thực hiện: " + r.Time, r.Lead, year, "Thời gian", r.Task, warnings)
                .Select(d => d with { What = r.Task, Source = r.Source }).ToList();
            list.Add(new Assignment(new Assignee(null, null, r.Lead), r.Task, deadlines) { Support = r.Support, Source = r.Source,
                SectionId = "table" });
        }
        return list;
    }
}
