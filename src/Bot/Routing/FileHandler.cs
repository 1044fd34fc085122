namespace TeamsPlans.Bot.Routing;

/// <summary>Handles a file sent to the bot in chat.</summary>
internal delegate Task FileHandler(TurnState state, ReportFile file, CancellationToken ct);
