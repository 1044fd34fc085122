namespace TeamsPlans.Bot.Routing;

/// <summary>Answers a card action (invoke or Action.Submit fallback).</summary>
internal delegate Task<CardActionResult> CardActionHandler(CardActionContext action, CancellationToken ct);
