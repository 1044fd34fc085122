using System.Text;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// The id of an imported plan: "kh-" + its printed number folded ("82/KH-THPT BK" → "kh-82-kh-thpt-bk"), else "f-" + the
/// file name folded, at most 80 characters. Folding is <see cref="VietText.FoldWords"/>, the solution's one folding.
/// Migration: ids stored before issue 18 were folded character by character without Unicode normalization, so a
/// decomposed (NFD) name such as a macOS file name gave another id ("ke hoa ch"); <see cref="Legacy"/> is that id, and the
/// import looks it up when the current id is not stored, so a stored plan keeps its id.
/// </summary>
internal static class PlanIds
{
    public static string For(PlanDocument doc, string name) => Hyphenate(VietText.FoldWords(Source(doc, name)));

    /// <summary>The id the former folding gave (equal to <see cref="For"/> for NFC text without stray combining marks).</summary>
    public static string Legacy(PlanDocument doc, string name) => Hyphenate(VietText.FoldKeepLength(Source(doc, name)));

    private static string Source(PlanDocument doc, string name) =>
        !string.IsNullOrWhiteSpace(doc.Number) && doc.Number.Any(char.IsDigit) ? "kh " + doc.Number : "f " + Path.GetFileNameWithoutExtension(name);

    // Runs of characters that are not letters or digits become one '-', none at either end.
    private static string Hyphenate(string folded)
    {
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var id = sb.ToString().TrimEnd('-');
        return id.Length > 80 ? id[..80] : id;
    }
}
