namespace TeamsPlans.Bot.Cards;

/// <summary>Universal Actions refresh: the action Teams invokes when one of <see cref="UserIds"/> views the card.</summary>
public sealed class Refresh
{
    /// <summary>An Action.Execute (declared as the base type so the "type" discriminator is written).</summary>
    public required CardAction Action { get; init; }
    /// <summary>Teams user MRIs ("29:..."), at most 60.</summary>
    public List<string>? UserIds { get; init; }
}
