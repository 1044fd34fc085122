using System.Net;

namespace TeamsPlans.Bot.Protocol;

/// <summary>Bot Connector REST API v3 (the subset TeamsPlans needs).</summary>
public interface IConnectorClient
{
    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct = default);
    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity,
        CancellationToken ct = default);
    /// <summary>PUT {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity,
        CancellationToken ct = default);
    /// <summary>DELETE {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</summary>
    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct = default);
    /// <summary>POST {serviceUrl}/v3/conversations (e.g. a 1:1 chat with a user for proactive messages).</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct = default);
    /// <summary>GET {serviceUrl}/v3/conversations/{conversationId}/members (Teams members carry aadObjectId).</summary>
    Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken ct = default);
}

/// <summary>A non-success answer of the Bot Connector service.</summary>
internal sealed class ConnectorException : Exception
{
    public ConnectorException(int statusCode, string? errorCode, string message, TimeSpan? retryAfter = null, string? responseBody = null,
        Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
        ResponseBody = responseBody;
    }

    /// <summary>HTTP status (0 when no response was received).</summary>
    public int StatusCode { get; }
    /// <summary>Server's Retry-After, when given (429/503).</summary>
    public TimeSpan? RetryAfter { get; }
    /// <summary>error.code of the response body, e.g. "ConversationBlockedByUser", "MessageWritesBlocked".</summary>
    public string? ErrorCode { get; }
    public string? ResponseBody { get; }

    /// <summary>The user blocked / uninstalled the bot: Teams answers 403 with ConversationBlockedByUser or MessageWritesBlocked.</summary>
    public bool IsMessageWritesBlocked => StatusCode == (int)HttpStatusCode.Forbidden
        && (string.Equals(ErrorCode, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase)
            || string.Equals(ErrorCode, "ConversationBlockedByUser", StringComparison.OrdinalIgnoreCase));

    public bool IsThrottled => StatusCode == 429;
    public bool IsNotFound => StatusCode == 404;
    /// <summary>Worth trying again later (429, 412, 5xx, or no response).</summary>
    public bool IsTransient => StatusCode is 0 or 429 or 412 or 500 or 502 or 503 or 504;
}
