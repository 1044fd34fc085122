using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TeamsPlans.Plans.Parsing;

/// <summary>Casing and small text helpers for Vietnamese administrative text.</summary>
public static class VietText
{
    // a guard against pathological input, not a speed target (PlanReaderOptions.Timeout bounds the whole read)
    internal static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(10);
    internal static Regex R(string pattern, RegexOptions options = RegexOptions.None) =>
        new(pattern, options | RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexTimeout);

    /// <summary>For patterns built per call (not cached): interpreted, no compilation cost.</summary>
    internal static Regex RDynamic(string pattern, RegexOptions options = RegexOptions.None) =>
        new(pattern, options | RegexOptions.CultureInvariant, RegexTimeout);

    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "THPT", "THCS", "TH", "MN", "MG", "GDĐT", "GD&ĐT", "GD-ĐT", "UBND", "HĐND", "TP", "TPHCM", "TP.HCM", "HCM", "GDTX", "GDNN", "GDNN-GDTX",
        "CNTT", "ĐH", "CĐ", "PTDTNT", "PTDTBT", "TT", "BGDĐT", "SGDĐT", "PGDĐT", "KH", "BCH", "ĐTN", "TNCS", "CLB", "VP", "THPTQG", "XHCN"
    };

    private static readonly string[] HeadWords = ["SỞ", "PHÒNG", "BỘ", "BAN", "CỤC", "VỤ", "TỔNG CỤC", "CHI CỤC", "VIỆN", "HỘI", "TỔ", "ĐOÀN",
        "CÔNG ĐOÀN", "THANH TRA", "KHO BẠC", "BỆNH VIỆN", "HỌC VIỆN", "ĐẢNG ỦY", "ĐẢNG UỶ", "CHI BỘ"];
    private static readonly string[] LocationWords = ["TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG", "THỊ XÃ", "THỊ TRẤN"];
    private static readonly (string Upper, string Cased, bool NameFollows)[] Phrases =
    [
        ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân", false), ("UỶ BAN NHÂN DÂN", "Ủy ban nhân dân", false),
        ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân", false), ("VĂN PHÒNG", "Văn phòng", false), ("TRUNG TÂM", "Trung tâm", false),
        ("THÀNH PHỐ", "Thành phố", true), ("THÀNH ỦY", "Thành ủy", true), ("THÀNH UỶ", "Thành ủy", true), ("TỈNH ỦY", "Tỉnh ủy", true),
        ("HUYỆN ỦY", "Huyện ủy", true), ("QUẬN ỦY", "Quận ủy", true), ("TRƯỜNG", "Trường", false),
        ("TIỂU HỌC", "Tiểu học", true), ("TRUNG HỌC CƠ SỞ", "Trung học cơ sở", true), ("TRUNG HỌC PHỔ THÔNG", "Trung học phổ thông", true),
        ("MẦM NON", "Mầm non", true), ("MẪU GIÁO", "Mẫu giáo", true)
    ];

    public static bool IsAcronym(string token) => Acronyms.Contains(token.Trim(',', '.', ';', ':', '(', ')'));

    /// <summary>True when the letters are (nearly) all capitals: "SỞ GIÁO DỤC VÀ ĐÀO TẠO".</summary>
    public static bool IsMostlyUpper(string s)
    {
        int up = 0, low = 0;
        foreach (var c in s)
        {
            if (char.IsUpper(c)) up++;
            else if (char.IsLower(c)) low++;
        }
        return up >= 2 && low <= up / 10;
    }

    public static string TitleWord(string w)
    {
        if (w.Length == 0) return w;
        var lower = w.ToLowerInvariant();
        return char.ToUpperInvariant(lower[0]) + lower[1..];
    }

    /// <summary>"HOẠT ĐỘNG ĐỐI NGOẠI NĂM 2024" → "Hoạt động đối ngoại năm 2024" (acronyms kept).</summary>
    public static string SentenceCase(string upper)
    {
        var tokens = upper.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
            tokens[i] = IsAcronym(tokens[i]) ? tokens[i] : tokens[i].ToLowerInvariant();
        var s = string.Join(' ', tokens);
        return s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    }

    /// <summary>
    /// Upper-case body name to its usual spelling: "SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HỒ CHÍ MINH" → "Sở Giáo dục và Đào tạo
    /// Thành phố Hồ Chí Minh"; "UBND HUYỆN THỦ THỪA" → "UBND huyện Thủ Thừa"; "TRƯỜNG THPT TRUNG LẬP" → "Trường THPT Trung Lập".
    /// Rules: head words (Sở, Phòng, Bộ...) and the word after them or after "và"/"," are capitalized; after a place word
    /// (Thành phố, tỉnh, huyện...) or a school level every word is a proper name.
    /// </summary>
    public static string OrgCase(string upper)
    {
        if (!IsMostlyUpper(upper)) return Collapse(upper);
        var tokens = Collapse(upper).Split(' ');
        var outp = new List<string>();
        var nameMode = false;
        var capNext = true;
        for (var i = 0; i < tokens.Length; i++)
        {
            var matched = false;
            foreach (var (u, cased, nameFollows) in Phrases)
            {
                var parts = u.Split(' ');
                if (i + parts.Length > tokens.Length) continue;
                if (!parts.Select((p, k) => p == tokens[i + k].ToUpperInvariant()).All(b => b)) continue;
                outp.Add(nameMode && !nameFollows ? string.Join(' ', parts.Select(TitleWord)) : cased);
                i += parts.Length - 1;
                if (nameFollows) nameMode = true;
                capNext = u is "TRƯỜNG" or "VĂN PHÒNG" or "TRUNG TÂM";
                matched = true;
                break;
            }
            if (matched) continue;
            var t = tokens[i];
            if (IsAcronym(t))
            {
                outp.Add(t);
                if (outp.Count >= 2 && outp[^2] == "Trường") nameMode = true;
                capNext = true;
                continue;
            }
            var two = i + 1 < tokens.Length ? t + " " + tokens[i + 1] : null;
            var loc = LocationWords.FirstOrDefault(l => l == two) ?? LocationWords.FirstOrDefault(l => l == t);
            if (loc is not null && !nameMode)
            {
                outp.Add(loc.ToLowerInvariant());
                i += loc.Split(' ').Length - 1;
                nameMode = true;
                continue;
            }
            if (nameMode) { outp.Add(TitleWord(t)); continue; }
            if (t is "VÀ" or "&") { outp.Add(t == "VÀ" ? "và" : "&"); capNext = true; continue; }
            var isHead = HeadWords.Contains(t);
            outp.Add(capNext || isHead ? TitleWord(t) : t.ToLowerInvariant());
            capNext = isHead;
            if (t.EndsWith(',')) capNext = true;
        }
        return string.Join(' ', outp);
    }

    /// <summary>Replaces case-insensitive occurrences of known names with their proper spelling.</summary>
    public static string RestoreNames(string text, IEnumerable<string?> names)
    {
        foreach (var n in names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().OrderByDescending(n => n!.Length))
        {
            var idx = text.IndexOf(n!, StringComparison.OrdinalIgnoreCase);
            if (idx >= 0) text = text[..idx] + n + text[(idx + n!.Length)..];
        }
        return text;
    }

    public static string Collapse(string s) => Spaces.Replace(s, " ").Trim();
    private static readonly Regex Spaces = R(@"\s+");

    public static string CapitalizeFirst(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    // The one Vietnamese folding of the solution (issue 18): names, titles, units, chat commands, file names and plan ids
    // all fold here. Input is NFC-normalized first, then folded one character at a time, so an NFC text folds exactly as
    // the bot's former TextCommands.Fold did (stored plan ids keep their value) and a decomposed (NFD) text folds the same
    // as its NFC form.

    /// <summary>Removes diacritics (đ → d) and lower-cases: "Ngô Tấn Hưng" → "ngo tan hung". Punctuation is kept.</summary>
    public static string Fold(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var c = s.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(c.Length);
        foreach (var ch in c)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(FoldChar(ch));
        return sb.ToString();
    }

    /// <summary>
    /// Folded (see <see cref="Fold"/>) with every run of characters that are not letters or digits turned into one
    /// space, trimmed: "Phó Hiệu trưởng (phụ trách)" → "pho hieu truong phu trach". For comparing names, titles,
    /// units and file names, and for plan ids.
    /// </summary>
    public static string FoldWords(string? s)
    {
        var f = Fold(s);
        var sb = new StringBuilder(f.Length);
        var space = false;
        foreach (var ch in f)
        {
            if (char.IsLetterOrDigit(ch)) { sb.Append(ch); space = false; }
            else if (!space && sb.Length > 0) { sb.Append(' '); space = true; }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Folded one output character per input character (no normalization): for matching a prefix of raw text.</summary>
    public static string FoldKeepLength(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(FoldChar(c));
        return sb.ToString();
    }

    /// <summary>One character folded: lower case, its diacritics removed, đ/Đ → d.</summary>
    public static char FoldChar(char c)
    {
        if (c is 'đ' or 'Đ') return 'd';
        if (c < 128) return char.ToLowerInvariant(c);
        var d = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var x in d)
            if (CharUnicodeInfo.GetUnicodeCategory(x) != UnicodeCategory.NonSpacingMark) return char.ToLowerInvariant(x);
        return char.ToLowerInvariant(c);
    }

    /// <summary>True when the text carries Vietnamese diacritics (or đ): "Hiếu" yes, "Hieu" no.</summary>
    public static bool HasDiacritics(string? s) =>
        !string.IsNullOrEmpty(s) && !string.Equals(Fold(s), s.Normalize(NormalizationForm.FormC).ToLowerInvariant(), StringComparison.Ordinal);
}
