namespace TeamsPlans.Bot.Routing;

/// <summary>Answers a chat command with the card sent back.</summary>
internal delegate Task<AdaptiveCard> CommandHandler(TurnState state, TextCommand command, CancellationToken ct);
