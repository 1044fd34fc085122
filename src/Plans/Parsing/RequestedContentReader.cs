using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// A letter whose opening paragraph ends in a request for the content below ("Sở Công Thương đề nghị các chủ đầu tư tập
/// trung thực hiện các nội dung sau:", "… đề nghị Công ty thực hiện đầy đủ các nội dung sau:") and whose numbered parts
/// name no other body: the parts are that addressee's duties. One assignment for the addressee (the request and the
/// first bullet), and the addressee again where the content names it as a subject ("Định kỳ hằng tuần, …, chủ đầu tư gửi
/// báo cáo …"). Inside the parts, sentences of the law quoted for the addressee ("Tổ chức, cá nhân hoạt động khoáng sản
/// thực hiện …") are no assignments of their own, nor is the closing repeat ("… đề nghị các chủ đầu tư nghiêm túc triển
/// khai thực hiện"). When a part names another body ("Sở Xây dựng …"), nothing changes.
/// </summary>
internal static class RequestedContentReader
{
    private const RegexOptions I = RegexOptions.IgnoreCase;
    private static readonly Regex LeadIn = R(@"(?<![\p{L}])(?:đề\s+nghị|yêu\s+cầu)\s+(?<body>[^:]{4,260}?\s(?:các|những)\s+(?:nội\s+dung|" +
        @"nhiệm\s+vụ|công\s+việc|việc|yêu\s+cầu|vấn\s+đề)(?:\s+\p{Ll}+){0,3}?\s+(?:sau(?:\s+đây)?|như\s+sau))\s*:\s*$", I);
    private static readonly Regex Generic = R(@"^(?:(?:các|những|mọi)\s+)?(?:tổ\s+chức|cá\s+nhân|đơn\s+vị|doanh\s+nghiệp|công\s+ty|" +
        @"chủ\s+đầu\s+tư|cơ\s+sở)(?![\p{L}])", I);
    private static readonly Regex Closing = R(@"(?<![\p{L}])(?:đề\s+nghị|yêu\s+cầu)\s+[^.;:]{0,160}?\s(?:nghiêm\s+túc|khẩn\s+trương)\s+" +
        @"(?:triển\s+khai\s+)?(?:thực\s+hiện|triển\s+khai)(?:\s+(?:các\s+nội\s+dung\s+)?(?:nêu\s+)?trên)?\s*(?:[.;,/]|$)", I);
    private static readonly Regex Plural = R(@"^(?:các|những)\s+", I);
    private static readonly Regex SentenceSplit = R(@"(?<=[.!?])\s+(?=[\p{Lu}])");

    /// <param name="intro">The paragraphs before the first numbered part.</param>
    /// <param name="sections">The numbered parts, in document order (path, heading, items).</param>
    /// <param name="into">The assignments read so far; changed in place.</param>
    public static void Apply(IReadOnlyList<string> intro, IReadOnlyList<(string Path, string Heading, IReadOnlyList<string> Items)> sections,
        List<Assignment> into, int? year, List<string> warnings)
    {
        if (sections.Count == 0) return;
        Match? lead = null;
        foreach (var p in intro)
        {
            var m = LeadIn.Match(Collapse(p));
            if (m.Success) lead = m;
        }
        if (lead is null) return;
        var body = lead.Groups["body"].Value;
        if (AssigneeDetector.Detect("Đề nghị " + body, null) is not { Assignee.Unit: { } unit } || unit.Split(' ').Length > 12) return;
        var who = FoldWords(unit);
        var paths = sections.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        bool Inner(Assignment a) => a.SectionId is { } id && paths.Contains(id);
        bool Same(Assignment a)
        {
            var d = FoldWords(a.Assignee.Display);
            return d.Length > 0 && (d.Contains(Strip(who), StringComparison.Ordinal) || who.Contains(d, StringComparison.Ordinal));
        }
        // A part naming a body of its own: the request is only the letter's lead-in.
        if (into.Any(a => Inner(a) && !Same(a) && !Generic.IsMatch(a.Assignee.Display))) return;
        into.RemoveAll(a => Inner(a) && (!Same(a) || (a.Source is { } s && Closing.IsMatch(s))));

        var duty = body[(body.IndexOf(unit, StringComparison.Ordinal) is var at and >= 0 ? at + unit.Length : 0)..].Trim();
        var leadSource = Collapse(lead.Value);
        if (!into.Any(a => a.Source is { } s && FoldWords(s).Contains(FoldWords(body), StringComparison.Ordinal)))
        {
            var first = sections[0].Items.Count > 0 ? sections[0].Items[0] : sections.Count > 1 ? sections[1].Heading : sections[0].Heading;
            var at0 = into.FindIndex(Inner);
            var a = new Assignment(new Assignee(null, null, CapitalizeFirst(unit)), CapitalizeFirst(duty) + ": " + Collapse(first), [])
            { SectionId = sections[0].Path, Source = leadSource };
            if (at0 < 0) into.Add(a); else into.Insert(at0, a);
        }
        AddressedAgain(unit, sections, into, year, warnings);
    }

    /// <summary>"…, chủ đầu tư gửi báo cáo …" inside the parts: the addressee named as the subject of a sentence.</summary>
    private static void AddressedAgain(string unit, IReadOnlyList<(string Path, string Heading, IReadOnlyList<string> Items)> sections,
        List<Assignment> into, int? year, List<string> warnings)
    {
        var core = Plural.Replace(unit.Trim(), "");
        if (core.Split(' ').Length > 6) return;
        var subject = RDynamic(@"(?:^|,\s+)(?<u>" + Regex.Escape(core) + @")\s+(?<d>(?:gửi|nộp|báo\s+cáo|thực\s+hiện|lập|cập\s+nhật|hoàn\s+thành|" +
            @"chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm)(?![\p{L}]).*)$", I);
        foreach (var (path, _, items) in sections)
            foreach (var item in items)
                foreach (var sentence in SentenceSplit.Split(Collapse(item)))
                {
                    var m = subject.Match(sentence);
                    if (!m.Success || into.Any(a => a.Source == sentence)) continue;
                    var who = CapitalizeFirst(m.Groups["u"].Value);
                    var deadlines = DeadlineExtractor.Extract(sentence, who, year, null, m.Groups["d"].Value, warnings);
                    into.Add(new Assignment(new Assignee(null, null, who), CapitalizeFirst(m.Groups["d"].Value), deadlines)
                    { SectionId = path, Source = sentence });
                }
    }

    private static string Strip(string folded) => folded.StartsWith("cac ", StringComparison.Ordinal) ? folded[4..]
        : folded.StartsWith("nhung ", StringComparison.Ordinal) ? folded[6..] : folded;
}
