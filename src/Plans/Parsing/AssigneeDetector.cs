using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// Reads who a duty goes to from the start of a sentence in the organization part:
/// a person ("Thầy Ngô Tấn Hưng - Hiệu trưởng: ...", "Trưởng ban: Bà Võ Thị Kim Bỉ (Hiệu trưởng, BTCB) ...",
/// "Ông Lê Hồng Trung (PHT) trưởng ban: ..."; honorifics dropped), a group of roles ("Các thành viên là Trợ lý thanh
/// niên, Bí thư chi đoàn ... thực hiện ..." → Title = the list of roles, Unit = the board heading, Role "Thành viên"),
/// or a unit ("Văn phòng Sở - cơ quan thường trực có trách nhiệm ...", "..., các phòng thuộc Sở, các đơn vị giáo dục
/// căn cứ ...", "đề nghị các đơn vị trực thuộc báo cáo ...").
/// </summary>
internal static class AssigneeDetector
{
    internal const string Honorific = @"(?:Thầy|Cô|Ông|Bà|Đ/c|Đ/C|đ/c|Đồng chí|đồng chí)";
    internal const string Name = @"\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}";
    internal static readonly Regex HonorificPrefix = R(@"^\s*" + Honorific + @"\.?\s+");
    private static readonly Regex Person = R(@"^\s*(?:(?<label>[^:()]{2,40}?)\s*:\s*)?" + Honorific + @"\.?\s+(?<name>" + Name + @")(?![\p{L}])");
    private static readonly Regex BarePerson = R(@"^\s*(?<name>(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Đào|" +
        @"Trịnh|Mai|Trương|Lương|Tô|Tạ|Hà|Lâm|Phùng|Châu|Cao|Thái|Chu|Quách|Đoàn|Kiều|Lưu|Mạc|Thân|Tăng|Triệu|Từ|Tôn|Nông|Diệp|Giang|Vương|Âu|Lục|" +
        @"Hứa|Bạch|Đàm|Nghiêm|Tống|Ninh|Khổng|Doãn|Huỳnh)(?:\s+\p{Lu}\p{Ll}*){1,4})(?=\s*(?:\(|[-–]\s|:))");
    private static readonly Regex Paren = R(@"\G\s*\((?<p>[^)]{1,80})\)");
    private static readonly Regex DashTitle = R(@"\G\s*[-–]\s*(?<t>[^:,;()]{2,50}?)\s*(?=[:,;(]|\s+(?:có|chịu|phụ\s+trách|là)(?![\p{L}]))");
    private static readonly Regex RolePhrase = R(@"\G\s*,?\s*(?<r>(?:[Tt]rưởng|[Pp]hó|[Tt]hành\s+viên|[Uủ]y\s+viên|[Tt]hư\s+ký|[Tt]ổ\s+trưởng|" +
        @"[Tt]ổ\s+phó|[Cc]hủ\s+tịch)[^:,;()]{0,40}?)\s*(?=[:,;]|\s+(?:có|chịu|phụ\s+trách)(?![\p{L}]))");
    private static readonly Regex Group = R(@"^\s*(?:Các|Những)\s+thành\s+viên(?:\s+(?:là|gồm|khác))?\s*:?\s+(?<list>.+?)\s+(?=(?:thực\s+hiện|" +
        @"có\s+nhiệm\s+vụ|chịu\s+trách\s+nhiệm|phụ\s+trách|tham\s+gia|theo\s+dõi)(?![\p{L}]))");
    private const string UnitHead = @"(?:(?:[Cc]ác|[Nn]hững)\s+)?(?:Trưởng\s+(?:các|phòng|ban|khoa|bộ\s+môn|đơn\s+vị|trạm)|Chánh\s+Văn\s+phòng|" +
        @"Chánh\s+Thanh\s+tra|Giám\s+đốc|Chủ\s+tịch|Người\s+đứng\s+đầu|Công\s+an|Bộ\s+Chỉ\s+huy|phòng|Phòng|đơn\s+vị|Đơn\s+vị|trường(?!\s+hợp)|" +
        @"Trường(?!\s+hợp)|cơ\s+sở\s+giáo\s+dục|bộ\s+phận|Bộ\s+phận|tổ|Tổ|ban|Ban|Văn\s+phòng|Sở|Trung\s+tâm|Hội\s+đồng|Đoàn|Công\s+đoàn|" +
        @"Chi\s+đoàn|Ủy\s+ban|UBND|Thủ\s+trưởng|Hiệu\s+trưởng|Ban\s+[Gg]iám\s+hiệu|giáo\s+viên|Giáo\s+viên|cán\s+bộ|Cán\s+bộ|nhà\s+trường|" +
        @"Nhà\s+trường|cơ\s+quan|Cơ\s+quan)(?![\p{L}])";
    private const string Verb = @"có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|căn\s+cứ|chủ\s+động|thực\s+hiện|triển\s+khai|xây\s+dựng|theo\s+dõi|" +
        @"báo\s+cáo|tổ\s+chức|phối\s+hợp|kịp\s+thời|tham\s+mưu|chủ\s+trì|hướng\s+dẫn|đôn\s+đốc|gửi|nộp|rà\s+soát|kiểm\s+tra|" +
        @"quán\s+triệt|phổ\s+biến|nghiêm\s+túc|có\s+nhiệm\s+vụ|phụ\s+trách|tập\s+trung|tuyên\s+truyền|cử|lập|khẩn\s+trương|nghiên\s+cứu|quan\s+tâm|" +
        @"tham\s+gia|cung\s+cấp|chuẩn\s+bị|tìm\s+kiếm|đề\s+xuất|tăng\s+cường|hoàn\s+thành|cập\s+nhật|bố\s+trí|thông\s+báo|tiếp\s+tục|ban\s+hành|" +
        @"thường\s+xuyên|sớm|cho\s+ý\s+kiến|góp\s+ý|được\s+biết|tiến\s+hành|tích\s+cực|tiếp\s+thu|phản\s+hồi|đẩy\s+nhanh|bảo\s+đảm|đảm\s+bảo|" +
        @"xem\s+xét|có\s+ý\s+kiến|theo\s+chức\s+năng|căn\s+cứ|cần|là\s+(?:đầu\s+mối|cơ\s+quan|đơn\s+vị)";
    // A board named by its work ("Đoàn kiểm tra", "Ban tổ chức"): the work word is part of the name, not the duty.
    private const string NamedBoard = @"(?:(?:[Cc]ác\s+)?(?:Đoàn|đoàn|Tổ|tổ|Ban|ban|Hội\s+đồng)\s+(?:kiểm\s+tra|giám\s+sát|khảo\s+sát|thẩm\s+định|" +
        @"chỉ\s+đạo)|(?:Ban|ban)\s+tổ\s+chức)(?![\p{L}])";
    private static readonly Regex Unit = R(@"\G\s*(?<u>(?:" + NamedBoard + "|" + UnitHead + @")(?:[^:;.]|;\s*(?=" + StrongHead + "|" + PluralHead
        + @")){0,120}?)(?:\s*[-–]\s+(?=\p{Ll}|(?:Chủ\s+trì|Phối\s+hợp|Thực\s+hiện|Tham\s+mưu|Là|Cơ\s+quan|Đơn\s+vị)(?![\p{L}]))|\s+(?=(?:" + Verb
        + @")(?![\p{L}]))|\s*:\s*)");
    private static readonly Regex Label = R(@"^\s*(?<l>[^:()]{2,40}?)\s*:\s*");
    private static readonly Regex Adverbial =
        R(@"^\s*(?:Trên\s+cơ\s+sở|Căn\s+cứ|Trong\s+quá\s+trình|Để|Nhằm|Sau\s+khi|Khi|Trong\s+thời\s+gian|Nếu)(?![\p{L}])");
    private static readonly Regex DeNghi = R(@"(?<![\p{L}])(?:[Đđ]ề\s+nghị|[Yy]êu\s+cầu|[Gg]iao\s+cho|[Gg]iao|thông\s+báo\s+(?:cho|tới|đến))\s+(?=(?:"
        + UnitHead + @")|(?:các|những|toàn\s+thể|mỗi|Các)\s+\p{L}|địa\s+phương(?![\p{L}])|\p{Lu})");
    // Words that end the unit asked but may also be part of a unit's name at the start ("Ban chỉ đạo", "Tổ giám sát").
    private const string AskedVerb = Verb + @"|mời|chỉ\s+đạo|trình|biết|giám\s+sát|khảo\s+sát|tổng\s+hợp";
    private static readonly Regex AskedUnit =
        R(@"\G\s*(?<u>(?:[^:;.()]|;\s*(?=" + StrongHead + "|" + PluralHead + @")){2,200}?)(?:\s+(?=(?:" + AskedVerb + @")(?![\p{L}]))|\s*:\s*)");
    private const string StrongHead =
        @"(?:Ủy\s+ban|Uỷ\s+ban|UBND|Sở|Ban|Phòng|Chủ\s+tịch|Thủ\s+trưởng|Hiệu\s+trưởng|Phó\s+[Hh]iệu\s+trưởng|Giám\s+đốc|Trung\s+tâm|Văn\s+phòng|" +
        @"Công\s+an|Bộ\s+Chỉ\s+huy|Đoàn|Công\s+đoàn|Chánh|[Nn]gười\s+đứng\s+đầu|Trưởng|Thanh\s+tra|Tổ|Trường|Cục|Chi\s+cục|Công\s+ty)(?![\p{L}])";
    private const string PluralHead = @"(?:các|Các)\s+(?:Sở|sở|đơn\s+vị|cơ\s+quan|phòng|trường|tổ|Ban|ban|tổ\s+chức|doanh\s+nghiệp)(?![\p{L}])";
    // "X và Y" splits before any unit; "X, Y" only before a named body or head; "X; Y" (a list of
    // addressees) before a body or a plural ("…, Ủy ban nhân dân …", "…, Giám đốc …").
    private static readonly Regex JointSplit =
        R(@"\s+và\s+(?=" + StrongHead + "|" + PluralHead + @")|,\s+(?=" + StrongHead + @")|;\s*(?=" + StrongHead + "|" + PluralHead + ")");
    private static readonly Regex PartHead = R(@"^(?:(?:các|Các|những|toàn\s+thể)\s+)?(?:" + UnitHead
        + @"|Chủ\s+tịch|Thủ\s+trưởng|Giám\s+đốc|Chánh|[Nn]gười\s+đứng\s+đầu|Chủ\s+đầu\s+tư|chủ\s+đầu\s+tư|Công\s+an|Bộ\s+Chỉ\s+huy|sở|ngành|Ban|" +
        @"Trưởng|Phó|địa\s+phương|Công\s+ty|doanh\s+nghiệp|Doanh\s+nghiệp|Hội|Liên\s+đoàn)(?![\p{L}])");

    /// <summary>"Thủ trưởng các sở, ngành và Chủ tịch UBND các phường" → both, when each part names a unit or role.</summary>
    public static List<string> SplitJoint(string unit)
    {
        var parts = JointSplit.Split(unit).Select(p => p.Trim().TrimEnd(',')).Where(p => p.Length > 0).ToList();
        return parts.Count > 1 && parts.All(p => PartHead.IsMatch(p)) ? parts : [unit];
    }
    private static readonly Regex DeNghiByIssuer =
        R(@"(?:^|,\s*)(?:Sở|Phòng|Ủy\s+ban|UBND|Bộ|Ban|Văn\s+phòng|Cục|Trường|Nhà\s+trường|Trung\s+tâm)[^,.;:]{0,80}\s*$");
    private static readonly Regex CommaUnit = R(@",\s+(?=" + UnitHead + ")");

    public sealed record Result(Assignee Assignee, string Duty);

    public static Result? Detect(string sentence, string? group)
    {
        var m = Person.Match(sentence);
        if (!m.Success) m = BarePerson.Match(sentence);
        if (m.Success) return ReadPerson(sentence, m, group);

        var g = Group.Match(sentence);
        if (g.Success)
        {
            var list = g.Groups["list"].Value.Trim().TrimEnd(',');
            return new Result(new Assignee(null, list, group) { Role = "Thành viên" }, CapitalizeFirst(sentence[(g.Index + g.Length)..].Trim()));
        }

        // A unit at the start, after a short label ("Chế độ báo cáo: ..."), after "đề nghị", or after a leading clause.
        var starts = new List<(int Pos, bool WholeSentence)>();
        var adverbial = Adverbial.IsMatch(sentence);
        if (!adverbial)
        {
            starts.Add((0, false));
            var l = Label.Match(sentence);
            if (l.Success && l.Groups["l"].Value.Split(' ').Length <= 5) starts.Add((l.Length, false));
        }
        var dn = DeNghi.Match(sentence);
        if (dn.Success) starts.Add((dn.Index + dn.Length, true));
        if (adverbial)
        {
            var c = CommaUnit.Match(sentence);
            if (c.Success) starts.Add((c.Index + c.Length, true));
        }
        // "Sở Công Thương yêu cầu các đơn vị …": the unit asked, not the issuer asking, is the assignee.
        var dnPos = dn.Success ? dn.Index + dn.Length : -1;
        var ordered = dn.Success && (dn.Index == 0 || DeNghiByIssuer.IsMatch(sentence[..dn.Index]))
            ? starts.OrderByDescending(s => s.Pos == dnPos).ThenBy(s => s.Pos)
            : starts.OrderBy(s => s.Pos);
        foreach (var (pos, whole) in ordered)
        {
            var u = Unit.Match(sentence, pos);
            if (!u.Success && whole) u = AskedUnit.Match(sentence, pos);
            if (!u.Success) continue;
            var unit = u.Groups["u"].Value.Trim().TrimEnd(',');
            if (unit.Split(' ').Length > (whole ? 30 : 16) && !(unit.Split(' ').Length <= 60 && SplitJoint(unit).Count > 1)) continue;
            var duty = whole ? sentence.Trim() : sentence[(u.Index + u.Length)..].Trim();
            if (pos == 0 && !whole) unit = CapitalizeFirst(unit);
            return new Result(new Assignee(null, null, unit), CapitalizeFirst(duty));
        }
        return SchoolRoleLabel.Detect(sentence) ?? NamedBodyLabel.Detect(sentence);
    }

    private static Result ReadPerson(string s, Match m, string? group)
    {
        var name = m.Groups["name"].Value.Trim();
        var label = m.Groups["label"].Success ? m.Groups["label"].Value.Trim() : null;
        var pos = m.Index + m.Length;
        string? title = null;
        string? role = label;
        var p = Paren.Match(s, pos);
        if (p.Success) { title = p.Groups["p"].Value.Trim(); pos = p.Index + p.Length; }
        var d = DashTitle.Match(s, pos);
        if (d.Success)
        {
            var t = d.Groups["t"].Value.Trim();
            title = title is null ? t : title + ", " + t;
            pos = d.Index + d.Length;
        }
        var r = RolePhrase.Match(s, pos);
        if (r.Success)
        {
            role = role is null ? r.Groups["r"].Value.Trim() : role + ", " + r.Groups["r"].Value.Trim();
            pos = r.Index + r.Length;
        }
        if (role is not null)
        {
            role = CapitalizeFirst(role);
            // "Trưởng ban" in the board "Ban chỉ đạo" → "Trưởng ban chỉ đạo".
            if (group is not null && group.StartsWith("Ban ", StringComparison.OrdinalIgnoreCase)
                && role.EndsWith(" ban", StringComparison.OrdinalIgnoreCase))
                role = role + group[3..].TrimEnd(':').ToLowerInvariant();
        }
        var duty = s[pos..].TrimStart(' ', ':', ',', ';', '-', '–').Trim();
        return new Result(new Assignee(name, title, null) { Role = role }, CapitalizeFirst(duty));
    }
}
