namespace TeamsPlans.GraphSync;

/// <summary>A Graph sync error with a Vietnamese message first and an English one second.</summary>
public class GraphSyncException(string code, string messageVi, string messageEn, Exception? inner = null)
    : Exception($"{messageVi} / {messageEn}", inner)
{
    public string Code { get; } = code;
    public string MessageVi { get; } = messageVi;
    public string MessageEn { get; } = messageEn;
    /// <summary>Set when Graph throttled the request (429/503) beyond the in-request retries: wait at least this long.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
