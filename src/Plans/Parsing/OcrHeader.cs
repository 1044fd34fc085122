using System.Globalization;
using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// What OCR does to the two-column Decree 30 header, and how the header reader tolerates it: a line that starts with a
/// stray mark (a quote, a bracket from the stamp), the motto with confused letters ("CỌNG HÒA XÃ HỌI", "CỘNG HOÀ XÃ
/// `“HỦ NGHĨA"), "số:" in lower case or with a comma, digits read as letters in the date ("ngày Ø3", "ngày l5", "tháng O4"),
/// and the e-signature box ("Ký bởi: Bộ Công Thương" / "Thời gian ký: 02.04.2026 14:24:26") that dates a document whose
/// handwritten day cannot be read, when the body that signed is the issuer.
/// </summary>
internal static class OcrHeader
{
    /// <summary>The motto with OCR confusions in its vowels ("CỌNG HÒA", "CONG HOA XA HOI") or its second half lost.</summary>
    public static readonly Regex Motto =
        R(@"C[ỘOÔỌÓÒỒ0]NG\s+H[OÒÓÕỌ0]\p{L}{0,2}\s+X\p{L}{0,2}(?:\s|$)|(?:Đ|D)[ỘOÔỌ]C\s+L[ẬAÂẠ]P\s*[-–—]", RegexOptions.IgnoreCase);

    /// <summary>"số: 813/HC-CNHC", "Sô, 12/KH-…", "Số; …": the number line as OCR gives it (only with a symbol after it; an
    /// upper-case "SỐ 1050/QĐ-SCT" is part of an issuer's name, "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ …").</summary>
    public static readonly Regex NumberLine = R(@"^\s*(?:[Ss][ốôoóỗồổ]\s*[:;,.]|s[ốôoóỗồổ]\s)\s*(?<rest>.*?/\s*\p{Lu}[\p{Lu}Đ]{0,6}\s*-.*)$");

    private static readonly Regex LeadingJunk = R(@"^[^\p{L}\p{N}\s]{1,3}(?=\s)");
    private static readonly Regex DateDigits = R(@"(?<=(?:ngày|tháng)\s{0,3})(?<t>[\dOØoQDIl|]{1,2})(?=\s|$)", RegexOptions.IgnoreCase);
    private static readonly Regex SignedBy = R(@"(?:Ký\s+bởi|Cơ\s+quan)\s*:\s*(?<who>[^:]{3,80}?)\s*$", RegexOptions.IgnoreCase);
    private static readonly Regex SignedAt =
        R(@"(?:T|(?<![\p{L}]))hời\s+gian\s+ký\s*:\s*(?<d>\d{1,2})[./-](?<m>\d{1,2})[./-](?<y>(?:19|20)\d\d)", RegexOptions.IgnoreCase);

    /// <summary>The line without a leading stray mark ('"', ')', '`') that OCR put before the first column.</summary>
    public static string StripLeadingJunk(string line)
    {
        var t = line.TrimStart();
        return LeadingJunk.IsMatch(t) ? LeadingJunk.Replace(t, "").TrimStart() : line;
    }

    /// <summary>"ngày Ø3 tháng O4" → "ngày 03 tháng 04": letters OCR reads for digits, only in a day or month that holds a digit
    /// or is one confusable letter beside a digit-like shape (a lone "D" or "l" is not changed).</summary>
    public static string FixDateDigits(string s) => DateDigits.Replace(BlankUnreadable(s), m =>
    {
        var t = m.Groups["t"].Value;
        if (!t.Any(char.IsDigit)) return t;
        return new string(t.Select(c => c switch { 'O' or 'Ø' or 'o' or 'Q' or 'D' => '0', 'I' or 'l' or '|' => '1', _ => c }).ToArray());
    });

    private static readonly Regex UnreadableDay = R(@"(?<=ngày)\s*[^\s\d]{1,4}\s*(?=tháng)", RegexOptions.IgnoreCase);
    private static readonly Regex UnreadableMonth = R(@"(?<=tháng)(?:[^\s\d]{1,3}(?=\s)|\s*[^\s\d]{1,4}\s*(?=năm))", RegexOptions.IgnoreCase);

    /// <summary>"ngày °Ê} tháng 4", "ngàyô} thángh  năm": a handwritten day or month OCR turned to marks, left blank.</summary>
    private static string BlankUnreadable(string s) => UnreadableMonth.Replace(UnreadableDay.Replace(s, " "), " ");

    /// <summary>The number from an OCR'd "số:" line: digits before the symbol when readable, else the symbol alone ("/HC-CNHC").</summary>
    public static string? Number(string rest)
    {
        var m = Regex.Match(rest, @"(?<no>[\dOØIl|]*\d[\dOØIl|]*)?\s*/\s*(?<sym>\p{Lu}[\p{Lu}Đ]{0,6}\s*-\s*[\p{Lu}Đ&]+(?:\s*-\s*[\p{Lu}Đ&]+)*)",
            RegexOptions.CultureInvariant);
        if (!m.Success) return null;
        var no = m.Groups["no"].Success
            ? new string(m.Groups["no"].Value.Select(c => c switch { 'O' or 'Ø' => '0', 'I' or 'l' or '|' => '1', _ => c }).ToArray()) : "";
        return no + "/" + Regex.Replace(m.Groups["sym"].Value, @"\s+", "");
    }

    /// <summary>The signing day of the e-signature box in the header, when the body that signed is <paramref name="issuer"/>.</summary>
    public static DateOnly? SignedOn(IReadOnlyList<string> header, string? issuer)
    {
        if (issuer is null) return null;
        var signedBy = header.Select(l => SignedBy.Match(Collapse(l))).Where(m => m.Success).Select(m => Fold(m.Groups["who"].Value)).ToList();
        var issuerKey = Fold(issuer);
        if (!signedBy.Any(w => w.Length > 3
            && (w.Contains(issuerKey, StringComparison.Ordinal) || issuerKey.Contains(w, StringComparison.Ordinal)))) return null;
        foreach (var l in header)
        {
            var m = SignedAt.Match(Collapse(l));
            if (!m.Success) continue;
            int d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
                y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo)) return new DateOnly(y, mo, d);
        }
        return null;
    }
}
