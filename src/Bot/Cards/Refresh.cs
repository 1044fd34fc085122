namespace TeamsPlans.Bot.Cards;

/// <summary>Universal Actions refresh: the action Teams invokes when one of <see cref="UserIds"/> views the card.</summary>
public sealed class Refresh
{
    private readonly List<string>? _userIds;

    /// <summary>An Action.Execute (declared as the base type so the "type" discriminator is written).</summary>
    public required CardAction Action { get; init; }

    /// <summary>Teams user MRIs ("29:..."), at most 60 (msteams-docs, "Work with Universal Actions for Adaptive Cards"): whatever
    /// a builder passes, an Entra object id or any other id is dropped, duplicates are dropped and the list is cut at 60.</summary>
    public List<string>? UserIds
    {
        get => _userIds;
        init => _userIds = TeamsUserIds(value);
    }

    /// <summary>The ids Teams takes in refresh.userIds, or null when none is left (the card then refreshes for nobody).</summary>
    public static List<string>? TeamsUserIds(IEnumerable<string>? ids)
    {
        var kept = ids?.Where(id => id is not null && id.StartsWith("29:", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)
            .Take(PlanCards.MaxRefreshUsers).ToList();
        return kept is { Count: > 0 } ? kept : null;
    }
}
