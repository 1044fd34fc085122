using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// A sentence that opens with its date and a comma tells what happened that day ("Ngày 19 tháng 6 năm 2026, Ủy ban nhân
/// dân tỉnh tổ chức cuộc họp …", "Ngày 14/7/2026, Sở Công Thương nhận được …"): the meeting a notice concludes, the letter
/// a reply answers. That date is no deadline.
/// </summary>
internal static class ReportedEvent
{
    private static readonly Regex DateThenComma = R(@"\G\s*\d{1,2}(?:\s*/\s*\d{1,2}\s*/\s*\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,");

    /// <summary>True when the bare "ngày" at <paramref name="triggerIndex"/> opens its sentence and its date is followed by a comma.</summary>
    public static bool Opens(string text, int triggerIndex, int dateIndex)
    {
        var word = text[triggerIndex..dateIndex].Trim();
        if (!word.Equals("ngày", StringComparison.OrdinalIgnoreCase)) return false;
        var j = triggerIndex - 1;
        while (j >= 0 && char.IsWhiteSpace(text[j])) j--;
        var sentenceStart = j < 0 || text[j] is '.' or ';' or ':' or '!' or '?' or '\n';
        return sentenceStart && DateThenComma.IsMatch(text, dateIndex);
    }
}
