using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.People;

/// <summary>
/// Compares Vietnamese person names the way a reader would when a document misspells a diacritic
/// ("Ngô Tấn Hưng" / "Ngô Tân Hưng"): honorifics (Thầy, Cô, Ông, Bà, Đ/c, Đồng chí) are dropped, names must have the
/// same syllables once diacritics are folded (đ → d, case ignored), and each syllable may differ by at most one
/// diacritic mark (a tone or a vowel mark, or đ/d). "Ngô Tấn Hưng" ≠ "Ngô Tấn Hùng Anh" (different syllables).
/// Used to tie a signer to an assignee and to resolve assignees to directory users.
/// </summary>
internal static class PersonNameMatcher
{
    private static readonly Regex Honorific =
        new(@"^\s*(?:Thầy|Cô|Ông|Bà|Anh|Chị|Đ/c|Đ/C|đ/c|Đồng\s+chí|đồng\s+chí)\.?\s+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The name without honorific, whitespace collapsed, NFC.</summary>
    public static string Clean(string name)
    {
        var n = VietText.Collapse(name.Normalize(NormalizationForm.FormC));
        for (var i = 0; i < 2; i++) n = Honorific.Replace(n, "");
        return n.Trim();
    }

    /// <summary>Diacritic-free, lower-case key: "Ngô Tấn Hưng" → "ngo tan hung".</summary>
    public static string Key(string name) => VietText.Fold(Clean(name));

    /// <summary>True when both name the same person under the rules above.</summary>
    public static bool SameName(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b)) return false;
        var sa = Clean(a).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sb = Clean(b).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (sa.Length != sb.Length || sa.Length == 0) return false;
        for (var i = 0; i < sa.Length; i++)
            if (SyllableDistance(sa[i], sb[i]) > 1) return false;
        return true;
    }

    /// <summary>
    /// Number of diacritic differences between two syllables with the same folded letters; int.MaxValue when the letters differ.
    /// </summary>
    public static int SyllableDistance(string a, string b)
    {
        if (VietText.Fold(a) != VietText.Fold(b)) return int.MaxValue;
        var ma = Marks(a);
        var mb = Marks(b);
        var onlyA = new List<string>(ma);
        var onlyB = new List<string>();
        foreach (var m in mb) { if (!onlyA.Remove(m)) onlyB.Add(m); }
        // A replaced mark (sắc ↔ huyền) is one difference, an added or missing mark too.
        return Math.Max(onlyA.Count, onlyB.Count);
    }

    // Per base letter position: the combining marks attached (and "đ" as a mark on d).
    private static List<string> Marks(string s)
    {
        var d = s.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var marks = new List<string>();
        var cur = new StringBuilder();
        var started = false;
        foreach (var c in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) { cur.Append(c); continue; }
            if (started) marks.Add(cur.ToString());
            cur.Clear();
            if (c == 'đ') cur.Append("đ");
            started = true;
        }
        if (started) marks.Add(cur.ToString());
        // Each position compares its whole mark set; split into individual marks so "ấ" vs "â" counts one.
        var flat = new List<string>();
        for (var i = 0; i < marks.Count; i++)
            foreach (var m in marks[i]) flat.Add(i.ToString(CultureInfo.InvariantCulture) + ":" + m);
        return flat;
    }

    /// <summary>
    /// The candidate naming the same person: an exact (case/space-insensitive) match first, then a unique tolerant
    /// match. Null when none or ambiguous.
    /// </summary>
    public static T? FindBest<T>(string name, IEnumerable<T> candidates, Func<T, string?> nameOf) where T : class
    {
        var list = candidates.ToList();
        var clean = Clean(name);
        var exact = list.Where(c => nameOf(c) is { } n && string.Equals(Clean(n), clean, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count == 1) return exact[0];
        if (exact.Count > 1) return null;
        var fuzzy = list.Where(c => SameName(nameOf(c), name)).ToList();
        return fuzzy.Count == 1 ? fuzzy[0] : null;
    }
}
