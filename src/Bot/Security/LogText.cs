using System.Text;

namespace TeamsPlans.Bot.Security;

/// <summary>
/// Untrusted text (token claims, activity fields, file names, URLs) made safe for a log field: control characters
/// (CR, LF, tab, NUL, C1 controls, Unicode line/paragraph separators, bidi overrides) become '?' or a visible escape and the
/// text is cut at a length limit with "…(+N)". Keeps one log entry one line, and lets no sender forge log lines.
/// </summary>
internal static class LogText
{
    public const int DefaultMax = 200;

    public static string? Clean(string? value, int max = DefaultMax)
    {
        if (value is null) return null;
        var sb = new StringBuilder(Math.Min(value.Length, max) + 8);
        var i = 0;
        for (; i < value.Length && sb.Length < max; i++)
        {
            var c = value[i];
            sb.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => "?",
                '\u2028' or '\u2029' or '\u0085' => "?",
                >= '\u202A' and <= '\u202E' => "?",
                >= '\u2066' and <= '\u2069' => "?",
                _ => c.ToString(),
            });
        }
        if (i < value.Length) sb.Append("…(+").Append(value.Length - i).Append(')');
        return sb.ToString();
    }
}
