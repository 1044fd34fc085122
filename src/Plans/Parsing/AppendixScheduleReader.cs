using System.Globalization;
using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// A schedule in an appendix after the signature, laid out as text columns (pdftotext -layout, a text copy): under a
/// "PHỤ LỤC" heading, a header row naming a time column ("Thời gian …", "Thời hạn", "Ngày …"), then rows whose cell is a
/// whole date ("23/3/2026"). Each such cell is a dated activity of the plan. A row printing the year before the plan's
/// while the plan's year puts it on or after the issue date, when the other rows of the same schedule are in the plan's
/// year, is a misprinted year: the plan's year is taken, with a guessed confidence and a warning.
/// </summary>
internal static class AppendixScheduleReader
{
    private static readonly Regex AppendixHeading = R(@"^\s*(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:[IVX]+|\d+|số\s*\d+))?\s*[:.]?\s*$");
    private static readonly Regex TimeHeader = R(
        @"(?<![\p{L}])(?:Thời\s+gian|Thời\s+hạn|Ngày\s+(?:thực\s+hiện|công\s+bố|kiểm\s+tra|hoàn\s+thành))(?![\p{L}])",
        RegexOptions.IgnoreCase);
    private static readonly Regex DateCell = R(@"^(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})\s*/\s*(?<y>(?:19|20)\d\d)$");

    internal static List<Deadline> Read(IReadOnlyList<string> afterSignature, DateOnly? issuedOn, List<string> warnings)
    {
        var found = new List<(DateOnly Date, string Row)>();
        var inAppendix = false;
        var sawHeader = false;
        foreach (var raw in afterSignature)
        {
            var line = raw.TrimEnd();
            if (AppendixHeading.IsMatch(line)) { inAppendix = true; sawHeader = false; continue; }
            if (!inAppendix || line.Trim().Length == 0) continue;
            var cells = PlanParser.Columns.Split(line.Trim()).Select(Collapse).Where(c => c.Length > 0).ToList();
            if (!sawHeader) { sawHeader = cells.Count >= 2 && TimeHeader.IsMatch(line); continue; }
            foreach (var cell in cells)
            {
                var m = DateCell.Match(cell);
                if (!m.Success) continue;
                var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
                var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) continue;
                found.Add((new DateOnly(y, mo, d), Collapse(line)));
            }
        }
        var result = new List<Deadline>();
        foreach (var (date, row) in found)
        {
            var due = date;
            var confidence = ReadConfidence.Explicit;
            if (issuedOn is { } issued && date < issued && date.Year == issued.Year - 1 && DateTime.DaysInMonth(issued.Year, date.Month) >= date.Day
                && new DateOnly(issued.Year, date.Month, date.Day) >= issued && found.Any(f => f.Date.Year == issued.Year))
            {
                due = new DateOnly(issued.Year, date.Month, date.Day);
                confidence = ReadConfidence.CarriedYear;
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Phụ lục: ngày {date:dd/MM/yyyy} trước ngày ban hành, lịch còn lại năm {issued.Year}: đọc là {due:dd/MM/yyyy} / "
                    + $"Appendix: {date:dd/MM/yyyy} is before the issue date while the rest of the schedule is in {issued.Year}: "
                    + $"read as {due:dd/MM/yyyy}."));
            }
            var what = "Phụ lục: " + (row.Length <= 80 ? row : row[..77].TrimEnd() + "...");
            result.Add(new Deadline(DueDate.OnDate(due), null, what, null, null) { Source = row, Confidence = confidence });
        }
        return result;
    }
}
