using System.Globalization;
using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.People;
using TeamsPlans.Plans.Reading;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// Plan text → <see cref="PlanDocument"/>, following the layout of Decree 30/2020/NĐ-CP: header (parent body, issuer,
/// "Số:", place and date), the "KẾ HOẠCH" title with its trích yếu, the legal bases ("Căn cứ ..."/"Thực hiện ..."),
/// numbered sections, the organization part ("TỔ CHỨC THỰC HIỆN") read as assignments, "Nơi nhận" and the signer.
/// Whatever is missing is left null and listed in <see cref="PlanDocument.Warnings"/> (Vietnamese / English).
/// </summary>
public static class PlanParser
{
    /// <summary>Confidence of an assignment whose assignee is a heading line above the duties (a rule guessed who).</summary>
    public const double HeadingConfidence = ReadConfidence.HeadingAssignee;

    internal static readonly Regex TitleLine = R(@"^\s*KẾ\s+HOẠCH(?![\p{L}])\s*[:.]?\s*(?<rest>.*)$");
    private static readonly Regex TypeTitle = R(@"^\s*(?<type>KẾ\s+HOẠCH|QUYẾT\s+ĐỊNH|CHƯƠNG\s+TRÌNH|HƯỚNG\s+DẪN|THÔNG\s+BÁO|PHƯƠNG\s+ÁN|CHỈ\s+THỊ|" +
        @"ĐỀ\s+ÁN|QUY\s+CHẾ|GIẤY\s+MỜI|TỜ\s+TRÌNH|CÔNG\s+ĐIỆN|NGHỊ\s+QUYẾT|KẾT\s+LUẬN|QUY\s+ĐỊNH)(?![\p{L}])\s*[:.]?\s*(?<rest>.*)$");
    private static readonly Regex VvLine = R(@"^\s*(?:V/v|V/V|Về\s+việc)\s*:?\s*(?<rest>.+)$");
    private static readonly Regex KinhGui = R(@"^\s*Kính\s+gửi\s*:?", RegexOptions.IgnoreCase);
    private static readonly Regex OrgHeading = R(@"^(?:TỔ\s+CHỨC\s+THỰC\s+HIỆN|PHÂN\s+CÔNG\s+(?:NHIỆM\s+VỤ|TRÁCH\s+NHIỆM|THỰC\s+HIỆN)|" +
        @"TRÁCH\s+NHIỆM\s+(?:THỰC\s+HIỆN|TỔ\s+CHỨC)|TỔ\s+CHỨC\s+VÀ\s+PHÂN\s+CÔNG|PHÂN\s+CÔNG(?:\s*$|\s*,))", RegexOptions.IgnoreCase);
    // In capitals only: a part heading "TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ" (in mixed case it names one assignee).
    private static readonly Regex OrgHeadingUpper =
        R(@"^(?:TRÁCH\s+NHIỆM\s+CỦA\s+CÁC|NHIỆM\s+VỤ\s+CỦA\s+CÁC|NHIỆM\s+VỤ\s+CỤ\s+THỂ\s+CỦA|TRÁCH\s+NHIỆM(?:\s*$))");
    private static readonly Regex LeadLabel = R(@"(?:^|[.;]\s*|\s[-–]\s*)(?:(?:Cơ\s+quan|Đơn\s+vị|" +
        @"Bộ\s+phận|Người)\s+)?(?:chủ\s+trì(?:\s+thực\s+hiện)?|thực\s+hiện|phụ\s+trách)\s*:\s*(?<lead>[^;.\n]{2,160}?)(?=\s*(?:;|\.\s|\.$|$|" +
        @"[-–]\s*(?:Cơ\s+quan|Đơn\s+vị|Bộ\s+phận|Thời\s+gian|Sản\s+phẩm|Phối\s+hợp)))", RegexOptions.IgnoreCase);
    private static readonly Regex SupportLabel =
        R(@"(?:(?:Cơ\s+quan|Đơn\s+vị|Bộ\s+phận)\s+)?phối\s+hợp(?:\s+thực\s+hiện)?\s*:\s*(?<s>[^;.\n]{2,240})", RegexOptions.IgnoreCase);
    internal static readonly Regex NumberLine = R(@"^\s*Số\s*:\s*(?<rest>.*)$");
    internal static readonly Regex DateLine = R(@"^(?<place>[^,]*?)\s*,?\s*ngày\s*(?:(?<d>\d{1,2})\s*(?:tháng\s*(?<m>\d{1,2})?|" +
        @"/\s*(?<m>\d{1,2})\s*/)|tháng\s*(?<m>\d{1,2})?)?\s*(?:tháng\s*)?(?:năm\s*)?(?<y>\d{4})", RegexOptions.IgnoreCase);
    internal static readonly Regex Motto = R(@"CỘNG\s+H\p{L}{1,3}\s+X\p{L}\s+H\p{L}{1,2}I|CHỦ\s+NGHĨA\s+VIỆT|Độc\s+lập\s*[-–—]\s*Tự\s+do|" +
        @"ĐỘC\s+LẬP\s*[-–—]\s*TỰ\s+DO", RegexOptions.IgnoreCase);
    internal static readonly Regex Columns = R(@"\s{3,}");
    internal static readonly Regex OrgHead = R(@"^(?:SỞ|PHÒNG|TRƯỜNG|UBND|ỦY BAN|UỶ BAN|BỘ|BAN|CỤC|TỔNG CỤC|CHI CỤC|VỤ|VĂN PHÒNG|TRUNG TÂM|HỘI " +
        @"ĐỒNG|HĐND|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|CHI BỘ|CÔNG ĐOÀN|ĐOÀN|THÀNH ĐOÀN|HỘI|VIỆN|HỌC VIỆN|ĐẠI HỌC|TỔ|CÔNG AN|THANH TRA|KHO BẠC|BỆNH VIỆN|TỈNH " +
        @"ỦY|THÀNH ỦY|HUYỆN ỦY|QUẬN ỦY|BỘ PHẬN)(?![\p{L}])");
    internal static readonly Regex NoiNhan = R(@"N[ơo]i\s+nhận\s*:?", RegexOptions.IgnoreCase);
    private static readonly Regex Closing = R(@"^(?:Trên\s+đây|Trên\s+đấy)(?![\p{L}])", RegexOptions.IgnoreCase);
    private static readonly Regex IssuerStatement =
        R(@"(?:^|[,;.]\s*|Nay\s+|nay\s+)(?<org>(?:[Tt]rường|Sở|Phòng|Ủy\s+ban\s+nhân\s+dân|UBND|Ban|Bộ|Trung\s+tâm|Văn\s+phòng|Công\s+đoàn|Đoàn|" +
        @"Hội\s+đồng|Cục|Chi\s+cục)\s[^,;:]{2,90}?)\s+(?:xây\s+dựng|ban\s+hành|triển\s+khai|lập)\s+(?:[Kk]ế\s+hoạch)");
    private static readonly Regex TitleStop =
        R(@"^(?:Căn\s+cứ|Thực\s+hiện|Theo|Triển\s+khai|Số\s*:|\(|Kính\s+gửi)(?![\p{L}])", RegexOptions.IgnoreCase);
    private static readonly Regex FirstTitleStop = R(@"^(?:Căn\s+cứ|Số\s*:|Kính\s+gửi)(?![\p{L}])", RegexOptions.IgnoreCase);
    private static readonly Regex YearInText = R(@"năm\s+(?<y>(?:19|20)\d\d)(?!\d)", RegexOptions.IgnoreCase);
    internal static readonly Regex SignerPrefix = R(@"^(?<p>KT|TM|TL|TUQ|Q)\s*\.\s*(?<rest>.+)$");
    internal static readonly Regex SignerName = R(@"^" + AssigneeDetector.Name + "$");
    internal static readonly Regex Purpose =
        R(@"\(\s*(?:để\s+)?(?<p>báo\s+cáo|thực\s+hiện|phối\s+hợp|biết|chỉ\s+đạo|theo\s+dõi|t/h|b/c|th|bc)\s*\)", RegexOptions.IgnoreCase);
    internal static readonly Regex PurposeInline =
        R(@"[-–]\s*(?:để\s+)(?<p>báo\s+cáo|thực\s+hiện|phối\s+hợp|biết|chỉ\s+đạo|theo\s+dõi)\s*$", RegexOptions.IgnoreCase);
    internal static readonly Regex TwoSpaces = R(@"\s{2,}");
    private static readonly Regex SentenceSplit = R(@"(?<=[.!?])\s+(?=[\p{Lu}])");

    /// <summary>Parses plan text (from any extractor).</summary>
    public static PlanDocument Parse(string text) => Parse(text, [], null, CancellationToken.None);

    /// <summary>Parses plan text; <paramref name="footnotes"/> are kept apart by the format
    /// (docx); <paramref name="sourceName"/> names errors.</summary>
    public static PlanDocument Parse(string text, IReadOnlyList<string> footnotes, string? sourceName, CancellationToken ct = default)
    {
        var source = sourceName ?? "(văn bản)";
        if (string.IsNullOrWhiteSpace(text))
            throw new PlanReadException(PlanReadErrorCode.Empty, source, "tệp rỗng, không có nội dung.", "the file is empty.");
        var warnings = new List<string>();
        var prep = TextNormalizer.Prepare(text, footnotes);
        var lines = prep.Lines;
        ct.ThrowIfCancellationRequested();

        // 0. Task tables (pipe rows, from markdown or .docx): read apart, blanked from the running text.
        var tableRows = TaskTableReader.ReadAndBlank(lines);

        // 1. Title line. A Quyết định before the plan's "KẾ HOẠCH" issues it (QD-KH): number, date, signer from the QĐ.
        string kind = "KH";
        var titleIdx = lines.FindIndex(l => TitleLine.IsMatch(l));
        var typeIdx = lines.FindIndex(l => TypeTitle.IsMatch(l));
        var qdTail = -1;
        var qdStart = -1;
        if (titleIdx >= 0 && typeIdx >= 0 && typeIdx < titleIdx
            && TypeTitle.Match(lines[typeIdx]).Groups["type"].Value.StartsWith("QUY", StringComparison.Ordinal))
        {
            kind = "QD-KH";
            qdStart = typeIdx;
            for (var i = titleIdx - 1; i > typeIdx; i--)
                if (IsNoiNhan(lines[i])) { qdTail = i; break; }
        }
        else if (titleIdx >= 0 && Regex.IsMatch(lines[titleIdx], @"KẾ\s+HOẠCH\s+LIÊN\s+TỊCH")) kind = "KHLT";
        else if (titleIdx < 0 && typeIdx >= 0)
        {
            titleIdx = typeIdx;
            var t = TypeTitle.Match(lines[typeIdx]).Groups["type"].Value;
            kind = t.StartsWith("QUY", StringComparison.Ordinal) ? "QD" : "other";
        }
        var vvIdx = -1;
        // A letter ("V/v …", "Kính gửi", its own "Nơi nhận") whose appendix holds a plan form: the letter is the document.
        var vv0 = lines.FindIndex(l => VvLine.IsMatch(l));
        if (kind == "KH" && titleIdx > 0 && vv0 >= 0 && vv0 < titleIdx && lines.Take(titleIdx).Skip(vv0).Any(IsNoiNhan))
        {
            titleIdx = -1;
            typeIdx = -1;
        }
        if (titleIdx < 0)
        {
            vvIdx = lines.FindIndex(l => VvLine.IsMatch(l));
            var sawHeader = lines.Take(40).Any(l => NumberLine.IsMatch(Collapse(l))) || lines.Take(40).Any(l => Motto.IsMatch(l))
                || lines.Any(IsNoiNhan);
            if (vvIdx >= 0 || sawHeader) kind = "CV";
            else
            {
                var paras0 = Paragraphs.Build(lines);
                var romans = paras0.Count(p => p.Kind == ParaKind.Roman);
                var org = paras0.Any(p => p.IsHeading && IsOrgHeading(p.Content));
                if (romans < 2 || !org)
                    throw new PlanReadException(PlanReadErrorCode.NotAPlan, source,
                        "không phải kế hoạch: không có tiêu đề \"KẾ HOẠCH\" (hay Quyết định, Công văn) và không có cấu trúc mục I, II, ... " +
                            "\"Tổ chức thực hiện\".",
                        "not a plan: no \"KẾ HOẠCH\" title (nor a decision or official letter) and no plan structure (sections I, II, ... " +
                            "and \"Tổ chức thực hiện\").");
                warnings.Add("Không thấy tiêu đề \"KẾ HOẠCH\" / The \"KẾ HOẠCH\" title is missing.");
            }
        }

        // 2. Header.
        var headerEnd = qdStart >= 0 ? qdStart : titleIdx >= 0 ? titleIdx : vvIdx >= 0 ? FindKinhGui(lines, vvIdx) : kind == "CV"
            ? FindKinhGui(lines, 0) : -1;
        var header = headerEnd > 0 ? lines.GetRange(0, headerEnd) : new List<string>();
        var (parent, issuer, number, place, issuedOn, year, coIssuers, issueMonth) = HeaderReader.Parse(header, warnings);

        // 3. Title (trích yếu).
        var bodyStart = Math.Max(titleIdx + 1, 0);
        var titleParts = new List<string>();
        if (titleIdx >= 0)
        {
            var rest = TypeTitle.Match(lines[titleIdx]).Groups["rest"].Value.Trim();
            rest = Regex.Replace(rest, @"^LIÊN\s+(?:TỊCH|NGÀNH)(?![\p{L}])\s*", "");
            if (rest.Length > 0) titleParts.Add(rest);
            var i = titleIdx + 1;
            for (; i < lines.Count && titleParts.Count < 5; i++)
            {
                var t = Collapse(lines[i]);
                if (t.Length == 0) { if (lines[i].Length >= 15 && titleParts.Count > 0) break; continue; }
                if (titleParts.Count == 0 && Regex.IsMatch(t, @"^LIÊN\s+(?:TỊCH|NGÀNH)$")) continue;
                var stop = titleParts.Count == 0 ? FirstTitleStop : TitleStop;
                if ((stop.IsMatch(t) && !char.IsLower(t[0])) || Paragraphs.Classify(t).Kind != ParaKind.Plain || IssuerStatement.IsMatch(t)
                    || AuthorityLine.Is(t)) break;
                if (titleParts.Count > 0 && t.Length > 0 && rest.Length > 0 && t.EndsWith(':')) break;
                if (t.All(c => c is '-' or '_' or '—' or '–' or '*' or '=' or ' ')) break;
                if (TitleContinuation.CapitalsAfterMixedCase(titleParts, t) || TitleContinuation.OpensBody(t)) break;
                titleParts.Add(t);
            }
            bodyStart = i;
            // A "Kính gửi:" block under the title (giấy mời, thông báo): the addressees, not the body.
            if (kind == "other" && lines.Skip(i).Take(6).Any(l => KinhGui.IsMatch(Collapse(l)))) bodyStart = FindKinhGuiEnd(lines, i);
        }
        else if (vvIdx >= 0)
        {
            var vv = VvLine.Match(lines[vvIdx]);
            titleParts.Add(Columns.Split(vv.Groups["rest"].Value.Trim())[0]);
            var skipped = 0;
            for (var i = vvIdx + 1; i < lines.Count && i < vvIdx + TitleContinuation.MaxVvLines + skipped; i++)
            {
                var c = Columns.Split(lines[i].Trim())[0].Trim();
                if (c.Length == 0 && skipped == 0 && TitleContinuation.AfterBlank(lines, i, titleParts[^1])) { skipped = 1; continue; }
                if (c.Length == 0 || NumberLine.IsMatch(c) || (DateLine.IsMatch(c) && !Regex.IsMatch(c, @"^\S*\d+/\p{Lu}")) || c.StartsWith("Kính",
                    StringComparison.OrdinalIgnoreCase) || Motto.IsMatch(c) || (IsMostlyUpper(c) && c.Split(' ').Length > 2)) break;
                if (!char.IsLower(c[0]) && titleParts[^1].TrimEnd().EndsWith('.')) break;
                titleParts.Add(c);
            }
            bodyStart = FindKinhGuiEnd(lines, Math.Max(headerEnd, vvIdx + 1));
        }
        else if (headerEnd < 0 && kind == "CV")
        {
            bodyStart = FindKinhGuiEnd(lines, 0);
        }
        var title = Collapse(string.Join(' ', titleParts));
        if (vvIdx >= 0) title = Regex.Replace(title, @"^(?:V/v|Về\s+việc)\s*:?\s*", "", RegexOptions.IgnoreCase);
        else title = Regex.Replace(title, @"^V/[vV]\s*:?\s*", "");
        title = Regex.Replace(title, @"\s*\(\s*Ban\s+hành\s+kèm\s+theo.*$", "", RegexOptions.IgnoreCase);

        // 4. Tail: "Nơi nhận" and signer.
        // The first "Nơi nhận" after the body: what follows the signature (appendices, forms, attached lists) is no body.
        var tailIdx = -1;
        for (var i = bodyStart; i < lines.Count; i++)
            if (IsNoiNhan(lines[i])) { tailIdx = i; break; }
        var bodyEnd = tailIdx >= 0 ? tailIdx : lines.Count;
        var tailEnd = lines.Count;
        if (qdTail >= 0)
        {
            // The plan attached to a decision: its body runs from its title to its own "Nơi nhận" (or the end); the
            // decision's "Nơi nhận" and signer are the document's.
            tailEnd = titleIdx;
            if (tailIdx < bodyStart) { tailIdx = qdTail; bodyEnd = lines.Count; }
            else { (tailIdx, bodyEnd) = (qdTail, tailIdx); }
            bodyEnd = TrimTrailingSigner(lines, bodyStart, bodyEnd);
        }

        var paras = Paragraphs.Build(lines.GetRange(bodyStart, Math.Max(0, bodyEnd - bodyStart)));
        ct.ThrowIfCancellationRequested();

        // 5. Intro (legal bases, issuer statement) and sections.
        var intro = new List<Para>();
        var roots = new List<SectionBuilder>();
        var stack = new List<SectionBuilder>();
        var closing = new List<Para>();
        var inClosing = false;
        foreach (var p in paras)
        {
            if (inClosing || (p.Kind == ParaKind.Plain && Closing.IsMatch(p.Text))) { inClosing = true; closing.Add(p); continue; }
            if (p.IsHeading)
            {
                var id = p.Label!;
                if (p.Kind == ParaKind.Arabic && id.Contains(".."))
                {
                    warnings.Add($"Số mục \"{id}\" viết sai, đọc là \"{Regex.Replace(id, @"\.{2,}", ".")}\" / Section label \"{id}\" is mistyped; " +
                        $"read as \"{Regex.Replace(id, @"\.{2,}", ".")}\".");
                    id = Regex.Replace(id, @"\.{2,}", ".");
                }
                var level = p.Kind switch { ParaKind.Part => 0, ParaKind.Roman or ParaKind.Article => 1,
                    ParaKind.Arabic => 1 + id.Count(c => c == '.') + 1, _ => 6 };
                var s = new SectionBuilder(id, p.Content.TrimEnd(':', ' ').Trim(), level, p.Content.TrimEnd().EndsWith(':'));
                while (stack.Count > 0 && stack[^1].Level >= level) stack.RemoveAt(stack.Count - 1);
                if (stack.Count == 0) roots.Add(s); else stack[^1].Children.Add(s);
                s.Path = stack.Count == 0 ? id : stack[^1].Path + "." + id;
                stack.Add(s);
                continue;
            }
            if (stack.Count == 0) { intro.Add(p); continue; }
            stack[^1].Items.Add(p.Content);
        }

        // 6. Legal bases and issuer from the intro (and from the decision that issues the plan).
        var legal = new List<LegalBasis>();
        string? stated = null;
        if (qdStart >= 0)
        {
            var qdEnd = qdTail >= 0 ? qdTail : titleIdx;
            foreach (var p in Paragraphs.Build(lines.GetRange(qdStart + 1, Math.Max(0, qdEnd - qdStart - 1))))
                if (p.Kind == ParaKind.Plain && LegalBasisReader.IsLegalParagraph(p.Text)) legal.AddRange(LegalBasisReader.Read(p.Text));
        }
        foreach (var p in intro)
        {
            // "- Căn cứ …": a basis set as a bullet (or after a stray dash of a scan's text layer, 209) is read without its dash.
            if (p.Kind == ParaKind.Bullet && LegalBasisReader.IsLegalParagraph(p.Content)) legal.AddRange(LegalBasisReader.Read(p.Content));
            else if (LegalBasisReader.IsLegalParagraph(p.Text)) legal.AddRange(LegalBasisReader.Read(p.Text));
            else if (p.Kind == ParaKind.Plain) legal.AddRange(LegalBasisReader.ReadWithinSentence(p.Text));
            var st = IssuerStatement.Match(p.Text);
            if (stated is null && st.Success) stated = CapitalizeFirst(Collapse(st.Groups["org"].Value));
        }
        legal = legal.GroupBy(l => l.Number ?? l.Text).Select(g => g.First()).ToList();
        if (issuer is null && stated is not null)
        {
            issuer = stated;
            var suffix = number is null ? null : SymbolIssuerCode(number);
            var matches = suffix is not null && Initials(stated).EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
            warnings.Add(matches
                ? $"Thiếu tên cơ quan ban hành ở phần đầu; suy ra từ nội dung và ký hiệu \"{number}\": {stated} / Issuer missing from the header; " +
                    $"inferred from the body and the symbol \"{number}\": {stated}."
                : $"Thiếu tên cơ quan ban hành ở phần đầu; suy ra từ nội dung: {stated} / Issuer missing from the header; inferred from the body: " +
                    $"{stated}.");
        }
        if (issuer is null) warnings.Add("Thiếu cơ quan ban hành / Missing issuer.");

        if (title.Length > 0 && IsMostlyUpper(title))
            title = RestoreNames(SentenceCase(title), [issuer, parent, place, stated]);
        if (title.Length == 0) warnings.Add("Thiếu trích yếu (tên kế hoạch) / Missing title.");
        if (year is null)
        {
            var ym = YearInText.Match(title);
            if (!ym.Success && number is not null) ym = Regex.Match(number, @"/(?<y>(?:19|20)\d\d)/");
            if (ym.Success)
            {
                year = int.Parse(ym.Groups["y"].Value, CultureInfo.InvariantCulture);
                warnings.Add($"Năm ban hành lấy từ trích yếu: {year} / Year taken from the title: {year}.");
            }
        }

        // 7. Sections → model; organization part → assignments; deadlines everywhere.
        var orgSection = FindOrg(roots);
        var synthetic = false;
        if (orgSection is null && (kind is "QD" or "CV" or "other" || roots.Count > 0))
        {
            synthetic = true;
            // A decision's articles, an official letter's body: the whole text is where duties are given.
            orgSection = new SectionBuilder("", "", -1, false);
            orgSection.Items.AddRange(kind is "CV" or "other" ? intro.Where(p => !(LegalBasisReader.IsLegalParagraph(p.Text)
                && LegalBasisReader.Read(p.Text).Count > 0)).Select(p => p.Content) : []);
            orgSection.Children.AddRange(roots);
        }
        if (orgSection is null || (synthetic && kind is "KH" or "KHLT" or "QD-KH")) warnings.Add("Thiếu phần \"Tổ chức thực hiện\" / " +
            "Missing the \"Tổ chức thực hiện\" (organization) part.");
        var allDeadlines = new List<Deadline>();
        var fallbackWhat = title.Length > 0 ? title : "Kế hoạch";
        if (!synthetic) foreach (var s in roots) CollectDeadlines(s, orgSection, year, fallbackWhat, allDeadlines, warnings);
        var assignments = new List<Assignment>();
        // Duties given in the content sections: "Cơ quan chủ trì: …; Cơ quan phối hợp: …; Thời gian thực hiện: …".
        LeadItems.Value!.Clear();
        foreach (var s in roots) LeadLabels(s, orgSection, assignments, year, fallbackWhat, warnings);
        if (synthetic) foreach (var a in assignments) allDeadlines.AddRange(a.Deadlines);
        if (orgSection is not null)
        {
            var before = assignments.Count;
            Orphans.Value!.Clear();
            BuildAssignments(orgSection, orgSection, null, assignments, year, fallbackWhat, warnings);
            // A second organization part beside the last ("Phân công trách nhiệm" before "Tổ chức thực hiện") gives duties too.
            if (!synthetic)
                foreach (var other in FindOrgs(roots).Where(o => o != orgSection && !Flatten(orgSection).Contains(o)))
                    BuildAssignments(other, other, null, assignments, year, fallbackWhat, warnings);
            if (!synthetic && kind is "CV" or "QD" or "other")
            {
                HeadingAssigneesOutside(roots, orgSection, assignments, year, fallbackWhat, warnings);
                JointSentencesOutside(roots, orgSection, assignments, year, fallbackWhat, warnings);
            }
            var seenDeadline = new HashSet<string>();
            foreach (var a in assignments.Skip(before))
                foreach (var d in a.Deadlines)
                    if (seenDeadline.Add(d.Due + "|" + d.What)) allDeadlines.Add(d);
            allDeadlines.AddRange(Orphans.Value!);
            Orphans.Value!.Clear();
            // A letter asking its addressee for "các nội dung sau:": the parts below are that addressee's duties.
            if (synthetic && kind is "CV" or "other")
                RequestedContentReader.Apply(intro.Select(p => p.Content).ToList(),
                    roots.SelectMany(Flatten).Select(x => (x.Path, x.Heading, (IReadOnlyList<string>)x.Items)).ToList(), assignments, year, warnings);
        }
        var tableAssignments = TaskTableReader.ToAssignments(tableRows, year, fallbackWhat, warnings);
        assignments.AddRange(tableAssignments);
        foreach (var a in tableAssignments) allDeadlines.AddRange(a.Deadlines);
        if (tailIdx >= 0
            && qdTail < 0) allDeadlines.AddRange(AppendixScheduleReader.Read(lines.GetRange(tailIdx, lines.Count - tailIdx), issuedOn, warnings));
        DateOnly? notBefore = issuedOn ?? (year is { } yy ? new DateOnly(yy, issueMonth ?? 1, 1) : null);
        if (notBefore is { } issued)
        {
            // A date before the plan was issued is a past event, not something due.
            var kept = allDeadlines.Where(d => d.Recurrence is not null || d.Due.Kind is DueKind.YearlyDate || d.Due.LastDay() >= issued).ToList();
            if (kept.Count < allDeadlines.Count)
                warnings.Add($"Bỏ {allDeadlines.Count - kept.Count} ngày trước ngày ban hành (việc đã qua) / " +
                    $"Dropped {allDeadlines.Count - kept.Count} date(s) before the issue date (past events).");
            allDeadlines = kept;
        }
        allDeadlines = Dedup(Deadlines.MonthlyAnchor.ToIssueMonth(allDeadlines, issuedOn?.Month ?? issueMonth));
        var reports = ReportRegimeReader.Read(roots.SelectMany(Flatten).SelectMany(x => x.Items).Concat(intro.Select(p => p.Content)), year);

        // 8. Recipients and signer.
        var (recipients, signers) = TailReader.Parse(tailIdx >= 0 ? lines.GetRange(tailIdx, Math.Max(0, tailEnd - tailIdx)) : [], warnings);
        // A joint document's signature grid above its "Nơi nhận".
        if (signers.Count == 0 && tailIdx > bodyStart)
            signers = SignatureGridReader.Read(lines.GetRange(Math.Max(bodyStart, tailIdx - 80), tailIdx - Math.Max(bodyStart, tailIdx - 80)));
        var signer = signers.Count > 0 ? signers[0] : null;
        if (signer is null && tailIdx < 0)
        {
            signer = TailReader.SignerOnly(lines.GetRange(bodyEnd > 12 ? bodyEnd - 12 : 0, Math.Min(12, bodyEnd)));
            if (signer is not null) signers = [signer];
        }
        if (signer is not null && signer.Title is null && signer.Name is not null)
        {
            var match = assignments.FirstOrDefault(a => a.Assignee.Name is not null && PersonNameMatcher.SameName(a.Assignee.Name, signer.Name));
            if (match?.Assignee.Title is not null)
            {
                signer = signer with { Title = match.Assignee.Title };
                warnings.Add($"Người ký \"{signer.Name}\" không ghi chức vụ; " +
                    $"là \"{match.Assignee.Name}\" ({match.Assignee.Title}) trong phần tổ chức thực hiện / Signer \"{signer.Name}\" has no title; " +
                    $"matched to \"{match.Assignee.Name}\" ({match.Assignee.Title}) in the organization part.");
            }
            else warnings.Add("Thiếu chức vụ người ký / Missing signer title.");
        }
        if (signer is null) warnings.Add("Thiếu người ký / Missing signer.");
        if (recipients.Count == 0) warnings.Add("Thiếu nơi nhận / Missing recipients.");

        return new PlanDocument
        {
            Number = number,
            Issuer = issuer,
            ParentIssuer = parent,
            Place = place,
            IssuedOn = issuedOn,
            Year = year,
            Title = title,
            LegalBases = legal,
            Sections = roots.Select(r => r.Build()).ToList(),
            Assignments = Units.AssigneeKindClassifier.Apply(AssignmentCleaner.Apply(EnumeratedUnits.Expand(assignments), issuer, kind)),
            Deadlines = allDeadlines,
            Recipients = recipients,
            Signer = signer,
            Signers = signers.Count > 0 ? [signer!, .. signers.Skip(1)] : [],
            CoIssuers = coIssuers,
            Reports = reports,
            Kind = kind,
            Warnings = warnings,
            Footnotes = prep.Footnotes
        };
    }

    private sealed class SectionBuilder(string id, string heading, int level, bool endsWithColon)
    {
        public string Id { get; } = id;
        public string Heading { get; } = heading;
        public int Level { get; } = level;
        public bool EndsWithColon { get; } = endsWithColon;
        public string Path { get; set; } = id;
        public List<string> Items { get; } = [];
        public List<SectionBuilder> Children { get; } = [];
        public PlanSection Build() => new(Id, Heading, Items.ToList(), Children.Select(c => c.Build()).ToList());
    }

    /// <summary>
    /// The organization part: the shallowest section headed "TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG NHIỆM VỤ", "TRÁCH NHIỆM
    /// THỰC HIỆN", ... (the last of them when several share that depth), a Roman section or a lettered part alike.
    /// </summary>
    private static SectionBuilder? FindOrg(List<SectionBuilder> roots) => FindOrgs(roots).LastOrDefault();

    /// <summary>Every organization-headed section at the shallowest depth ("5. Phân công trách nhiệm" and "7. Tổ chức thực hiện").</summary>
    private static List<SectionBuilder> FindOrgs(List<SectionBuilder> roots)
    {
        var found = new List<SectionBuilder>();
        var depth = int.MaxValue;
        void Walk(SectionBuilder s, int d)
        {
            if (IsOrgHeading(s.Heading) && d <= depth)
            {
                if (d < depth) found.Clear();
                found.Add(s);
                depth = d;
                return;
            }
            foreach (var c in s.Children) Walk(c, d + 1);
        }
        foreach (var r in roots) Walk(r, 0);
        return found;
    }

    private static void CollectDeadlines(SectionBuilder s, SectionBuilder? org, int? year, string fallbackWhat, List<Deadline> into,
        List<string> warnings)
    {
        if (s == org) return;
        if (s.Heading.Split(' ').Length > 6) into.AddRange(DeadlineExtractor.Extract(s.Heading, null, year, null, fallbackWhat, warnings));
        foreach (var item in s.Items) into.AddRange(DeadlineExtractor.Extract(item, null, year, s.Heading, fallbackWhat, warnings));
        foreach (var c in s.Children) CollectDeadlines(c, org, year, fallbackWhat, into, warnings);
    }

    // Items already read as "Cơ quan chủ trì: …" duties (per parse, on the parsing thread).
    private static readonly ThreadLocal<HashSet<string>> LeadItems = new(() => new HashSet<string>(StringComparer.Ordinal));
    // Deadlines of sentences in the organization part that name no assignee (per parse, on the parsing thread).
    private static readonly ThreadLocal<List<Deadline>> Orphans = new(() => []);

    private static readonly Regex HeadingAssigneePrefix = R(@"^(?:(?:Trách\s+nhiệm|Nhiệm\s+vụ)(?:\s*(?:,|và)\s*quyền\s+hạn)?" +
        @"(?:\s+(?:cụ\s+thể|chung))?\s+(?:của|đối\s+với)\s+|" +
        @"Đối\s+với\s+|Giao\s+(?:cho\s+)?|Phân\s+công\s+(?:cho\s+)?)", RegexOptions.IgnoreCase);
    private static readonly Regex HeadingAssigneeStart = R(@"^(?:(?:Các|Những|Toàn\s+thể)\s+)?(?:Hiệu\s+trưởng|Phó\s+[Hh]iệu\s+trưởng|" +
        @"Ban\s+[Gg]iám\s+(?:hiệu|đốc)|Giám\s+đốc|Phó\s+[Gg]iám\s+đốc|Lãnh\s+đạo|Tổ\s+trưởng|Tổ\s+phó|Tổ(?!\s+chức)|Nhóm|Giáo\s+viên|GVCN|GVBM|" +
        @"Chủ\s+tịch|Bí\s+thư|Đoàn(?!\s+kết)|Công\s+đoàn|Chi\s+đoàn|Chi\s+bộ|Đảng\s+ủy|Liên\s+đội|Văn\s+phòng|Phòng(?![,\s]+chống)(?!\s+ngừa)|Sở|" +
        @"Ban(?!\s+hành)|Trung\s+tâm|Trường(?!\s+học)|Ủy\s+ban|UBND|Cơ\s+quan|Đơn\s+vị|Bộ\s+phận|Kế\s+toán|Văn\s+thư|Thủ\s+quỹ|Nhân\s+viên|" +
        @"Cán\s+bộ|Thư\s+viện|Y\s+tế|Thầy|Cô|Ông|Bà|Đ/c|Đồng\s+chí|Trưởng|Phó|Hội(?!\s+thi|\s+nghị|\s+giảng|\s+thảo)|Thành\s+viên|Học\s+sinh|" +
        @"Cha\s+mẹ|Thanh\s+tra|Công\s+an|Hội\s+đồng|Cục|Vụ|Bộ|Chi\s+cục|Kho\s+bạc|Bảo\s+hiểm|Thuế|Khoa(?!\s+học)|Viện|Tòa\s+án|Sinh\s+viên|" +
        @"Giảng\s+viên|Thường\s+trực|Thủ\s+trưởng|Người\s+đứng\s+đầu|Tổng\s+phụ\s+trách|TPT|Quận|Huyện|Xã|Phường|Thị\s+xã|Thành\s+phố)(?![\p{Ll}])",
        RegexOptions.IgnoreCase);
    private static readonly Regex TaskVerbStart = R(@"^(?:Tổ\s+chức|Thực\s+hiện|Xây\s+dựng|Triển\s+khai|Tăng\s+cường|Đẩy\s+mạnh|Nâng\s+cao|" +
        @"Kiểm\s+tra|Tuyên\s+truyền|Công\s+tác|Hoạt\s+động|Chế\s+độ|Kinh\s+phí|Thời\s+gian|Nội\s+dung|Mục\s+đích|Yêu\s+cầu)(?![\p{L}])",
        RegexOptions.IgnoreCase);

    /// <summary>"2. Phó Hiệu trưởng Nguyễn Minh Trí", "3. Các tổ chuyên môn", "Trách nhiệm của Phòng GDĐT:" → the assignee, else null.</summary>
    internal static string? HeadingAssignee(string heading)
    {
        var h = Collapse(heading).TrimEnd(':', '.', ' ');
        h = HeadingAssigneePrefix.Replace(h, "");
        if (h.Length < 2 || h.Split(' ').Length > 16 || TaskVerbStart.IsMatch(h) || h.Contains(':')) return null;
        if (IsMostlyUpper(h) && h.Split(' ').Length > 3 && !HeadingAssigneeStart.IsMatch(SentenceCase(h))) return null;
        if (!HeadingAssigneeStart.IsMatch(h) && !HeadingAssigneeStart.IsMatch(CapitalizeFirst(h))
            && !(IsMostlyUpper(h) && HeadingAssigneeStart.IsMatch(OrgCase(h)))) return null;
        return CapitalizeFirst(h);
    }

    private static IEnumerable<string> ItemsDeep(SectionBuilder s) =>
        s.Items.Concat(s.Children.SelectMany(c => (c.EndsWithColon || c.Heading.Split(' ').Length < 6 ? [] : new[] { c.Heading })
            .Concat(ItemsDeep(c))));

    private static void BuildAssignments(SectionBuilder s, SectionBuilder org, string? group, List<Assignment> into, int? year, string fallbackWhat,
        List<string> warnings)
    {
        if (s != org && HeadingAssignee(s.Heading) is { } who && (s.Items.Count > 0 || s.Children.Count > 0))
        {
            // An assignee on its own heading line with the duties beneath: one assignment, unless the lines beneath
            // name assignees of their own (a board's members).
            var items = s.Items.Count > 0 ? s.Items : s.Children.Select(c => c.Heading).ToList();
            var named = items.Count(i => AssigneeDetector.Detect(SentenceSplit.Split(i)[0], s.Heading) is { Assignee.Name: not null }
                or { Assignee.Role: not null });
            if (named * 2 < items.Count || items.Count == 0)
            {
                var first = Collapse(items.FirstOrDefault() ?? "");
                var all = string.Join(" ", ItemsDeep(s));
                var deadlines = DeadlineExtractor.Extract(all, who, year, s.Heading, first.Length > 0 ? first : fallbackWhat, warnings);
                // A heading naming several bodies ("Sở Công Thương; Sở Xây dựng", "Các Sở, ban, ngành; UBND các xã,
                // phường"): the same duties for each of them.
                foreach (var one in SplitHeadingAssignees(who))
                    into.Add(new Assignment(new Assignee(null, null, one), CapitalizeFirst(first), one == who ? deadlines
                        : deadlines.Select(d => d with { Assignee = one }).ToList())
                    { SectionId = s.Path, Source = Collapse(s.Heading + ": " + first), Confidence = HeadingConfidence });
                return;
            }
        }
        var candidates = new List<string>();
        if (s != org && !s.EndsWithColon && s.Heading.Split(' ').Length >= 6) candidates.Add(s.Heading);
        candidates.AddRange(s.Items.Where(i => !LeadItems.Value!.Contains(i)));
        foreach (var text in candidates)
        {
            var sentences = SentenceSplit.Split(text);
            Assignee? cur = null;
            var duty = "";
            var source = "";
            void Flush()
            {
                if (cur is null) return;
                var deadlines = DeadlineExtractor.Extract(duty, cur.Display, year, group, fallbackWhat, warnings);
                var parts = cur.Name is null && cur.Title is null && cur.Unit is not null ? AssigneeDetector.SplitJoint(cur.Unit) : [cur.Display];
                if (parts.Count > 1)
                    foreach (var part in parts)
                        into.Add(new Assignment(new Assignee(null, null, CapitalizeFirst(part)), duty,
                            deadlines.Select(d => d with { Assignee = part }).ToList()) { SectionId = s.Path, Source = Collapse(source) });
                else into.Add(new Assignment(cur, duty, deadlines) { SectionId = s.Path, Source = Collapse(source) });
            }
            foreach (var sentence in sentences)
            {
                if (JointSubjectReader.Read(sentence) is { } joint)
                {
                    // "A, B và C chịu trách nhiệm thi hành …": one assignment per listed party, the same duty.
                    Flush();
                    cur = null;
                    AddJoint(joint, sentence, s.Path, group, into, year, fallbackWhat, warnings);
                    continue;
                }
                var r = AssigneeDetector.Detect(sentence, group);
                if (r is not null)
                {
                    Flush();
                    cur = r.Assignee;
                    duty = r.Duty;
                    source = sentence;
                }
                else if (cur is not null) { duty += " " + sentence.Trim(); source += " " + sentence.Trim(); }
                else if (into.Count > 0 && candidates.Count > 0 && into[^1].SectionId == s.Path && !char.IsUpper(sentence.TrimStart()[0]))
                {
                    // continuation of the previous item
                    var last = into[^1];
                    into[^1] = last with { Duty = last.Duty + " " + sentence.Trim() };
                }
                else
                {
                    warnings.Add($"Không xác định được người/đơn vị thực hiện: \"{Short(sentence)}\" / No assignee found for: " +
                        $"\"{Short(sentence)}\".");
                    Orphans.Value!.AddRange(DeadlineExtractor.Extract(sentence, null, year, group, fallbackWhat, warnings));
                }
            }
            Flush();
        }
        foreach (var c in s.Children) BuildAssignments(c, org, c.Heading, into, year, fallbackWhat, warnings);
    }

    private static List<string> SplitHeadingAssignees(string who)
    {
        // Only ";" separates bodies on a heading line: "Phòng Đào tạo và Phòng Công tác sinh viên" is one heading assignee.
        var parts = who.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => CapitalizeFirst(p.Trim())).Where(p => p.Length > 1).ToList();
        return parts.Count > 1 ? parts : [who];
    }

    private static void AddJoint(JointSubjectReader.Result joint, string sentence, string? sectionId, string? group, List<Assignment> into, int? year,
        string fallbackWhat, List<string> warnings)
    {
        var deadlines = DeadlineExtractor.Extract(joint.Duty, null, year, group, fallbackWhat, warnings);
        foreach (var party in joint.Parties)
            into.Add(new Assignment(new Assignee(null, null, party), joint.Duty, deadlines.Select(d => d with { Assignee = party }).ToList())
            { SectionId = sectionId, Source = Collapse(sentence) });
    }

    /// <summary>
    /// The sections of a công văn or decision outside its "Tổ chức thực hiện" part that are headed by an assignee
    /// ("1. Công an tỉnh, các sở, ban, ngành …", "2. Giao Sở Xây dựng") with the duties beneath: read as assignments too.
    /// </summary>
    private static void HeadingAssigneesOutside(List<SectionBuilder> roots, SectionBuilder org, List<Assignment> into, int? year, string fallbackWhat,
        List<string> warnings)
    {
        foreach (var s in roots.SelectMany(Flatten))
        {
            if (s == org || Flatten(org).Contains(s) || s.Items.Count == 0 || HeadingAssignee(s.Heading) is null) continue;
            var holder = new SectionBuilder("", "", -1, false);
            holder.Children.Add(s);
            var before = into.Count;
            BuildAssignments(holder, holder, null, into, year, fallbackWhat, warnings);
            // Only the heading-line assignment is wanted from here, not the sentences of the content beneath.
            for (var i = into.Count - 1; i >= before; i--)
                if (into[i].Confidence != HeadingConfidence) into.RemoveAt(i);
        }
    }

    /// <summary>
    /// The closing article of a decision after its "Tổ chức thực hiện" article ("Điều 4. … Chánh Văn phòng …; Giám đốc …
    /// chịu trách nhiệm thi hành Quyết định này"), and such joint sentences elsewhere outside the organization part.
    /// </summary>
    private static void JointSentencesOutside(List<SectionBuilder> roots, SectionBuilder org, List<Assignment> into, int? year, string fallbackWhat,
        List<string> warnings)
    {
        var inOrg = Flatten(org).ToHashSet();
        foreach (var s in roots.SelectMany(Flatten))
        {
            if (inOrg.Contains(s)) continue;
            foreach (var text in s.Items.Prepend(s.Heading))
                foreach (var sentence in SentenceSplit.Split(text))
                    if (JointSubjectReader.Read(sentence) is { } joint) AddJoint(joint, sentence, s.Path, s.Heading, into, year,
                        fallbackWhat, warnings);
        }
    }

    private static bool IsNoiNhan(string line)
    {
        var c = Collapse(line);
        if (c.Length >= 120 || !NoiNhan.IsMatch(c)) return false;
        return c.StartsWith(NoiNhan.Match(c).Value, StringComparison.Ordinal);
    }

    internal static bool IsOrgHeading(string heading) => OrgHeading.IsMatch(heading.Trim()) || OrgHeadingUpper.IsMatch(heading.Trim());

    /// <summary>The line index of "Kính gửi" after a "V/v" line (the header ends there), else the line after the V/v block.</summary>
    private static int FindKinhGui(List<string> lines, int from)
    {
        for (var i = from; i < lines.Count && i < from + 15; i++)
            if (KinhGui.IsMatch(Collapse(lines[i]))) return i;
        for (var i = from; i < lines.Count && i < from + 25; i++)
            if (DateLine.IsMatch(Collapse(lines[i])) && lines[i].Contains("ngày", StringComparison.OrdinalIgnoreCase)
                && NumberLine.IsMatch(Collapse(Columns.Split(lines[i].Trim())[0])) == false) return i + 1;
        return Math.Min(lines.Count, from + 1);
    }

    /// <summary>First body line after the "Kính gửi:" block (its recipient lines) of an official letter.</summary>
    private static int FindKinhGuiEnd(List<string> lines, int from)
    {
        for (var i = from; i < lines.Count && i < from + 40; i++)
        {
            if (!KinhGui.IsMatch(Collapse(lines[i]))) continue;
            var j = i + 1;
            var rest = KinhGui.Replace(Collapse(lines[i]), "").Trim();
            for (; j < lines.Count; j++)
            {
                var t = Collapse(lines[j]);
                if (t.Length == 0) continue;
                if (t.StartsWith('-') || t.StartsWith('+') || (rest.Length == 0 && t.Length < 90 && !t.EndsWith('.')
                    && !LegalBasisReader.IsLegalParagraph(t) && j == i + 1)) { rest = t; continue; }
                break;
            }
            return j;
        }
        // No "Kính gửi": the body starts after the header (the motto / date lines).
        for (var i = from; i < lines.Count && i < from + 25; i++)
            if (DateLine.IsMatch(Collapse(lines[i])) && lines[i].Contains("ngày", StringComparison.OrdinalIgnoreCase)) return i + 1;
        return from;
    }

    /// <summary>The signer block that closes an attached plan (authority line, "(đã ký)", name), taken off its body.</summary>
    private static int TrimTrailingSigner(List<string> lines, int start, int end)
    {
        var k = end;
        var seen = 0;
        while (k > start && seen < 7)
        {
            var c = Collapse(lines[k - 1]);
            if (c.Length == 0) { k--; continue; }
            var signerLike = (IsMostlyUpper(c) && c.Length <= 60 && Paragraphs.Classify(c).Kind == ParaKind.Plain) || SignerName.IsMatch(c)
                || (c.StartsWith('(') && c.EndsWith(')'));
            if (!signerLike) break;
            k--;
            seen++;
        }
        return seen >= 2 ? k : end;
    }

    private static IEnumerable<SectionBuilder> Flatten(SectionBuilder s) => new[] { s }.Concat(s.Children.SelectMany(Flatten));

    private static List<Deadline> Dedup(List<Deadline> list)
    {
        var seen = new HashSet<(string, Recurrence?, string?)>();
        var result = new List<Deadline>();
        foreach (var d in list)
            if (seen.Add((d.Due.ToString(), d.Recurrence, d.Source ?? d.What))) result.Add(d);
        return result;
    }

    private static void LeadLabels(SectionBuilder s, SectionBuilder? org, List<Assignment> into, int? year, string fallbackWhat,
        List<string> warnings)
    {
        if (s == org) return;
        for (var i = 0; i < s.Items.Count; i++)
        {
            var item = s.Items[i];
            var m = LeadLabel.Match(item);
            if (!m.Success) continue;
            var lead = m.Groups["lead"].Value.Trim().TrimEnd(',', ':');
            if (lead.Length < 2 || AssigneeDetector.Detect(lead + " thực hiện", null) is null && !char.IsUpper(lead[0])) continue;
            var support = new List<string>();
            var sm = SupportLabel.Match(item);
            if (sm.Success) support = sm.Groups["s"].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(x => x.Length > 0).ToList();
            // What is to be done: the text before the label in the same item, else the section heading.
            var duty = item[..m.Index].Trim().TrimEnd('.', ';', ':', '-', '–').Trim();
            if (duty.Length < 8) duty = i > 0 && !LeadLabel.IsMatch(s.Items[i - 1]) && !LabelLines.IsTaskLabel(s.Items[i - 1])
                && s.Items[i - 1].Length < 300 ? s.Items[i - 1] : s.Heading;
            var time = item[(m.Index + m.Length)..];
            var deadlines = DeadlineExtractor.Extract(time, lead, year, "Thời gian", duty.Length > 0 ? duty : fallbackWhat, warnings);
            into.Add(new Assignment(new Assignee(null, null, CapitalizeFirst(lead)), CapitalizeFirst(duty), deadlines) { SectionId = s.Path,
                Support = support, Source = item });
            LeadItems.Value!.Add(item);
        }
        foreach (var c in s.Children) LeadLabels(c, org, into, year, fallbackWhat, warnings);
    }

    private static string Short(string s) => s.Length <= 60 ? s.Trim() : s[..57].Trim() + "...";

    private static string? SymbolIssuerCode(string number)
    {
        // "82/KH-THPT BK" → "THPTBK"; "/KH-SGDĐT" → "SGDĐT".
        var slash = number.IndexOf('/');
        if (slash < 0) return null;
        var sym = number[(slash + 1)..];
        var dash = sym.IndexOf('-');
        if (dash < 0) return null;
        var code = new string(sym[(dash + 1)..].Where(char.IsLetter).ToArray());
        return code.Length == 0 ? null : code;
    }

    private static string Initials(string org)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var w in org.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (w is "và" or "của") continue;
            if (w.Length > 1 && w.All(c => !char.IsLetter(c) || char.IsUpper(c))) sb.Append(new string(w.Where(char.IsLetter).ToArray()));
            else if (char.IsLetter(w[0])) sb.Append(char.ToUpperInvariant(w[0]));
        }
        return sb.ToString();
    }

}
