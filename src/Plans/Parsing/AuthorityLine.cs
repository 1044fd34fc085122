using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// The authority line of a Quyết định, between its subject and its bases: "HIỆU TRƯỞNG TRƯỜNG MẦM NON TUỔI THƠ",
/// "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …". It names who decides; it is not part of the
/// trích yếu. Only a line in capitals that opens with a head's title counts (a subject in capitals opens with a verb or
/// "VỀ VIỆC").
/// </summary>
internal static class AuthorityLine
{
    private static readonly Regex Head = R(@"^(?:HIỆU\s+TRƯỞNG|GIÁM\s+ĐỐC|CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|TRƯỞNG\s+(?:PHÒNG|BAN|KHOA)|CHỦ\s+NHIỆM"
        + @"|VIỆN\s+TRƯỞNG|CỤC\s+TRƯỞNG|CHÁNH\s+VĂN\s+PHÒNG|THỦ\s+TRƯỞNG)(?![\p{L}])");

    public static bool Is(string line)
    {
        var t = Collapse(line);
        return t.Length <= 120 && Head.IsMatch(t) && IsMostlyUpper(t);
    }
}
