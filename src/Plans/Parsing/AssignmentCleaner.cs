using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// The last pass over the assignments read from a plan or a công văn: takes out the sentences of a letter that name a
/// body but give it no duty of its own, and cuts the requesting authority and the first verb off an assignee.
/// <list type="bullet">
/// <item>a meeting conclusion's preamble ("Sau khi nghe … báo cáo …") and the conditional feedback formula ("Trong quá
/// trình thực hiện, nếu có khó khăn, vướng mắc … phản ánh về …");</item>
/// <item>the issuer speaking of itself: "Sở Công Thương thông báo để Công ty … biết", "Sở Công Thương sẽ phối hợp …",
/// "Để có cơ sở …, Sở Công Thương …" in a letter of that Sở;</item>
/// <item>a list's lead-in naming a generic addressee ("… yêu cầu các cơ quan, đơn vị, địa phương: triển khai … như sau:")
/// when the items below name their own assignees;</item>
/// <item>the closing formula ("… đề nghị các đơn vị nghiêm túc thực hiện./.") addressed to a body already given a
/// duty above ("các đơn vị sản xuất, kinh doanh hóa chất" → "các đơn vị");</item>
/// <item>an assignee swallowing the requester or the verb: "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở" → "Thủ trưởng
/// các sở"; "Phòng GDĐT chỉ đạo" → "Phòng GDĐT", duty "chỉ đạo, …".</item>
/// </list>
/// </summary>
internal static class AssignmentCleaner
{
    private const RegexOptions I = RegexOptions.IgnoreCase;
    private static readonly Regex Preamble = R(@"^(?:Sau\s+khi\s+nghe|Trên\s+đây\s+là)(?![\p{L}])", I);
    private static readonly Regex Conditional = R(
        @"^(?:(?:Trong\s+)?[Qq]uá\s+trình\s+(?:triển\s+khai\s+|tổ\s+chức\s+)?(?:thực\s+hiện|triển\s+khai)[^,.;]{0,60},?\s*nếu"
        + @"|Nếu\s+có\s+(?:khó\s+khăn|vướng\s+mắc))(?![\p{L}])", I);
    private static readonly Regex Dissolves = R(@"(?<![\p{L}])tự\s+giải\s+thể(?![\p{L}])", I);
    private static readonly Regex SelfStatement = R(@"^(?:Thông\s+báo|Để\s|Sẽ\s|Xin\s|Trân\s+trọng)", I);
    private static readonly Regex ListLeadIn = R(
        @"(?:(?:nhiệm\s+vụ|công\s+việc)[^:]{0,60}(?:như\s+sau|sau|cụ\s+thể|sau\s+đây)|(?<![\p{L}])(?:thực\s+hiện|triển\s+khai|báo\s+cáo)\s+" +
        @"(?:một\s+số\s+|các\s+|những\s+)?nội\s+dung\s+(?:như\s+sau|sau(?:\s+đây)?))\s*:\s*$", I);
    private static readonly Regex GenericAddressee = R(
        @"^(?:(?:các|Các|những)\s+)?(?:cơ\s+quan|đơn\s+vị|sở|ngành|địa\s+phương|tổ\s+chức)(?![\p{L}])", I);
    private static readonly Regex ClosingFormula = R(
        @"(?:thực\s+hiện|triển\s+khai|chấp\s+hành)"
        + @"(?:\s+(?:nghiêm\s+túc|đúng\s+thời\s+hạn(?:\s+nêu\s+trên)?|kịp\s+thời|có\s+hiệu\s+quả))?\s*\.?\s*/\s*\.\s*$", I);
    private static readonly Regex Requester = R(
        @"^(?:Chủ\s+tịch|Ủy\s+ban|Uỷ\s+ban|UBND|Sở|Bộ|Cục|Phòng|Ban|Văn\s+phòng|Trường|Nhà\s+trường"
        + @"|Hiệu\s+trưởng|Giám\s+đốc)(?![\p{L}])"
        + @"[^,;:]{0,80}?\s(?:yêu\s+cầu|đề\s+nghị)(?:\s+và\s+(?:yêu\s+cầu|đề\s+nghị))?\s+(?<rest>.+)$");
    private static readonly Regex NotAnAddressee = R(@"^(?:một\s+số|các\s+nội\s+dung|nội\s+dung|như\s+sau|cụ\s+thể)(?![\p{L}])", I);
    private static readonly Regex TrailingVerb = R(
        @"^(?<u>.+?)\s+(?<v>(?:chỉ\s+đạo|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm|sẽ|phải|tổng\s+hợp|nội\s+dung\s+như\s+sau)"
        + @"(?![\p{L}]).*)$");

    private static readonly HashSet<string> BareWords = new(StringComparer.Ordinal)
    {
        "nghiem", "tuc", "khan", "truong", "trien", "khai", "to", "chuc", "thuc", "hien", "dung", "thoi", "han", "neu", "tren",
        "kip", "co", "hieu", "qua", "chap", "hanh", "quan", "tam", "phoi", "hop"
    };

    /// <param name="kind">The document kind: in a letter ("CV", "QD", "other") the conditional feedback formula is
    /// boilerplate; in a plan's organization part it states where problems are reported, and is kept.</param>
    public static List<Assignment> Apply(List<Assignment> list, string? issuer, string kind)
    {
        var issuerKey = FoldWords(issuer);
        var kept = new List<Assignment>();
        for (var i = 0; i < list.Count; i++)
        {
            var a = Reassign(list[i]);
            if (a is null) continue;
            var duty = a.Duty.Trim();
            var who = FoldWords(a.Assignee.Unit ?? a.Assignee.Title ?? a.Assignee.Name);
            var letter = kind is not ("KH" or "KHLT" or "QD-KH");
            if (Preamble.IsMatch(duty) || (letter && Conditional.IsMatch(duty))) continue;
            // "Đoàn kiểm tra tự giải thể sau khi hoàn thành nhiệm vụ": when a board ends, not a duty.
            if (Dissolves.IsMatch(a.Assignee.Display + " " + duty)) continue;
            var isIssuer = issuerKey.Length > 0 && who.Length > 0 && a.Assignee.Name is null
                && (who.StartsWith(issuerKey, StringComparison.Ordinal) || issuerKey.StartsWith(who, StringComparison.Ordinal));
            if (isIssuer && (SelfStatement.IsMatch(duty) || duty.Length == 0)) continue;
            if (ListLeadIn.IsMatch(duty) && a.Assignee.Unit is { } u && GenericAddressee.IsMatch(u)
                && list.Skip(i + 1).Select(b => FoldWords(b.Assignee.Display)).Where(b => b != who).Distinct().Count() >= 2) continue;
            var joint = list.Any(b => b != list[i] && b.Duty == list[i].Duty);
            if (ClosingFormula.IsMatch(duty) && who.Length > 0 && IsBare(duty, who) && !joint
                && kept.Any(k => FoldWords(k.Assignee.Display).Contains(who, StringComparison.Ordinal))) continue;
            if (kept.Any(k => k.Assignee == a.Assignee && k.Duty == a.Duty)) continue;
            kept.Add(a);
        }
        return kept;
    }

    /// <summary>Only the formula's words follow the assignee
    /// ("… đề nghị các đơn vị nghiêm túc triển khai thực hiện./.").</summary>
    private static bool IsBare(string duty, string who)
    {
        var d = FoldWords(duty);
        var at = d.LastIndexOf(who, StringComparison.Ordinal);
        var tail = at >= 0 ? d[(at + who.Length)..] : d;
        return tail.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(BareWords.Contains);
    }

    /// <summary>The assignee with the requester and a trailing verb cut off; null when what is left names no one.</summary>
    private static Assignment? Reassign(Assignment a)
    {
        if (a.Assignee.Unit is not { } unit || a.Assignee.Name is not null) return a;
        var u = unit.Trim();
        var r = Requester.Match(u);
        if (r.Success)
        {
            var rest = r.Groups["rest"].Value.Trim();
            if (NotAnAddressee.IsMatch(rest)) return null;
            u = rest;
        }
        var duty = a.Duty;
        var v = TrailingVerb.Match(u);
        if (v.Success && v.Groups["u"].Value.Split(' ').Length >= 2)
        {
            u = v.Groups["u"].Value.Trim().TrimEnd(',');
            var verb = v.Groups["v"].Value.Trim();
            if (Regex.IsMatch(verb, @"^nội\s+dung\s+như\s+sau", RegexOptions.None, RegexTimeout)) verb = "";
            if (verb.Length > 0 && !FoldWords(duty).Contains(FoldWords(verb), StringComparison.Ordinal))
            {
                var sep = verb is "sẽ" or "phải" || duty.Length == 0 || !char.IsLetter(duty[0]) ? " " : ", ";
                var rest = duty.Length > 1 && char.IsLower(duty[1]) ? char.ToLowerInvariant(duty[0]) + duty[1..] : duty;
                duty = CapitalizeFirst((verb + sep + rest).TrimEnd());
            }
        }
        if (u == unit.Trim() && duty == a.Duty) return a;
        return a with { Assignee = a.Assignee with { Unit = u }, Duty = duty };
    }
}
