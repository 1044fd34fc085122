namespace TeamsPlans.Bot.Cards;

/// <summary>Teams-specific card properties: width "Full" uses the whole message width.</summary>
public sealed class TeamsCardProperties
{
    public string? Width { get; init; } = "Full";
}
