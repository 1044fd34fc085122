using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Routing;

/// <summary>Handles an installation or a conversation update (members added) for a known tenant.</summary>
internal delegate Task UpdateHandler(Activity activity, ITurnContext turn, string tenantId, CancellationToken ct);
