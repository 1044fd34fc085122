namespace TeamsPlans.Bot.Routing;

/// <summary>A card action as its handler sees it: the turn, the clicking user's key (Entra object id), the verb and the typed data.</summary>
internal sealed record CardActionContext(TurnState State, string UserKey, string Verb, CardData Data)
{
    public string TenantId => State.TenantId;
}
