using System.Text;
using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// The "Số:" of a document as an OCR text layer gives it: Cyrillic and Greek capitals that look like Latin ones
/// ("ВСТ-ВТC", "ΒΥΤ") read back as the Latin letters the symbol is written in, and a long joint symbol that wraps onto
/// the next line of the left column ("Số: 24 /HDLN-BCA-BQP-BYT-" / "ВСТ-ВТC-VKSNDTC-TANDTC") joined again.
/// </summary>
internal static class NumberToken
{
    private static readonly Dictionary<char, char> Homoglyphs = new()
    {
        // Cyrillic capitals and small letters drawn like Latin ones.
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O', ['Р'] = 'P', ['С'] = 'C',
        ['Т'] = 'T', ['У'] = 'Y', ['Х'] = 'X', ['І'] = 'I', ['Ј'] = 'J', ['Ѕ'] = 'S', ['Ԛ'] = 'Q', ['Ԝ'] = 'W',
        ['а'] = 'a', ['е'] = 'e', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['х'] = 'x', ['у'] = 'y', ['і'] = 'i',
        // Greek capitals drawn like Latin ones.
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M', ['Ν'] = 'N',
        ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X',
    };

    /// <summary>A symbol part on a line of its own: capitals, digits, "Đ", "&amp;", "-" and "/" only ("ВСТ-ВТC-VKSNDTC-TANDTC").</summary>
    private static readonly Regex SymbolPart = R(@"^[\p{Lu}\d&/.-]*[\p{Lu}\d][\p{Lu}\d&/.-]*$");

    /// <summary>The token with Cyrillic / Greek look-alikes replaced by Latin letters; other characters kept.</summary>
    public static string Latin(string token)
    {
        if (!token.Any(c => Homoglyphs.ContainsKey(c))) return token;
        var sb = new StringBuilder(token.Length);
        foreach (var c in token) sb.Append(Homoglyphs.TryGetValue(c, out var l) ? l : c);
        return sb.ToString();
    }

    /// <summary>True when the text holds a Cyrillic or Greek look-alike.</summary>
    public static bool HasHomoglyph(string s) => s.Any(c => Homoglyphs.ContainsKey(c));

    /// <summary>
    /// A number that ends in "-" or "/" (its symbol wraps): the first column of the next non-empty header line when it is
    /// a symbol part alone, in Latin letters; else null.
    /// </summary>
    public static string? Continuation(string number, IReadOnlyList<string> header, int numberLine)
    {
        if (!(number.EndsWith('-') || number.EndsWith('/'))) return null;
        for (var j = numberLine + 1; j < header.Count && j <= numberLine + 2; j++)
        {
            var t = header[j].Trim();
            if (t.Length == 0) continue;
            var first = Latin(Collapse(PlanParser.Columns.Split(t)[0]));
            first = Regex.Replace(first, @"\s*-\s*", "-");
            return SymbolPart.IsMatch(first) ? first : null;
        }
        return null;
    }
}
