using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// How the connector's answers are classified (msteams-docs, "Messages in bot conversations", Status code responses):
/// a conversation Teams no longer has (404 ConversationNotFound; 403 BotNotInConversationRoster) is dropped and opened
/// again once; a 500 for a send is not re-sent (the post may have happened); a 429 without Retry-After backs off
/// exponentially with jitter instead of a flat pause.
/// </summary>
internal sealed partial class DeliveryProcessor
{
    /// <summary>The stored conversation is gone: chat history removed (404) or the bot no longer in it (403 roster).</summary>
    internal static bool IsLostConversation(ConnectorException e) =>
        (e.StatusCode == 404 && (e.ErrorCode is null || string.Equals(e.ErrorCode, "ConversationNotFound", StringComparison.OrdinalIgnoreCase)))
        || (e.StatusCode == 403 && string.Equals(e.ErrorCode, "BotNotInConversationRoster", StringComparison.OrdinalIgnoreCase));

    /// <summary>A 500 from the connector for a send: the outcome is unknown, re-sending could post the card twice.</summary>
    internal static bool IsUnsafeToResend(ConnectorException e) => e.StatusCode == 500;

    /// <summary>
    /// Pause after a 429: the server's Retry-After when given; else exponential in the number of throttles in a row
    /// (<see cref="DeliveryOptions.DefaultThrottlePause"/> · 2^n, capped by <see cref="DeliveryOptions.RetryMaxDelay"/>),
    /// with full jitter in its upper half so that senders throttled together do not come back together.
    /// </summary>
    internal TimeSpan ThrottlePause(TimeSpan? retryAfter, int throttles)
    {
        if (retryAfter is { } ra && ra > TimeSpan.Zero) return ra;
        var max = Math.Max(_options.RetryMaxDelay.TotalMilliseconds, _options.DefaultThrottlePause.TotalMilliseconds);
        var ms = Math.Min(max, _options.DefaultThrottlePause.TotalMilliseconds * Math.Pow(2, Math.Clamp(throttles, 0, 30)));
        return TimeSpan.FromMilliseconds(ms * (0.5 + 0.5 * Random.Shared.NextDouble()));
    }
}
