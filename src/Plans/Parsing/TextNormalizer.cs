using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// Cleans extracted text line by line, before any structure is read: Unicode NFC, odd slashes (⁄ ∕ ／) to '/', odd
/// spaces, markdown marks (#, **, ***), &lt;sup&gt; footnote references, page-number lines, and footnote blocks that a
/// text export leaves inside the running text (a line of many spaces or '---', then "1 Quyết định ..." lines, until the
/// next page's first line, which starts with a space). Footnote reference digits glued to words ("quốc tế1",
/// "năm 20248") are removed once the footnote numbers are known.
/// </summary>
internal static class TextNormalizer
{
    internal sealed record Prepared(List<string> Lines, List<string> Footnotes);

    private static readonly Regex MdHeading = R(@"^\s*#{1,6}\s+");
    private static readonly Regex MdEmphasis = R(@"\*{1,3}|(?<!\w)_{2,3}(?=\w)|(?<=\w)_{2,3}(?!\w)");
    private static readonly Regex SupRef = R(@"<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\](?!:)", RegexOptions.IgnoreCase);
    private static readonly Regex SupDef = R(@"^\s*(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]:)\s*", RegexOptions.IgnoreCase);
    private static readonly Regex BrTag = R(@"<br\s*/?>", RegexOptions.IgnoreCase);
    private static readonly Regex Html = R(@"</?(?:sup|sub|br|span|p|u|i|b|em|strong)\b[^>]*>", RegexOptions.IgnoreCase);
    private static readonly Regex PageNumber =
        R(@"^\s*(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?\s*$|^\s*(?:Trang|Page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?\s*$", RegexOptions.IgnoreCase);
    private static readonly Regex FootnoteStart = R(@"^(\d{1,2})\s?(?=[\p{Lu}“""(])");
    private static readonly Regex StructuralStart = R(@"^(?:[-–•+]\s|[IVX]{1,5}\s*\.|\d{1,2}\.\d|\d{1,2}\.\s*\p{Lu}|N[ơo]i nhận)");

    public static Prepared Prepare(string raw, IReadOnlyList<string>? extraFootnotes = null)
    {
        var text = CleanChars(raw);
        var rawLines = text.Split('\n');
        var lines = new List<string>(rawLines.Length);
        var footnotes = new List<(int Number, string Text)>();
        var supDefs = new List<(int Number, string Text)>();

        // Pass 1: markdown, html, footnote definitions written as <sup>n</sup> / [^n]:.
        var defLine = new bool[rawLines.Length];
        for (var i = 0; i < rawLines.Length; i++)
        {
            var l = rawLines[i].TrimEnd();
            if (l.Length == 0 && rawLines[i].Length >= 15) l = new string(' ', rawLines[i].Length); // footnote separator
            var def = SupDef.Match(l);
            if (def.Success)
            {
                var n = int.Parse(def.Groups[1].Success ? def.Groups[1].Value : def.Groups[2].Value, CultureInfo.InvariantCulture);
                l = n.ToString(CultureInfo.InvariantCulture) + " " + l[def.Length..];
                defLine[i] = true;
            }
            l = SupRef.Replace(l, "");
            // Line breaks inside a markdown table cell ("| SỞ … <br> Số: 12/KH-… |") are kept, as U+2028, for the table reader.
            if (l.TrimStart().StartsWith('|')) l = BrTag.Replace(l, "\u2028");
            l = Html.Replace(l, "");
            l = MdHeading.Replace(l, "");
            l = MdEmphasis.Replace(l, "");
            l = GluedWords(l);
            l = l.Replace("\\.", ".", StringComparison.Ordinal).Replace("\\-", "-", StringComparison.Ordinal);
            lines.Add(l);
        }

        // Pass 2: footnote blocks and page numbers.
        var outLines = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var t = l.Trim();
            var longSpaces = t.Length == 0 && l.Length >= 15;
            var rule = t.Length >= 3 && (t.All(c => c == '-') || t.All(c => c == '_') || t.All(c => c == '—'));
            if (defLine[i])
            {
                supDefs.Add(ParseNote(t));
                continue;
            }
            if (longSpaces || rule)
            {
                var end = ScanFootnoteBlock(lines, defLine, i + 1, markdown: rule, out var notes);
                if (notes.Count > 0)
                {
                    // Unnumbered first lines continue the previous page's last footnote.
                    foreach (var n in notes)
                    {
                        if (n.Number == 0 && footnotes.Count > 0) footnotes[^1] = (footnotes[^1].Number, footnotes[^1].Text + " " + n.Text);
                        else footnotes.Add(n);
                    }
                    i = end - 1;
                    continue;
                }
                if (rule) continue; // a plain underline under the title
                outLines.Add("");
                continue;
            }
            if (PageNumber.IsMatch(t)) { outLines.Add(""); continue; }
            outLines.Add(l);
        }
        footnotes.AddRange(supDefs);

        var allNotes = footnotes.Select(f => f.Number > 0 ? $"{f.Number} {f.Text}" : f.Text).ToList();
        if (extraFootnotes is not null) allNotes.AddRange(extraFootnotes);
        var numbers = footnotes.Where(f => f.Number > 0).Select(f => f.Number).Distinct().Order().ToList();
        if (numbers.Count > 0) RemoveReferences(outLines, numbers);
        return new Prepared(outLines, allNotes);
    }

    private static readonly Regex GluedLowerUpper = R(@"(?<=\p{Ll}{2})(?=\p{Lu}\p{Ll})|(?<=\p{Lu}{3})(?=\p{Lu}\p{Ll}{2})|(?<=\p{Ll})(?=đ)");

    /// <summary>
    /// Repairs words glued by a lost space: "củaNhà" → "của Nhà", "THPTQuốc" → "THPT Quốc", "cácđơn" → "các đơn"
    /// (a Vietnamese syllable never has đ inside it).
    /// </summary>
    internal static string GluedWords(string l) => GluedLowerUpper.Replace(l, " ");

    internal static string CleanChars(string raw)
    {
        // PDFs made with legacy Vietnamese fonts write ư/Ư as U+01A3/U+01A2 ("ƣ", LATIN LETTER OI): read as ư/Ư, then
        // composed with the tone mark that follows.
        var s = raw.Replace('\u01A3', '\u01B0').Replace('\u01A2', '\u01AF').Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\u2044' or '\u2215' or '\uFF0F': sb.Append('/'); break;
                case '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u2002' or '\u2003' or '\u3000': sb.Append(' '); break;
                case '\t': sb.Append("    "); break;
                case '\r': break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' or '\u0001' or '\u0002': break;
                case '\u2028' or '\u2029' or '\f' or '\v': sb.Append('\n'); break;
                case '\u2010' or '\u2011': sb.Append('-'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static (int Number, string Text) ParseNote(string t)
    {
        var m = FootnoteStart.Match(t);
        return m.Success ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), t[m.Length..].Trim()) : (0, t);
    }

    /// <summary>
    /// Lines after a separator: footnotes if at least one starts with "n Text"; the block ends at a line starting with
    /// whitespace (the next page), a structural line, or (markdown) a blank line after a footnote.
    /// </summary>
    private static int ScanFootnoteBlock(List<string> lines, bool[] defLine, int start, bool markdown, out List<(int Number, string Text)> notes)
    {
        notes = [];
        var i = start;
        var any = false;
        var cur = new List<(int, string)>();
        for (; i < lines.Count && i < start + 80; i++)
        {
            var l = lines[i];
            var t = l.Trim();
            if (t.Length == 0)
            {
                if (markdown && cur.Count > 0) { i++; break; }
                if (l.Length >= 15 && cur.Count > 0) break;
                continue;
            }
            if (defLine[i]) { cur.Add(ParseNote(t)); any = true; continue; }
            if (char.IsWhiteSpace(l[0]) || StructuralStart.IsMatch(t)) break;
            var m = FootnoteStart.Match(t);
            if (m.Success) { cur.Add((int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), t[m.Length..].Trim())); any = true; }
            else if (cur.Count > 0) cur[^1] = (cur[^1].Item1, cur[^1].Item2 + " " + t);
            else cur.Add((0, t));
        }
        if (!any) return start;
        notes = cur;
        return i;
    }

    private static readonly Regex Letter = R(@"\p{L}");

    /// <summary>Removes footnote reference numbers from the running text, in order, each once.</summary>
    private static void RemoveReferences(List<string> lines, List<int> numbers)
    {
        var line = 0;
        var col = 0;
        foreach (var n in numbers)
        {
            var ns = n.ToString(CultureInfo.InvariantCulture);
            var glued = RDynamic(@"(?<=[\p{L}”""\)])" + ns + @"(?!\d)|(?<=\b(?:19|20)\d\d)" + ns + @"(?!\d)");
            var spaced = RDynamic(@"(?<=\p{L})\s+" + ns + @"(?=\s*[.,;:]?\s*$)");
            if (!TryRemove(lines, glued, ref line, ref col) && !TryRemove(lines, spaced, ref line, ref col))
            {
                // not found: leave the text as it is
            }
        }
    }

    private static bool TryRemove(List<string> lines, Regex rx, ref int line, ref int col)
    {
        for (var i = line; i < lines.Count; i++)
        {
            var from = i == line ? Math.Min(col, lines[i].Length) : 0;
            var m = rx.Match(lines[i], from);
            if (!m.Success) continue;
            lines[i] = lines[i].Remove(m.Index, m.Length);
            line = i;
            col = m.Index;
            return true;
        }
        return false;
    }
}
