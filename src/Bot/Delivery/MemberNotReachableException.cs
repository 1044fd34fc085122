using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// CreateConversation refused the member's 1:1 chat because the app is not installed for them (403 Forbidden /
/// ForbiddenOperationException / BotNotInConversationRoster, or 404 UserNotFound), or an install made through Graph has
/// not reached the connector yet. Not a failure: the delivery waits (see <see cref="DeliveryProcessor"/>).
/// </summary>
internal sealed class MemberNotReachableException(ConnectorException inner, bool afterInstall)
    : Exception($"Chưa liên lạc được (chưa cài ứng dụng) / not reachable yet (app not installed): HTTP {inner.StatusCode} {inner.ErrorCode}", inner)
{
    public ConnectorException Connector { get; } = inner;
    /// <summary>The app was installed for the member through Graph just before (the install has not propagated yet).</summary>
    public bool AfterInstall { get; } = afterInstall;

    /// <summary>
    /// A CreateConversation answer meaning "the app is not (yet) installed for this user": 403 other than the member's
    /// own block (ConversationBlockedByUser / MessageWritesBlocked) or an admin's (BotDisabledByAdmin), or 404.
    /// </summary>
    public static bool Means(ConnectorException e) =>
        (e.StatusCode == 403 && !e.IsMessageWritesBlocked && !string.Equals(e.ErrorCode, "BotDisabledByAdmin", StringComparison.OrdinalIgnoreCase))
        || e.StatusCode == 404;
}
