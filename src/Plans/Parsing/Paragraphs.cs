using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

internal enum ParaKind { Plain, Bullet, Roman, Arabic, Letter, Part, Article }

/// <summary>A logical paragraph: wrapped lines joined back, with its list label when it has one.</summary>
internal sealed record Para(ParaKind Kind, string? Label, string Content, string Text)
{
    public bool IsHeading => Kind is ParaKind.Roman or ParaKind.Arabic or ParaKind.Letter or ParaKind.Part or ParaKind.Article;
}

/// <summary>
/// Joins wrapped lines into paragraphs. A line continues the previous one when it starts in lower case (or with a digit
/// that is not a list label), or when the previous line does not end a sentence (. ; : ! ?) — except that a short
/// heading line ("1. Mục đích") followed by a capitalised line is complete. Blank lines carry no meaning: some exports
/// put one between every wrapped line.
/// </summary>
internal static class Paragraphs
{
    // "I/ Mục đích:", "5/ Tổ chức thực hiện:": the slash labels of many school documents count like "I." and "5."; a number
    // and symbol wrapped onto a line of its own ("… Giấy đề nghị số" / "24/CV-TH ngày …") is no label.
    internal static readonly Regex RomanLabel = R(@"^(?<id>[IVX]{1,6})\s*[.:)/]\s*(?<rest>\p{L}.*)$");
    internal static readonly Regex ArabicLabel = R(@"^(?<id>\d{1,2}(?:\.{1,2}\d{1,2}){0,3})(?<dot>\.{1,2}|\)|/(?!\s*\d)(?![\p{Lu}\d]+[-/]))?" +
        @"\s*(?<rest>[\p{Lu}“""].*)$");
    // "A. MỤC ĐÍCH, YÊU CẦU", "B - NỘI DUNG": a lettered part above the Roman sections (its heading in capitals).
    internal static readonly Regex PartLabel = R(@"^(?<id>[A-HĐ])\s*[.:)\-–]\s*(?<rest>\p{Lu}[^a-zà-ỹ]{2,}.*)$");
    // "Điều 1. ...": an article of a Quyết định.
    internal static readonly Regex ArticleLabel = R(@"^(?<id>Điều\s+\d{1,2})\s*[.:]\s*(?<rest>.*)$");
    internal static readonly Regex LetterLabel = R(@"^(?<id>[a-zđ])\)\s*(?<rest>.+)$");
    internal static readonly Regex Bullet = R(@"^(?:\.\s*)?(?<b>[-–•+*✓➢▪●○])(?:\s*[-+])?\s*(?<rest>\S.*)$");
    private static readonly Regex IntroMarker = R(@"^(?:Căn cứ|Thực hiện|Theo|Triển khai)\s");
    // "(1) Tổ chức, cá nhân … phải lập …" after a full stop: a numbered point starts its own paragraph.
    private static readonly Regex NumberedPoint = R(@"^\(\d{1,2}\)\s*\p{Lu}");
    private static readonly Regex Marker = R(@"^(?:Căn cứ\s|Trên đây\b|Trên đấy\b|N[ơo]i nhận\b)");

    public static Para Classify(string text)
    {
        text = Collapse(text);
        var m = ArticleLabel.Match(text);
        if (m.Success) return new Para(ParaKind.Article, Collapse(m.Groups["id"].Value), TrimHeading(m.Groups["rest"].Value), text);
        m = PartLabel.Match(text);
        if (m.Success && IsMostlyUpper(m.Groups["rest"].Value) && m.Groups["rest"].Value.Length <= 120) return new Para(ParaKind.Part,
            m.Groups["id"].Value, TrimHeading(m.Groups["rest"].Value), text);
        m = RomanLabel.Match(text);
        if (m.Success) return new Para(ParaKind.Roman, m.Groups["id"].Value, TrimHeading(m.Groups["rest"].Value), text);
        m = ArabicLabel.Match(text);
        if (m.Success && (m.Groups["id"].Value.Contains('.') || m.Groups["dot"].Success && m.Groups["dot"].Length > 0))
            return new Para(ParaKind.Arabic, m.Groups["id"].Value, TrimHeading(m.Groups["rest"].Value), text);
        m = LetterLabel.Match(text);
        if (m.Success) return new Para(ParaKind.Letter, m.Groups["id"].Value, TrimHeading(m.Groups["rest"].Value), text);
        m = Bullet.Match(text);
        if (m.Success) return new Para(ParaKind.Bullet, m.Groups["b"].Value == "+" ? "+" : "-", m.Groups["rest"].Value.Trim(), text);
        return new Para(ParaKind.Plain, null, text, text);
    }

    private static string TrimHeading(string s) => s.Trim();

    private static bool IsStructural(string t, bool intro)
    {
        if (Marker.IsMatch(t)) return true;
        if (intro && IntroMarker.IsMatch(t)) return true;
        var p = Classify(t);
        return p.Kind != ParaKind.Plain;
    }

    private static bool EndsSentence(string s)
    {
        s = s.TrimEnd();
        if (s.Length == 0) return true;
        var c = s[^1];
        if (c is '”' or '"' or ')' && s.Length >= 2) c = s[^2];
        return c is '.' or ';' or ':' or '!' or '?' or '…';
    }

    private static bool StartsContinuation(string t) =>
        t.Length > 0 && (char.IsLower(t[0]) || char.IsDigit(t[0]) || t[0] is ',' or ';' or ')' or '(' or '&');

    public static List<Para> Build(IReadOnlyList<string> lines)
    {
        var lengths = lines.Select(l => l.Trim().Length).Where(n => n >= 20).Order().ToList();
        var median = lengths.Count == 0 ? 80 : lengths[lengths.Count / 2];
        var full = (int)(median * 0.85);
        var result = new List<Para>();
        string? cur = null;
        string lastLine = "";
        var intro = true;
        foreach (var raw in lines)
        {
            var t = Collapse(raw);
            if (t.Length == 0) continue;
            if (cur is null) { cur = t; lastLine = t; continue; }
            var curPara = Classify(cur);
            var join = !IsStructural(t, intro) && !(EndsSentence(cur) && NumberedPoint.IsMatch(t))
                && (StartsContinuation(t) || (!EndsSentence(cur) && (!curPara.IsHeading || lastLine.Length >= full)));
            if (join) cur += " " + t;
            else
            {
                Flush(cur);
                cur = t;
            }
            lastLine = t;
        }
        if (cur is not null) Flush(cur);
        return result;

        void Flush(string text)
        {
            var p = Classify(text);
            if (p.Kind is ParaKind.Roman or ParaKind.Arabic or ParaKind.Part or ParaKind.Article) intro = false;
            result.Add(p);
        }
    }
}
