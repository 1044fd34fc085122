namespace TeamsPlans.Bot.Security;

/// <summary>
/// Untrusted input quoted back in a reply ("No plan \"…\" was found."): one line (control characters become spaces) and at
/// most <see cref="Max"/> characters, cut with "…". A reply never grows with what the sender typed.
/// </summary>
internal static class EchoText
{
    public const int Max = 80;

    public static string Cap(string? value, int max = Max)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var chars = value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray();
        var s = new string(chars).Trim();
        if (s.Length <= max) return s;
        var cut = max - 1;
        if (char.IsHighSurrogate(s[cut - 1])) cut--;
        return s[..cut] + "…";
    }
}
