namespace TeamsPlans.Storage;

/// <summary>What is needed to message a user proactively (Bot Connector v3).</summary>
public sealed record ConversationRef(
    string TenantId, string AadObjectId, string UserId, string ConversationId, string ServiceUrl, string BotId,
    string ChannelId, DateTimeOffset UpdatedAt, bool Blocked = false, string? BlockedReason = null);
