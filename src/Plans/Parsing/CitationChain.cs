using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// A document cited in a basis paragraph after another one, chained to it rather than inside its subject: right after
/// the previous citation's number and date ("Nghị định số 181/2024/NĐ-CP ngày 31/12/2024 và Nghị định số 146/2025/NĐ-CP"),
/// after "kèm theo" ("Văn bản số 01/GM-HTCS … kèm theo Báo cáo số 01/BC-HTCS"), after a colon ("bao gồm: Nghị định số …"),
/// or a capitalised kind after "và" / "tại" ("… và Kế hoạch kiểm tra số 1105/KH-ĐKT", "… phê duyệt tại Quyết định số
/// 1268/QĐ-SCT", "Công ty … tại Văn bản số 51/GĐN"). Never inside parentheses ("(được sửa đổi tại Thông tư số …)").
/// Looks back over a bounded window only, so a paragraph is read in linear time.
/// </summary>
internal static class CitationChain
{
    private const int Window = 240;
    private static readonly Regex AfterPrevious = R(@"^\s*(?:,\s*)?(?:và\s*)?$");
    private static readonly Regex JoinWord = R(@"(?:(?<![\p{L}])(?:kèm\s+theo|và\s+kèm\s+theo)|:)\s*$", RegexOptions.IgnoreCase);
    private static readonly Regex CapitalJoin = R(@"(?<![\p{L}])(?<w>và|tại)\s+$");
    private static readonly Regex ApprovedAt = R(@"(?<![\p{L}])phê\s+duyệt\s+tại\s+$");

    public static bool IsOwnCitation(string text, Match m, int lastEnd)
    {
        var from = Math.Max(lastEnd, m.Index - Window);
        if (InParentheses(text, from, m.Index)) return false;
        if (lastEnd > 0 && m.Index - lastEnd <= 12 && AfterPrevious.IsMatch(text.AsSpan(lastEnd, m.Index - lastEnd).ToString())) return true;
        var before = text.Substring(Math.Max(0, m.Index - 24), Math.Min(24, m.Index));
        if (JoinWord.IsMatch(before)) return true;
        if (!char.IsUpper(text[m.Index])) return false;
        var join = CapitalJoin.Match(before);
        if (!join.Success) return false;
        // "tại" opens a citation of its own in a new clause ("…; Công ty … tại Văn bản số …") or naming what approved the
        // previous one ("… đã được … phê duyệt tại Quyết định số …"); inside a subject ("… các nội dung đề xuất tại Báo cáo
        // số …", "… được sửa đổi, bổ sung tại Nghị định số …") it is no basis.
        return join.Groups["w"].Value == "và" || ApprovedAt.IsMatch(before) || text.IndexOf(';', from, m.Index - from) >= 0;
    }

    /// <summary>An opening parenthesis not closed between <paramref name="from"/> and <paramref name="at"/>.</summary>
    private static bool InParentheses(string text, int from, int at)
    {
        for (var i = at - 1; i >= from; i--)
        {
            if (text[i] == ')') return false;
            if (text[i] == '(') return true;
        }
        return false;
    }
}
