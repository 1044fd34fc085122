using System.Globalization;
using System.Text;

namespace TeamsPlans.GraphSync;

/// <summary>
/// Diacritics-folding comparison of Vietnamese names and titles ("Nguyễn Văn Hiếu" = "nguyen van hieu"; đ → d).
/// Used by the directory until a shared matcher exists in src/Plans.
/// </summary>
public static class NameFolding
{
    public static string Fold(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return "";
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        var space = false;
        foreach (var c in d)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark) continue;
            var ch = c switch { 'đ' => 'd', 'Đ' => 'd', _ => char.ToLowerInvariant(c) };
            if (char.IsLetterOrDigit(ch)) { sb.Append(ch); space = false; }
            else if (!space && sb.Length > 0) { sb.Append(' '); space = true; }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>True when both have diacritics and differ in them (then "Hiếu" must not match "Hiều").</summary>
    public static bool SameWithDiacritics(string a, string b) =>
        string.Equals(a.Normalize(NormalizationForm.FormC).Trim(), b.Normalize(NormalizationForm.FormC).Trim(), StringComparison.OrdinalIgnoreCase);

    public static bool HasDiacritics(string s) => Fold(s) != Lower(s);

    static string Lower(string s)
    {
        var sb = new StringBuilder();
        var space = false;
        foreach (var c in s.Normalize(NormalizationForm.FormC))
        {
            var ch = char.ToLowerInvariant(c);
            if (char.IsLetterOrDigit(ch)) { sb.Append(ch); space = false; }
            else if (!space && sb.Length > 0) { sb.Append(' '); space = true; }
        }
        return sb.ToString().TrimEnd();
    }
}
