using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// A body named by its own proper name as the label of its duty, which the unit heads of <see cref="AssigneeDetector"/>
/// do not name: "Viễn thông Lào Cai: chủ trì, phối hợp …", "Điện lực Yên Bái: bảo đảm cấp điện …". The label starts with
/// a capital, ends in a place or proper name (one to four capitalised words) and the duty opens with a duty verb
/// ("chủ trì", "phối hợp", "bảo đảm", …), so "Thời gian: …", "Nội dung kiểm tra: …" and "Địa điểm: Tại …" are no assignments.
/// </summary>
internal static class NamedBodyLabel
{
    private static readonly Regex Labelled = R(@"^\s*(?<who>\p{Lu}\p{Ll}+(?:\s+\p{Ll}+){0,3}(?:\s+\p{Lu}\p{Ll}*){1,4})\s*:\s*" +
        @"(?<duty>(?i:chủ\s+trì|phối\s+hợp|bảo\s+đảm|đảm\s+bảo|thực\s+hiện|chuẩn\s+bị|cung\s+cấp|hỗ\s+trợ|tham\s+mưu|báo\s+cáo|bố\s+trí|" +
        @"khảo\s+sát|cử|tổ\s+chức\s+thực\s+hiện)(?![\p{L}]).{2,})$");

    public static AssigneeDetector.Result? Detect(string sentence)
    {
        var m = Labelled.Match(sentence);
        if (!m.Success) return null;
        return new AssigneeDetector.Result(new Assignee(null, null, Collapse(m.Groups["who"].Value)), CapitalizeFirst(m.Groups["duty"].Value.Trim()));
    }
}
