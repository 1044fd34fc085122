using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// A school role written as the label of its duty, which the unit heads of <see cref="AssigneeDetector"/> do not
/// name: "TPT Đội: Tham mưu lập kế hoạch …", "Phó Hiệu trưởng: chỉ đạo …", "GVCN: …", "Nhân viên y tế: …", "Liên đội: …".
/// Only the "role: duty" form counts (a colon after a short label), so a sentence that merely mentions a role is no
/// assignment.
/// </summary>
internal static class SchoolRoleLabel
{
    private const string Roles = @"TPT|Tổng\s+phụ\s+trách|Liên\s+đội|Chi\s+đội|Đội\s+TNTP|GVCN|GVBM|PHT|Phó\s+[Hh]iệu\s+trưởng"
        + @"|Khối\s+trưởng|Khối|Nhân\s+viên|Kế\s+toán|Văn\s+thư|Thủ\s+quỹ|Y\s+tế|Thư\s+viện|Bảo\s+vệ|Ban\s+đại\s+diện|Hội\s+cha\s+mẹ";

    private static readonly Regex RoleColon = R(@"^\s*(?<who>(?:" + Roles + @")(?![\p{L}])[^:;.()]{0,40}?)\s*:\s*(?<duty>\S.{2,})$");

    public static AssigneeDetector.Result? Detect(string sentence)
    {
        var m = RoleColon.Match(sentence);
        if (!m.Success) return null;
        var who = new Assignee(null, null, Collapse(m.Groups["who"].Value));
        return new AssigneeDetector.Result(who, CapitalizeFirst(m.Groups["duty"].Value.Trim()));
    }
}
