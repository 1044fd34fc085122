namespace TeamsPlans.Bot.Security;

/// <summary>
/// Limits and switches of the security layer (configuration section "Security"); docs/security.md lists each with its value.
/// </summary>
internal sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Largest /api/messages body accepted (bytes). Teams activities are far below 1 MiB (a message is at most
    /// about 28 KB, an Adaptive Card invoke a few KB). Bigger bodies are answered 413 with a JSON error.</summary>
    public long MaxActivityBytes { get; set; } = 1024 * 1024;

    /// <summary>Key that unlocks the detailed /healthz answer (header "X-Health-Key"); empty = detail for loopback callers only.</summary>
    public string? HealthKey { get; set; }

    /// <summary>Longest untrusted argument echoed back in a reply (characters); longer input is cut with "…".</summary>
    public int MaxEchoChars { get; set; } = 80;
}
