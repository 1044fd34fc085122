using System.Globalization;
using System.Text.RegularExpressions;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// Reads the documents cited in a "Căn cứ ..." / "Thực hiện ..." paragraph. A paragraph may cite several, separated by
/// ';' or ',' (or "và"); a citation inside another's subject ("... về thực hiện Kết luận số 290-KL/TU ...") is not a
/// basis of its own. Each: kind, number/symbol, date ("ngày 31 tháng 12 năm 2022" or "ngày 30/01/2024"), issuer
/// (after "của", up to the subject: "về", "hướng dẫn", "ban hành", ..., or to the end of a place name).
/// </summary>
internal static class LegalBasisReader
{
    private const string Kinds = @"Hiến\s+pháp|Bộ\s+luật|Luật|Pháp\s+lệnh|Nghị\s+định|Nghị\s+quyết|Quyết\s+định|Thông\s+tư\s+liên\s+tịch|" +
        @"Thông\s+tư|Chỉ\s+thị|Công\s+văn|Văn\s+bản|Kế\s+hoạch|Hướng\s+dẫn|Kết\s+luận|Thông\s+báo|Công\s+điện|Quy\s+định|Quy\s+chế|Chương\s+trình|" +
        @"Đề\s+án|Lệnh|Tờ\s+trình|Báo\s+cáo|Giấy\s+đề\s+nghị|Giấy\s+mời|Giấy\s+phép(?:\s+\p{Ll}+){0,5}?(?=\s+số\s*\d)";
    private static readonly Regex Lead = R(@"^\s*(?:[-–•+]\s*)?(?:Căn\s+cứ|Thực\s+hiện|Theo|Triển\s+khai|Thi\s+hành|Liên\s+quan|" +
        @"Phúc\s+đáp|Tiếp\s+theo|Tiếp\s+nhận|Xét|(?:(?:Ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}\s*/\s*\d{4}|" +
        @"\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,\s*[^.;]{0,140}?\s|[^,.;]{0,80}?\s))?nhận\s+được|Ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}\s*/\s*\d{4}|" +
        @"\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,[^.;]{0,80}?\sban\s+hành)(?![\p{L}])", RegexOptions.IgnoreCase);
    private static readonly Regex Citation =
        R(@"(?<![\p{L}])(?:(?<kind>" + Kinds + @")(?-i:(?:\s+\p{Ll}+){1,3}?(?=\s+số\s*\d))?\s+(?:số\s*)?" +
            @"(?<num>\d+(?:\.\d+)*\p{Lu}*(?:\s*[/-]\s*[\p{L}\d&.]+)+)|(?<kind>QCVN)\s*(?<qc>\d+[\p{Lu}]?\s*:\s*\d{4}\s*/\s*\p{Lu}+))",
            RegexOptions.IgnoreCase);
    private static readonly Regex Date = R(@"\G\s*,?\s*(?:ngày|ban\s+hành\s+ngày)\s+(?:(?<d>\d{1,2})\s*[/-]\s*(?<m>\d{1,2})\s*[/-]\s*(?<y>\d{4})|" +
        @"(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4}))", RegexOptions.IgnoreCase);
    private static readonly Regex Of = R(@"\G\s*,?\s*của\s+");
    private static readonly Regex IssuerStop = R(@"\s+(?:về|hướng\s+dẫn|triển\s+khai|ban\s+hành|phê\s+duyệt|thực\s+hiện|hoạt\s+động|quy\s+định|" +
        @"khóa|khoá|tại|trong|năm\s+\d)(?![\p{L}])|[,;:(“""]|\.\s|\.$");
    private static readonly Regex PlaceWord = R(@"(?<![\p{L}])(?:[Tt]hành\s+phố|[Tt]ỉnh|[Hh]uyện|[Qq]uận|[Tt]hị\s+xã|[Pp]hường|[Xx]ã)(?![\p{L}])");
    private static readonly Regex LawNumber = R(@"(?<![\p{L}])(?:số(?:\s+số)?\s*(?<num>\d+(?:\s*/\s*[\p{L}\d-]+)+)|" +
        @"(?<num>\d+\s*/\s*\d{4}\s*/\s*QH\d+))", RegexOptions.IgnoreCase);
    private static readonly Regex LawLead = R(@"^\s*(?:[-–•+]\s*)?(?:Căn\s+cứ|Thực\s+hiện|Theo|Thi\s+hành)\s+(?<law>(?:Hiến\s+pháp|Bộ\s+luật|Luật|" +
        @"Pháp\s+lệnh)\s[^;]{3,200}?)(?=\s*;|\s*$|\s*\.\s|\s+và\s+(?:Luật|Bộ\s+luật|Nghị|Thông|Quyết))", RegexOptions.IgnoreCase);

    public static bool IsLegalParagraph(string text) => Lead.IsMatch(text);

    /// <summary>The opening of a request sentence, before the request ("đề nghị", "yêu cầu", "chỉ đạo"), that cites a
    /// document after "tại" / "theo" / "căn cứ" / "thực hiện": "… cho phép khai thác … tại Giấy phép … số 199/GP-BNNMT
    /// ngày 14/7/2026. Để bảo đảm …, Sở … đề nghị Công ty …" → the licence is the letter's basis.</summary>
    private static readonly Regex RequestWord = R(@"(?<![\p{L}])(?:đề\s+nghị|yêu\s+cầu|chỉ\s+đạo)(?![\p{L}])", RegexOptions.IgnoreCase);
    private static readonly Regex InSentenceLead = R(@"(?<![\p{L}])(?:tại|theo|căn\s+cứ|thực\s+hiện)\s+$", RegexOptions.IgnoreCase);

    public static List<LegalBasis> ReadWithinSentence(string paragraph)
    {
        var text = Collapse(paragraph);
        var request = RequestWord.Match(text);
        var head = request.Success ? text[..request.Index] : "";
        var list = new List<LegalBasis>();
        foreach (Match m in Citation.Matches(head))
        {
            var before = head[Math.Max(0, m.Index - 20)..m.Index];
            if (!InSentenceLead.IsMatch(before)) continue;
            var end = head.IndexOf(". ", m.Index + m.Length, StringComparison.Ordinal);
            list.AddRange(Read(head[m.Index..(end < 0 ? head.Length : end)]).Take(1));
        }
        return list;
    }

    /// <summary>After ';', ',' or a closing quote (optionally then "và"): a citation of its own. Looks back from
    /// <paramref name="index"/> only over the few characters it needs (linear in the paragraph, no copy).</summary>
    internal static bool IsTopLevel(string text, int index)
    {
        var j = index - 1;
        while (j >= 0 && char.IsWhiteSpace(text[j])) j--;
        if (j >= 1 && text[j] == 'à' && text[j - 1] == 'v' && (j < 2 || !char.IsLetter(text[j - 2])))
        {
            j -= 2;
            while (j >= 0 && char.IsWhiteSpace(text[j])) j--;
        }
        if (j < 0) return true;
        if (text[j] is ';' or ',' or '”' or '"') return true;
        // Right after the lead word(s) at the paragraph start ("Căn cứ Kế hoạch …").
        var lead = Lead.Match(text);
        return lead.Success && j < lead.Index + lead.Length;
    }

    public static List<LegalBasis> Read(string paragraph)
    {
        var text = Collapse(paragraph);
        var result = new List<(int Start, string Kind, string Number, DateOnly? Date, string? Issuer)>();
        var firstCitation = true;
        var lastEnd = 0;
        var law = LawLead.Match(text);
        if (law.Success && !Citation.Match(law.Groups["law"].Value).Success)
        {
            // "Căn cứ Luật Giáo dục ngày 14/6/2019": a law cited by name, without a number; "Luật Điện lực số 61/2024/QH15":
            // its number after the name.
            var named = LawNumber.Match(law.Groups["law"].Value);
            result.Add((law.Groups["law"].Index, "Luật", named.Success ? Regex.Replace(named.Groups["num"].Value, @"\s+", "") : "", null, null));
            firstCitation = false;
        }
        foreach (Match m in Citation.Matches(text))
        {
            // The first document cited is a basis wherever the lead puts it ("Thực hiện ý kiến … tại Văn bản số …");
            // later ones only at the top level (after ';' / ',' / "và"), not inside another's subject.
            if (!firstCitation && !IsTopLevel(text, m.Index) && !CitationChain.IsOwnCitation(text, m, lastEnd)) continue;
            firstCitation = false;
            var qcvn = m.Groups["qc"].Success;
            var kind = qcvn ? "QCVN" : CapitalizeFirst(Collapse(m.Groups["kind"].Value).ToLowerInvariant());
            var number = qcvn ? "QCVN " + Regex.Replace(m.Groups["qc"].Value, @"\s+", "")
                : Regex.Replace(m.Groups["num"].Value, @"\s+", "").TrimEnd('.');
            var pos = m.Index + m.Length;
            DateOnly? date = null;
            var d = Date.Match(text, pos);
            if (d.Success)
            {
                var y = int.Parse(d.Groups["y"].Value, CultureInfo.InvariantCulture);
                var mo = int.Parse(d.Groups["m"].Value, CultureInfo.InvariantCulture);
                var da = int.Parse(d.Groups["d"].Value, CultureInfo.InvariantCulture);
                if (mo is >= 1 and <= 12 && da >= 1 && da <= DateTime.DaysInMonth(y, mo)) date = new DateOnly(y, mo, da);
                pos = d.Index + d.Length;
            }
            string? issuer = null;
            var of = Of.Match(text, pos);
            if (of.Success) { var at = of.Index + of.Length; issuer = ReadIssuer(text.Substring(at, Math.Min(300, text.Length - at))); }
            result.Add((m.Index, kind, number, date, issuer));
            lastEnd = pos;
        }
        var list = new List<LegalBasis>();
        for (var i = 0; i < result.Count; i++)
        {
            var end = i + 1 < result.Count ? result[i + 1].Start : text.Length;
            var segment = text[result[i].Start..end].Trim().TrimEnd(';', ',', '.').Trim();
            if (segment.EndsWith(" và", StringComparison.Ordinal)) segment = segment[..^3].Trim().TrimEnd(',', ';');
            list.Add(new LegalBasis(result[i].Kind, result[i].Number.Length == 0 ? null : result[i].Number, result[i].Date,
                result[i].Issuer, segment));
        }
        return list;
    }

    /// <summary>"Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh hoạt động đối ngoại ..." → "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh".</summary>
    internal static string? ReadIssuer(string s)
    {
        var stop = IssuerStop.Match(s);
        var cand = stop.Success ? s[..stop.Index] : s;
        // After a place word, the proper name runs while words are capitalised.
        var pw = PlaceWord.Match(cand);
        if (pw.Success)
        {
            var after = cand[(pw.Index + pw.Length)..];
            var words = after.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var k = 0;
            while (k < words.Length && char.IsUpper(words[k][0])) k++;
            cand = cand[..(pw.Index + pw.Length)] + (k > 0 ? " " + string.Join(' ', words.Take(k)) : "");
        }
        cand = Collapse(cand).TrimEnd('.', ',', ';');
        return cand.Length == 0 ? null : cand;
    }
}
