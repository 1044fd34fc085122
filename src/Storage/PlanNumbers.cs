using System.Text;

namespace TeamsPlans.Storage;

/// <summary>How plan numbers are compared: "82/KH-THPT BK" ≡ "82/kh-thpt bk" ≡ "82/KH-THPTBK" (no whitespace, NFC, upper invariant).</summary>
public static class PlanNumbers
{
    public static string? Normalize(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return null;
        var s = number.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
            if (!char.IsWhiteSpace(ch)) sb.Append(char.ToUpperInvariant(ch));
        return sb.Length == 0 ? null : sb.ToString();
    }
}
