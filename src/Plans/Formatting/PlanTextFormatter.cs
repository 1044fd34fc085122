using System.Globalization;
using System.Text;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Formatting;

/// <summary>A readable Vietnamese summary of a plan (dates dd/MM/yyyy), for the CLI and messages.</summary>
public static class PlanTextFormatter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Format(PlanDocument p)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"KẾ HOẠCH: {p.Title}");
        if (p.ParentIssuer is not null) sb.AppendLine($"Cơ quan chủ quản: {p.ParentIssuer}");
        sb.AppendLine($"Cơ quan ban hành: {p.Issuer ?? "(không rõ)"}");
        sb.AppendLine($"Số: {p.Number ?? "(không có)"}");
        var date = p.IssuedOn is { } d ? d.ToString("dd/MM/yyyy", Inv) : p.Year is { } y ? $"../../{y}" : "(không có)";
        sb.AppendLine($"Nơi, ngày ban hành: {p.Place ?? "(không rõ)"}, {date}");
        if (p.LegalBases.Count > 0)
        {
            sb.AppendLine("Căn cứ:");
            foreach (var l in p.LegalBases)
                sb.AppendLine($"  - {l.Kind} {l.Number}" + (l.IssuedOn is { } ld ? $" ngày {ld.ToString("dd/MM/yyyy", Inv)}" : "")
                    + (l.Issuer is not null ? $" của {l.Issuer}" : ""));
        }
        if (p.Sections.Count > 0)
        {
            sb.AppendLine("Nội dung:");
            foreach (var s in p.Sections) AppendSection(sb, s, 1);
        }
        if (p.Assignments.Count > 0)
        {
            sb.AppendLine("Phân công:");
            foreach (var a in p.Assignments)
            {
                var who = a.Assignee.Name is not null
                    ? a.Assignee.Name + (a.Assignee.Title is not null ? $" ({a.Assignee.Title})" : "")
                    : a.Assignee.Unit ?? a.Assignee.Title ?? "";
                if (a.Assignee.Role is not null) who += $" – {a.Assignee.Role}";
                sb.AppendLine($"  - {who}: {a.Duty}");
                foreach (var dl in a.Deadlines) sb.AppendLine($"      hạn: {Due(dl)}");
            }
        }
        if (p.Deadlines.Count > 0)
        {
            sb.AppendLine("Thời hạn:");
            foreach (var dl in p.Deadlines)
                sb.AppendLine($"  - {Due(dl)}: {dl.What}" + (dl.To is not null ? $" → {dl.To}" : "")
                    + (dl.Assignee is not null ? $" (thực hiện: {dl.Assignee})" : ""));
        }
        if (p.Recipients.Count > 0)
        {
            sb.AppendLine("Nơi nhận:");
            foreach (var r in p.Recipients) sb.AppendLine($"  - {r.Name}" + (r.Purpose is not null ? $" ({r.Purpose})" : ""));
        }
        if (p.Signer is { } sg)
            sb.AppendLine("Người ký: " + string.Join(" / ",
                new[] { sg.OnBehalfOf is not null ? "KT. " + sg.OnBehalfOf : null, sg.Title, sg.Name }.Where(x => x is not null)));
        if (p.Warnings.Count > 0)
        {
            sb.AppendLine("Cảnh báo:");
            foreach (var w in p.Warnings) sb.AppendLine($"  ! {w}");
        }
        return sb.ToString();
    }

    /// <summary>"20/05/2023", "10/05 hằng năm", "quý 1/2019", "tháng 06/2024", "năm học 2023-2024", "05/06 (6 tháng)".</summary>
    public static string Due(Deadline d)
    {
        var due = d.Due;
        var s = due.Kind switch
        {
            DueKind.Date => due.LastDay().ToString("dd/MM/yyyy", Inv),
            DueKind.YearlyDate => $"{due.Day:00}/{due.Month:00}",
            DueKind.Quarter => $"quý {due.Quarter}/{due.Year}",
            DueKind.Month => $"tháng {due.Month:00}/{due.Year}",
            DueKind.SchoolYear => $"năm học {due.Year}-{due.Year + 1} (hạn {due.LastDay().ToString("dd/MM/yyyy", Inv)})",
            _ => due.ToString()
        };
        return d.Recurrence switch
        {
            Recurrence.Yearly => s + " hằng năm",
            Recurrence.Semiannual => s + " (báo cáo 6 tháng, hằng năm)",
            _ => s
        };
    }

    private static void AppendSection(StringBuilder sb, PlanSection s, int depth)
    {
        sb.Append(' ', depth * 2).AppendLine($"{s.Id}. {s.Heading}");
        foreach (var c in s.Sections) AppendSection(sb, c, depth + 1);
    }
}
