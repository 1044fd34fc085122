using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// Dates that bound a period rather than say when something is due: the end of a validity or authorization period
/// ("Thời hạn ủy quyền: Từ ngày quyết định này có hiệu lực đến hết ngày 28 tháng 02 năm 2027"), and the bounds of a
/// reporting or statistics period or a data cut-off ("Kỳ thống kê hằng năm được xác định từ ngày 01 tháng 01 đến ngày 31
/// tháng 12", "thống kê từ thời điểm bắt đầu khai thác đến ngày 31 tháng 12 của năm thống kê", "kỳ báo cáo là năm (từ 01
/// tháng 01 đến 31 tháng 12)", "số liệu tính từ ngày … đến ngày …", "thời điểm lập, cập nhật đến hết ngày 31 tháng 12").
/// A date after "từ" or "đến (hết)" in such a clause is no deadline; "nộp trước ngày 15 tháng 02" in the same sentence is.
/// </summary>
internal static class PeriodBound
{
    private static readonly Regex BoundWord =
        R(@"(?:(?<![\p{L}])(?:từ|đến|tới)(?:\s+hết)?(?:\s+ngày)?\s*|[(]\s*(?:từ\s+)?)$", RegexOptions.IgnoreCase);
    private static readonly Regex PeriodWord = R(@"(?<![\p{L}])(?:hiệu\s+lực|thời\s+hạn\s+(?:ủy|uỷ)\s+quyền|có\s+giá\s+trị|kỳ\s+(?:báo\s+cáo|" +
        @"thống\s+kê|kiểm\s+kê|tổng\s+hợp)|số\s+liệu|thống\s+kê|thời\s+điểm|tính\s+từ|xác\s+định\s+từ)(?![\p{L}])", RegexOptions.IgnoreCase);
    private static readonly Regex DueWord = R(@"(?<![\p{L}])(?:trước|chậm\s+nhất|hạn\s+chót|hạn\s+nộp|hoàn\s+thành|nộp|gửi)(?![\p{L}])",
        RegexOptions.IgnoreCase);

    /// <summary>True when the date at <paramref name="dateIndex"/> (its trigger word starting at <paramref name="triggerIndex"/>)
    /// is the bound of a validity, reporting or statistics period named in the same clause.</summary>
    public static bool Is(string text, int triggerIndex, int dateIndex)
    {
        var from = Math.Max(0, triggerIndex - 24);
        var lead = text[from..dateIndex];
        if (!BoundWord.IsMatch(lead)) return false;
        var clauseStart = ClauseStart(text, triggerIndex);
        var clause = text[clauseStart..triggerIndex];
        if (!PeriodWord.IsMatch(clause)) return false;
        // "… nộp trước ngày …": a due word closest before the bound makes it a deadline after all.
        var lastDue = DueWord.Matches(clause).LastOrDefault();
        var lastPeriod = PeriodWord.Matches(clause).Last();
        return lastDue is null || lastDue.Index < lastPeriod.Index;
    }

    private static int ClauseStart(string text, int index)
    {
        var from = Math.Max(0, index - 300);
        var start = from;
        for (var i = index - 1; i >= from; i--)
        {
            var c = text[i];
            if (c is ';' or '\n' || (c is '.' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))) { start = i + 1; break; }
        }
        return start;
    }
}
