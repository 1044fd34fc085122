namespace TeamsPlans.Bot.Imports;

/// <summary>
/// Limits of plan imports in the bot (configuration section "Imports"): at most <see cref="MaxConcurrent"/> documents are
/// read at once, at most <see cref="MaxWaiting"/> more wait for a slot (others are refused at once: "busy"), and each
/// read is cancelled after <see cref="Timeout"/> (the reader is given the cancellation; the slot is held until the read
/// has really returned).
/// </summary>
public sealed class ImportOptions
{
    public const string SectionName = "Imports";

    public int MaxConcurrent { get; set; } = 2;
    public int MaxWaiting { get; set; } = 8;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
