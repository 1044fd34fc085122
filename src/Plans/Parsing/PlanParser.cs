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
    private static readonly Regex TitleLine = R(@"^\s*KẾ\s+HOẠCH(?![\p{L}])\s*[:.]?\s*(?<rest>.*)$");
    private static readonly Regex NumberLine = R(@"^\s*Số\s*:\s*(?<rest>.*)$");
    private static readonly Regex DateLine = R(@"^(?<place>[^,]*?)\s*,?\s*ngày\s*(?:(?<d>\d{1,2})\s*(?:tháng\s*(?<m>\d{1,2})?|/\s*(?<m>\d{1,2})\s*/)|tháng\s*(?<m>\d{1,2})?)?\s*(?:tháng\s*)?(?:năm\s*)?(?<y>\d{4})", RegexOptions.IgnoreCase);
    private static readonly Regex Motto = R(@"CỘNG\s+HO[ÀA]\s+XÃ\s+HỘI|Độc\s+lập\s*[-–—]\s*Tự\s+do|ĐỘC\s+LẬP\s*[-–—]\s*TỰ\s+DO", RegexOptions.IgnoreCase);
    private static readonly Regex Columns = R(@"\s{3,}");
    private static readonly Regex OrgHead = R(@"^(?:SỞ|PHÒNG|TRƯỜNG|UBND|ỦY BAN|UỶ BAN|BỘ|BAN|CỤC|TỔNG CỤC|CHI CỤC|VỤ|VĂN PHÒNG|TRUNG TÂM|HỘI ĐỒNG|HĐND|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|CHI BỘ|CÔNG ĐOÀN|ĐOÀN|THÀNH ĐOÀN|HỘI|VIỆN|HỌC VIỆN|ĐẠI HỌC|TỔ|CÔNG AN|THANH TRA|KHO BẠC|BỆNH VIỆN|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|QUẬN ỦY|BỘ PHẬN)(?![\p{L}])");
    private static readonly Regex NoiNhan = R(@"N[ơo]i\s+nhận\s*:?", RegexOptions.IgnoreCase);
    private static readonly Regex Closing = R(@"^(?:Trên\s+đây|Trên\s+đấy)(?![\p{L}])", RegexOptions.IgnoreCase);
    private static readonly Regex IssuerStatement = R(@"(?:^|[,;.]\s*|Nay\s+|nay\s+)(?<org>(?:[Tt]rường|Sở|Phòng|Ủy\s+ban\s+nhân\s+dân|UBND|Ban|Bộ|Trung\s+tâm|Văn\s+phòng|Công\s+đoàn|Đoàn|Hội\s+đồng|Cục|Chi\s+cục)\s[^,;:]{2,90}?)\s+(?:xây\s+dựng|ban\s+hành|triển\s+khai|lập)\s+(?:[Kk]ế\s+hoạch)");
    private static readonly Regex TitleStop = R(@"^(?:Căn\s+cứ|Thực\s+hiện|Theo|Triển\s+khai|Số\s*:|\(|Kính\s+gửi)(?![\p{L}])", RegexOptions.IgnoreCase);
    private static readonly Regex FirstTitleStop = R(@"^(?:Căn\s+cứ|Số\s*:|Kính\s+gửi)(?![\p{L}])", RegexOptions.IgnoreCase);
    private static readonly Regex YearInText = R(@"năm\s+(?<y>(?:19|20)\d\d)(?!\d)", RegexOptions.IgnoreCase);
    private static readonly Regex SignerPrefix = R(@"^(?<p>KT|TM|TL|TUQ|Q)\s*\.\s*(?<rest>.+)$");
    private static readonly Regex SignerName = R(@"^" + AssigneeDetector.Name + "$");
    private static readonly Regex Purpose = R(@"\(\s*(?:để\s+)?(?<p>báo\s+cáo|thực\s+hiện|phối\s+hợp|biết|chỉ\s+đạo|theo\s+dõi|t/h|b/c|th|bc)\s*\)", RegexOptions.IgnoreCase);
    private static readonly Regex PurposeInline = R(@"[-–]\s*(?:để\s+)(?<p>báo\s+cáo|thực\s+hiện|phối\s+hợp|biết|chỉ\s+đạo|theo\s+dõi)\s*$", RegexOptions.IgnoreCase);
    private static readonly Regex TwoSpaces = R(@"\s{2,}");
    private static readonly Regex SentenceSplit = R(@"(?<=[.!?])\s+(?=[\p{Lu}])");

    /// <summary>Parses plan text (from any extractor).</summary>
    public static PlanDocument Parse(string text) => Parse(text, [], null, CancellationToken.None);

    /// <summary>Parses plan text; <paramref name="footnotes"/> are kept apart by the format (docx); <paramref name="sourceName"/> names errors.</summary>
    public static PlanDocument Parse(string text, IReadOnlyList<string> footnotes, string? sourceName, CancellationToken ct = default)
    {
        var source = sourceName ?? "(văn bản)";
        if (string.IsNullOrWhiteSpace(text))
            throw new PlanReadException(PlanReadErrorCode.Empty, source, "tệp rỗng, không có nội dung.", "the file is empty.");
        var warnings = new List<string>();
        var prep = TextNormalizer.Prepare(text, footnotes);
        var lines = prep.Lines;
        ct.ThrowIfCancellationRequested();

        // 1. Title line; without it the text must at least look like a plan.
        var titleIdx = lines.FindIndex(l => TitleLine.IsMatch(l));
        if (titleIdx < 0)
        {
            var paras0 = Paragraphs.Build(lines);
            var romans = paras0.Count(p => p.Kind == ParaKind.Roman);
            var org = paras0.Any(p => p.IsHeading && p.Content.ToUpperInvariant().Contains("TỔ CHỨC THỰC HIỆN"));
            if (romans < 2 || !org)
                throw new PlanReadException(PlanReadErrorCode.NotAPlan, source,
                    "không phải kế hoạch: không có tiêu đề \"KẾ HOẠCH\" và không có cấu trúc mục I, II, ... \"Tổ chức thực hiện\".",
                    "not a plan: no \"KẾ HOẠCH\" title and no plan structure (sections I, II, ... and \"Tổ chức thực hiện\").");
            warnings.Add("Không thấy tiêu đề \"KẾ HOẠCH\" / The \"KẾ HOẠCH\" title is missing.");
        }

        // 2. Header.
        var header = titleIdx > 0 ? lines.GetRange(0, titleIdx) : (titleIdx < 0 ? [] : new List<string>());
        var (parent, issuer, number, place, issuedOn, year) = ParseHeader(header, warnings);

        // 3. Title (trích yếu).
        var bodyStart = Math.Max(titleIdx + 1, 0);
        var titleParts = new List<string>();
        if (titleIdx >= 0)
        {
            var rest = TitleLine.Match(lines[titleIdx]).Groups["rest"].Value.Trim();
            if (rest.Length > 0) titleParts.Add(rest);
            var i = titleIdx + 1;
            for (; i < lines.Count && titleParts.Count < 5; i++)
            {
                var t = Collapse(lines[i]);
                if (t.Length == 0) { if (lines[i].Length >= 15 && titleParts.Count > 0) break; continue; }
                var stop = titleParts.Count == 0 ? FirstTitleStop : TitleStop;
                if (stop.IsMatch(t) || Paragraphs.Classify(t).Kind != ParaKind.Plain || IssuerStatement.IsMatch(t)) break;
                if (titleParts.Count > 0 && t.Length > 0 && rest.Length > 0 && t.EndsWith(':')) break;
                titleParts.Add(t);
            }
            bodyStart = i;
        }
        var title = Collapse(string.Join(' ', titleParts));

        // 4. Tail: "Nơi nhận" and signer.
        var tailIdx = -1;
        for (var i = lines.Count - 1; i >= bodyStart; i--)
            if (NoiNhan.IsMatch(lines[i]) && lines[i].Trim().Length < 120 && Collapse(lines[i]).StartsWith(NoiNhan.Match(Collapse(lines[i])).Value, StringComparison.Ordinal)) { tailIdx = i; break; }
        var bodyEnd = tailIdx >= 0 ? tailIdx : lines.Count;
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
                    warnings.Add($"Số mục \"{id}\" viết sai, đọc là \"{Regex.Replace(id, @"\.{2,}", ".")}\" / Section label \"{id}\" is mistyped; read as \"{Regex.Replace(id, @"\.{2,}", ".")}\".");
                    id = Regex.Replace(id, @"\.{2,}", ".");
                }
                var level = p.Kind switch { ParaKind.Roman => 1, ParaKind.Arabic => 1 + id.Count(c => c == '.') + 1, _ => 6 };
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

        // 6. Legal bases and issuer from the intro.
        var legal = new List<LegalBasis>();
        string? stated = null;
        foreach (var p in intro)
        {
            if (LegalBasisReader.IsLegalParagraph(p.Text)) legal.AddRange(LegalBasisReader.Read(p.Text));
            var st = IssuerStatement.Match(p.Text);
            if (stated is null && st.Success) stated = CapitalizeFirst(Collapse(st.Groups["org"].Value));
        }
        if (issuer is null && stated is not null)
        {
            issuer = stated;
            var suffix = number is null ? null : SymbolIssuerCode(number);
            var matches = suffix is not null && Initials(stated).EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
            warnings.Add(matches
                ? $"Thiếu tên cơ quan ban hành ở phần đầu; suy ra từ nội dung và ký hiệu \"{number}\": {stated} / Issuer missing from the header; inferred from the body and the symbol \"{number}\": {stated}."
                : $"Thiếu tên cơ quan ban hành ở phần đầu; suy ra từ nội dung: {stated} / Issuer missing from the header; inferred from the body: {stated}.");
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
        if (orgSection is null) warnings.Add("Thiếu phần \"Tổ chức thực hiện\" / Missing the \"Tổ chức thực hiện\" (organization) part.");
        var allDeadlines = new List<Deadline>();
        var fallbackWhat = title.Length > 0 ? title : "Kế hoạch";
        foreach (var s in roots) CollectDeadlines(s, orgSection, year, fallbackWhat, allDeadlines, warnings);
        var assignments = new List<Assignment>();
        if (orgSection is not null)
        {
            BuildAssignments(orgSection, orgSection, null, assignments, year, fallbackWhat, warnings);
            foreach (var a in assignments) allDeadlines.AddRange(a.Deadlines);
        }

        // 8. Recipients and signer.
        var (recipients, signer) = ParseTail(tailIdx >= 0 ? lines.GetRange(tailIdx, lines.Count - tailIdx) : [], warnings);
        if (signer is null && tailIdx < 0)
        {
            signer = ParseSignerOnly(lines.GetRange(bodyEnd > 12 ? bodyEnd - 12 : 0, Math.Min(12, bodyEnd)));
        }
        if (signer is not null && signer.Title is null && signer.Name is not null)
        {
            var match = assignments.FirstOrDefault(a => a.Assignee.Name is not null && PersonNameMatcher.SameName(a.Assignee.Name, signer.Name));
            if (match?.Assignee.Title is not null)
            {
                signer = signer with { Title = match.Assignee.Title };
                warnings.Add($"Người ký \"{signer.Name}\" không ghi chức vụ; là \"{match.Assignee.Name}\" ({match.Assignee.Title}) trong phần tổ chức thực hiện / Signer \"{signer.Name}\" has no title; matched to \"{match.Assignee.Name}\" ({match.Assignee.Title}) in the organization part.");
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
            Assignments = assignments,
            Deadlines = allDeadlines,
            Recipients = recipients,
            Signer = signer,
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

    private static SectionBuilder? FindOrg(List<SectionBuilder> roots)
    {
        SectionBuilder? found = null;
        void Walk(SectionBuilder s)
        {
            if (s.Heading.ToUpperInvariant().StartsWith("TỔ CHỨC THỰC HIỆN", StringComparison.Ordinal)) found = s;
            foreach (var c in s.Children) Walk(c);
        }
        foreach (var r in roots) Walk(r);
        return found;
    }

    private static void CollectDeadlines(SectionBuilder s, SectionBuilder? org, int? year, string fallbackWhat, List<Deadline> into, List<string> warnings)
    {
        if (s == org) return;
        if (s.Heading.Split(' ').Length > 6) into.AddRange(DeadlineExtractor.Extract(s.Heading, null, year, null, fallbackWhat, warnings));
        foreach (var item in s.Items) into.AddRange(DeadlineExtractor.Extract(item, null, year, s.Heading, fallbackWhat, warnings));
        foreach (var c in s.Children) CollectDeadlines(c, org, year, fallbackWhat, into, warnings);
    }

    private static void BuildAssignments(SectionBuilder s, SectionBuilder org, string? group, List<Assignment> into, int? year, string fallbackWhat, List<string> warnings)
    {
        var candidates = new List<string>();
        if (s != org && !s.EndsWithColon && s.Heading.Split(' ').Length >= 6) candidates.Add(s.Heading);
        candidates.AddRange(s.Items);
        foreach (var text in candidates)
        {
            var sentences = SentenceSplit.Split(text);
            Assignee? cur = null;
            var duty = "";
            void Flush()
            {
                if (cur is null) return;
                var deadlines = DeadlineExtractor.Extract(duty, cur.Display, year, group, fallbackWhat, warnings);
                into.Add(new Assignment(cur, duty, deadlines) { SectionId = s.Path });
            }
            foreach (var sentence in sentences)
            {
                var r = AssigneeDetector.Detect(sentence, group);
                if (r is not null)
                {
                    Flush();
                    cur = r.Assignee;
                    duty = r.Duty;
                }
                else if (cur is not null) duty += " " + sentence.Trim();
                else if (into.Count > 0 && candidates.Count > 0 && into[^1].SectionId == s.Path && !char.IsUpper(sentence.TrimStart()[0]))
                {
                    // continuation of the previous item
                    var last = into[^1];
                    into[^1] = last with { Duty = last.Duty + " " + sentence.Trim() };
                }
                else warnings.Add($"Không xác định được người/đơn vị thực hiện: \"{Short(sentence)}\" / No assignee found for: \"{Short(sentence)}\".");
            }
            Flush();
        }
        foreach (var c in s.Children) BuildAssignments(c, org, c.Heading, into, year, fallbackWhat, warnings);
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

    private static (string? Parent, string? Issuer, string? Number, string? Place, DateOnly? IssuedOn, int? Year) ParseHeader(List<string> header, List<string> warnings)
    {
        string? number = null, place = null;
        DateOnly? issuedOn = null;
        int? year = null;
        var orgLines = new List<string>();
        var sawNumber = false;
        foreach (var raw in header)
        {
            var line = raw.TrimEnd();
            if (line.Trim().Length == 0) continue;
            var collapsed = Collapse(line);
            var nm = NumberLine.Match(collapsed);
            if (nm.Success)
            {
                sawNumber = true;
                var rest = nm.Groups["rest"].Value;
                var tokens = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var k = 0;
                while (k < tokens.Length && !tokens[k].Any(char.IsLower)) k++;
                number = NormalizeNumber(string.Join(' ', tokens.Take(k)), warnings);
                var remainder = string.Join(' ', tokens.Skip(k));
                if (remainder.Length > 0) ReadDate(remainder);
                continue;
            }
            if (DateLine.IsMatch(collapsed) && collapsed.Contains("ngày", StringComparison.OrdinalIgnoreCase))
            {
                // A date column may share the line with an org column.
                var cols = Columns.Split(line.Trim());
                foreach (var c in cols)
                {
                    if (c.Contains("ngày", StringComparison.OrdinalIgnoreCase) || c.Contains("tháng", StringComparison.OrdinalIgnoreCase) || c.Contains("năm", StringComparison.OrdinalIgnoreCase)) continue;
                    if (IsMostlyUpper(c) && !Motto.IsMatch(c) && !sawNumber) orgLines.Add(c.Trim());
                }
                ReadDate(collapsed);
                continue;
            }
            var columns = Columns.Split(line.Trim());
            var first = columns[0].Trim();
            if (first.Length == 0 || Motto.IsMatch(first) || first.All(c => c is '_' or '-' or '=' or '—')) continue;
            if (IsMostlyUpper(first) && !sawNumber) orgLines.Add(first);
        }

        // Group org lines: a line starting with a body word starts a new body; others continue it (place names).
        var orgs = new List<string>();
        foreach (var l in orgLines)
        {
            if (orgs.Count == 0 || OrgHead.IsMatch(l)) orgs.Add(l);
            else orgs[^1] += " " + l;
        }
        string? issuer = orgs.Count > 0 ? OrgCase(orgs[^1]) : null;
        string? parent = orgs.Count > 1 ? OrgCase(string.Join(" ", orgs.Take(orgs.Count - 1))) : null;

        if (number is null) warnings.Add("Thiếu số ký hiệu / Missing number.");
        if (place is null) warnings.Add("Thiếu địa danh / Missing place.");
        if (year is null) warnings.Add("Thiếu ngày ban hành / Missing issue date.");
        return (parent, issuer, number, place, issuedOn, year);

        void ReadDate(string s)
        {
            var dm = DateLine.Match(s);
            if (!dm.Success) return;
            var p = dm.Groups["place"].Value.Trim().TrimEnd(',').Trim();
            if (p.Length > 0) place = p;
            year = int.Parse(dm.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (dm.Groups["d"].Success && dm.Groups["m"].Success)
            {
                var d = int.Parse(dm.Groups["d"].Value, CultureInfo.InvariantCulture);
                var m = int.Parse(dm.Groups["m"].Value, CultureInfo.InvariantCulture);
                if (m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year.Value, m)) issuedOn = new DateOnly(year.Value, m, d);
                else warnings.Add($"Ngày ban hành không hợp lệ: {d}/{m}/{year} / Invalid issue date: {d}/{m}/{year}.");
            }
            else warnings.Add($"Ngày, tháng ban hành để trống (năm {year}) / Issue day and month left blank (year {year}).");
        }
    }

    private static string? NormalizeNumber(string raw, List<string> warnings)
    {
        var s = Regex.Replace(Collapse(raw), @"\s*/\s*", "/");
        s = Regex.Replace(s, @"\s*-\s*", "-");
        if (s.Length == 0) return null;
        var typo = Regex.Match(s, @"^(?<type>\p{Lu}{1,5})/(?<rest>\p{Lu}.*)$");
        if (typo.Success)
        {
            var fixedNo = "/" + typo.Groups["type"].Value + "-" + typo.Groups["rest"].Value;
            warnings.Add($"Số ký hiệu \"{raw.Trim()}\" viết sai, đọc là \"{fixedNo}\" / Number \"{raw.Trim()}\" is mistyped; read as \"{fixedNo}\".");
            s = fixedNo;
        }
        if (s.StartsWith('/')) warnings.Add($"Số văn bản để trống ({s}) / Document number left blank ({s}).");
        return s;
    }

    private static (List<Recipient>, Signer?) ParseTail(List<string> tail, List<string> warnings)
    {
        var recipients = new List<Recipient>();
        var titleParts = new List<string>();
        string? name = null;
        var first = true;
        foreach (var raw in tail)
        {
            var line = raw.TrimEnd();
            if (first)
            {
                first = false;
                var c = Collapse(line);
                var m = NoiNhan.Match(c);
                var afterRaw = line[(line.IndexOf(m.Value.TrimEnd(), StringComparison.Ordinal) is var ix and >= 0 ? ix + m.Value.TrimEnd().Length : 0)..];
                foreach (var part in TwoSpaces.Split(afterRaw.Trim()))
                {
                    var a = Collapse(part);
                    if (a.Length == 0) continue;
                    if (IsMostlyUpper(a)) titleParts.Add(a);
                    else if (SignerName.IsMatch(a)) name = a;
                }
                continue;
            }
            if (line.Trim().Length == 0) continue;
            var cols = Columns.Split(line.Trim());
            foreach (var col0 in cols)
            {
                var col = Collapse(col0);
                if (col.Length == 0) continue;
                var b = Paragraphs.Bullet.Match(col);
                if (b.Success) { recipients.Add(ReadRecipient(b.Groups["rest"].Value)); continue; }
                if (col.StartsWith('(') && col.EndsWith(')')) continue; // "(Đã ký)", "(ký, ghi rõ họ tên)"
                if (IsMostlyUpper(col) && col.Any(char.IsLetter)) { titleParts.Add(col); continue; }
                if (SignerName.IsMatch(col)) { name = col; continue; }
                if (recipients.Count > 0 && char.IsLower(col[0]))
                {
                    var last = recipients[^1];
                    recipients[^1] = ReadRecipient(last.Name + " " + col);
                }
            }
        }
        Signer? signer = null;
        if (titleParts.Count > 0 || name is not null) signer = MakeSigner(titleParts, name);
        return (recipients, signer);
    }

    /// <summary>No "Nơi nhận": the signer is the last lines — a name, with upper-case title lines right above it.</summary>
    private static Signer? ParseSignerOnly(List<string> lines)
    {
        var nonEmpty = lines.Select(Collapse).Where(l => l.Length > 0).ToList();
        if (nonEmpty.Count == 0 || !SignerName.IsMatch(nonEmpty[^1])) return null;
        var name = nonEmpty[^1];
        var titleParts = new List<string>();
        for (var i = nonEmpty.Count - 2; i >= 0 && i >= nonEmpty.Count - 4; i--)
        {
            var c = nonEmpty[i];
            if (c.StartsWith('(') && c.EndsWith(')')) continue;
            if (!IsMostlyUpper(c) || c.Length > 60 || Paragraphs.Classify(c).Kind != ParaKind.Plain || TitleLine.IsMatch(c)) break;
            titleParts.Insert(0, c);
        }
        return MakeSigner(titleParts, name);
    }

    private static Signer MakeSigner(List<string> parts, string? name)
    {
        parts = parts.Select(p => Collapse(p.Replace("*", ""))).Where(p => p.Length > 0).ToList();
        string? onBehalf = null;
        if (parts.Count > 0)
        {
            var m = SignerPrefix.Match(parts[0]);
            if (m.Success)
            {
                onBehalf = m.Groups["rest"].Value.Trim();
                parts.RemoveAt(0);
            }
        }
        var title = parts.Count > 0 ? string.Join(" ", parts) : null;
        if (title is null && onBehalf is not null) { title = onBehalf; onBehalf = null; }
        return new Signer(title, name, onBehalf);
    }

    private static Recipient ReadRecipient(string text)
    {
        var t = Collapse(text).TrimEnd(';', '.', ',').Trim();
        if (t.StartsWith("Lưu", StringComparison.OrdinalIgnoreCase)) return new Recipient(t, "Lưu");
        var m = Purpose.Match(t);
        if (m.Success)
        {
            var p = m.Groups["p"].Value.ToLowerInvariant() switch
            {
                "t/h" or "th" => "thực hiện",
                "b/c" or "bc" => "báo cáo",
                var x => Collapse(x)
            };
            var n = (t[..m.Index] + t[(m.Index + m.Length)..]).Trim().TrimEnd(';', '.', ',').Trim();
            return new Recipient(n, "để " + p);
        }
        var inl = PurposeInline.Match(t);
        if (inl.Success) return new Recipient(t[..inl.Index].Trim(), "để " + Collapse(inl.Groups["p"].Value.ToLowerInvariant()));
        return new Recipient(t, null);
    }
}
