namespace TeamsPlans.Bot.Protocol;

/// <summary>One inbound turn: the activity and a way to answer in the same conversation.</summary>
public interface ITurnContext
{
    Activity Activity { get; }
    string ServiceUrl { get; }
    /// <summary>Conversation id of the inbound activity.</summary>
    string ConversationId { get; }
    string? TenantId { get; }
    IConnectorClient Connector { get; }

    /// <summary>Sends into the same conversation. Missing
    /// from/recipient/conversation/channelId/serviceUrl are filled from the inbound activity.</summary>
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken ct = default);
    /// <summary>Sends a text message into the same conversation.</summary>
    Task<ResourceResponse> SendTextAsync(string text, CancellationToken ct = default);
    /// <summary>Replaces a previously sent activity (e.g. a card) in the same conversation.</summary>
    Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken ct = default);
    Task DeleteAsync(string activityId, CancellationToken ct = default);
    /// <summary>Activities sent through this turn (ids as returned by the connector), in order.</summary>
    IReadOnlyList<(Activity Activity, ResourceResponse Response)> Sent { get; }
}
