namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// Finds an item's <c>Source</c> (the sentence or table row the parser read it from, whitespace collapsed) in the
/// document's text as extracted, so a reviewer can see it highlighted there. Runs of whitespace match any run; a leading
/// list mark ("-", "+", "•") may be missing on either side; a heading-style source ("Heading: first line") is looked up by
/// its line. When the whole sentence is not found (the normalizer joined a broken line, dropped a footnote mark), its
/// longest leading part of at least <see cref="MinPrefix"/> characters that is found gives the span's start, and the span
/// runs to the end of that paragraph. Null when nothing of it is in the text.
/// </summary>
public sealed class SourceLocator
{
    /// <summary>The shortest leading part of a source that may stand for it.</summary>
    public const int MinPrefix = 24;

    private readonly string _text;
    private readonly string _collapsed;
    private readonly int[] _map; // _collapsed[i] came from _text[_map[i]]

    public SourceLocator(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        var chars = new char[text.Length];
        _map = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (n > 0 && chars[n - 1] == ' ') continue;
                chars[n] = ' ';
            }
            else chars[n] = text[i];
            _map[n++] = i;
        }
        _collapsed = new string(chars, 0, n);
    }

    /// <summary>The span of <paramref name="source"/> in the text, searched from <paramref name="from"/> (an offset in the
    /// text) first and then from the start; null when it is not there.</summary>
    public SourceSpan? Find(string? source, int from = 0)
    {
        var s = Collapse(source);
        if (s.Length == 0) return null;
        foreach (var candidate in Candidates(s))
        {
            if (Locate(candidate, from, whole: true) is { } whole) return whole;
        }
        foreach (var candidate in Candidates(s))
        {
            for (var len = Math.Min(candidate.Length - 1, 120); len >= MinPrefix; len -= 8)
                if (Locate(candidate[..len], from, whole: false) is { } part) return part;
        }
        return null;
    }

    private static IEnumerable<string> Candidates(string s)
    {
        yield return s;
        var unmarked = s.TrimStart('-', '+', '•', '–', ' ');
        if (unmarked.Length != s.Length && unmarked.Length > 0) yield return unmarked;
        var colon = s.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && colon + 2 < s.Length) yield return s[(colon + 2)..];
    }

    private SourceSpan? Locate(string part, int from, bool whole)
    {
        var start = IndexIn(part, from);
        if (start < 0) return null;
        var endCollapsed = start + part.Length; // exclusive, in _collapsed
        var begin = _map[start];
        var end = _map[endCollapsed - 1] + 1;
        if (!whole)
        {
            // A leading part only: the span runs to the end of its paragraph (a blank line or the end of the text).
            var para = _text.IndexOf("\n\n", end, StringComparison.Ordinal);
            end = para < 0 ? _text.Length : para;
            while (end > begin && char.IsWhiteSpace(_text[end - 1])) end--;
        }
        return new SourceSpan(begin, end - begin);
    }

    private int IndexIn(string part, int from)
    {
        var fromCollapsed = from <= 0 ? 0 : Array.BinarySearch(_map, 0, _collapsed.Length, from) is var k && k >= 0 ? k : ~k;
        var i = fromCollapsed < _collapsed.Length ? _collapsed.IndexOf(part, fromCollapsed, StringComparison.Ordinal) : -1;
        return i >= 0 || fromCollapsed == 0 ? i : _collapsed.IndexOf(part, StringComparison.Ordinal);
    }

    private static string Collapse(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return "";
        var b = new System.Text.StringBuilder(s.Length);
        foreach (var ch in s.Trim())
        {
            if (char.IsWhiteSpace(ch)) { if (b.Length > 0 && b[^1] != ' ') b.Append(' '); }
            else b.Append(ch);
        }
        return b.ToString();
    }
}
