using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// A sentence whose subject is a list of bodies or heads sharing one responsibility: the closing article of a Quyết
/// định ("Chánh Văn phòng Sở, Trưởng phòng Quản lý công nghiệp và các ông/bà có tên tại Điều 2 chịu trách nhiệm thi
/// hành Quyết định này"), the "Tổ chức thực hiện" sentence of a công văn ("Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy
/// ban nhân dân các xã, phường; người đứng đầu các cơ quan, đơn vị có liên quan chịu trách nhiệm tổ chức triển khai …"),
/// a joint guidance ("Bộ Công an, Bộ Quốc phòng, … có trách nhiệm chỉ đạo …"). Each listed party is one assignee with
/// the same duty. Parties are split at ";" and at "," / "và" before a head word, so a comma inside a name ("Vụ Khoa học
/// công nghệ, môi trường và Vật liệu xây dựng", "các tỉnh, thành phố") stays.
/// </summary>
internal static class JointSubjectReader
{
    private const string Head = @"(?:(?:[Cc]ác\s+)?(?:Chánh|Phó\s+Chánh|Giám\s+đốc|Phó\s+Giám\s+đốc|Thủ\s+trưởng|Chủ\s+tịch|Trưởng|Phó\s+Trưởng|" +
        @"Vụ\s+trưởng|Cục\s+trưởng|Chi\s+cục\s+trưởng|Tổng\s+cục\s+trưởng|Hiệu\s+trưởng|Phó\s+Hiệu\s+trưởng|Người\s+đứng\s+đầu|người\s+đứng\s+đầu|" +
        @"Bộ|Sở|Ủy\s+ban|Uỷ\s+ban|UBND|Ban|Viện|Tòa\s+án|Toà\s+án|Công\s+an|Phòng|Văn\s+phòng|Trung\s+tâm|Cục|Thanh\s+tra|Kho\s+bạc|Bảo\s+hiểm|" +
        @"Đoàn|Tổ|Trường|ông/bà|Ông/Bà|Tổ\s+chức)|các\s+(?:cơ\s+quan|đơn\s+vị|tổ\s+chức|cá\s+nhân)|cá\s+nhân|tổ\s+chức,\s+cá\s+nhân)(?![\p{L}])";
    private static readonly Regex HeadStart = R(@"^" + Head);
    private static readonly Regex Clause = R(@"^\s*(?:Điều\s+\d+\s*[.:]\s*)?(?<list>[^.:]{4,700}?)\s+(?<duty>(?:chịu|" +
        @"có)\s+trách\s+nhiệm\s+(?:thi\s+hành|tổ\s+chức|triển\s+khai|chỉ\s+đạo|thực\s+hiện|hướng\s+dẫn)(?![\p{L}]).*)$", RegexOptions.Singleline);
    private static readonly Regex Split = R(@"\s*;\s*|\s*,\s+(?=" + Head + @")|\s+và\s+(?=" + Head + ")");

    public sealed record Result(IReadOnlyList<string> Parties, string Duty);

    /// <summary>The parties and their shared duty, or null when the sentence does not open with two or more of them.</summary>
    public static Result? Read(string sentence)
    {
        var m = Clause.Match(Collapse(sentence));
        if (!m.Success) return null;
        var parties = Split.Split(m.Groups["list"].Value).Select(p => p.Trim().TrimEnd(',', ';').Trim()).Where(p => p.Length > 0).ToList();
        if (parties.Count < 2 || !parties.All(p => HeadStart.IsMatch(p) && p.Split(' ').Length <= 25)) return null;
        return new Result(parties.Select(CapitalizeFirst).ToList(), CapitalizeFirst(m.Groups["duty"].Value.Trim()));
    }
}
