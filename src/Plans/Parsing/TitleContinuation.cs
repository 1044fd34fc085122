using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// Where the trích yếu goes on after a line break the extractor or OCR added. Tesseract puts a blank line between the
/// wrapped lines of the left column ("V/v triển khai thực hiện thủ tục cấp" / "" / "Giấy phép vận chuyển hàng hóa nguy" /
/// "hiểm loại 1,2,3,4,9"): after one blank line, a short line alone on its row that is no other part of the header or
/// body goes on with the title. A title in mixed case does not go on with a line in capitals (a received-document stamp
/// "TRUNG TÂM CÔNG BÁO &amp; TIN HỌC" printed over the body is no part of it).
/// </summary>
internal static class TitleContinuation
{
    private static readonly Regex Stop = R(@"^(?:Căn\s+cứ|Thực\s+hiện|Theo|Triển\s+khai|Số\s*:|Kính\s+gửi|N[ơo]i\s+nhận|Điều\s+\d|[IVX]+\s*[.:)]|\d)",
        RegexOptions.IgnoreCase);

    /// <summary>Lines a "V/v …" trích yếu may take in the narrow left column (six in corpus 202 and 205), the "V/v" line included.</summary>
    public const int MaxVvLines = 8;

    private static readonly Regex DatedOpening =
        R(@"^Ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}\s*/\s*\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,", RegexOptions.IgnoreCase);

    /// <summary>"Ngày 03/01/2025, Phó Chủ tịch UBND tỉnh … chủ trì họp …": a notice's dated first sentence opens the body.</summary>
    public static bool OpensBody(string line) => DatedOpening.IsMatch(line);

    /// <summary>True when the line after the blank one at <paramref name="blank"/> continues the title ending in <paramref name="last"/>.</summary>
    public static bool AfterBlank(IReadOnlyList<string> lines, int blank, string last)
    {
        var end = last.TrimEnd();
        if (end.Length == 0 || end[^1] is '.' or ';' or ':' || blank + 1 >= lines.Count) return false;
        var t = Collapse(lines[blank + 1]);
        if (t.Length is 0 or > 60 || PlanParser.Columns.IsMatch(lines[blank + 1].Trim())) return false;
        return !Stop.IsMatch(t) && !IsMostlyUpper(t) && !PlanParser.Motto.IsMatch(t) && !PlanParser.DateLine.IsMatch(t) && !t.EndsWith(':');
    }

    /// <summary>True when <paramref name="line"/> is in capitals while the title read so far is not.</summary>
    public static bool CapitalsAfterMixedCase(IReadOnlyList<string> parts, string line) =>
        parts.Count > 0 && line.Count(char.IsLetter) >= 8 && IsMostlyUpper(line) && !IsMostlyUpper(string.Join(' ', parts));
}
