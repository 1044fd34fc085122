using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>How an item ends: connector errors, retries with backoff, failures and skips, committed to the queue.</summary>
internal sealed partial class DeliveryProcessor
{
    private async Task<DeliveryOutcome> HandleConnectorErrorAsync(WorkItem item, string owner, DeliveryPayload payload, ConnectorException e,
        bool journalWritten)
    {
        var reason = string.IsNullOrEmpty(e.ErrorCode)
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {e.StatusCode}")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {e.StatusCode} {e.ErrorCode}");
        // A definite answer: nothing was posted, a later attempt is not a possible duplicate.
        var ambiguous = e.StatusCode == 0 || e.StatusCode >= 500;
        if (journalWritten && !ambiguous) await ClearJournalAsync(item).ConfigureAwait(false);

        if (e.IsMessageWritesBlocked)
        {
            await _store.Conversations.MarkBlockedAsync(item.TenantId, payload.MemberAadObjectId, e.ErrorCode ?? "MessageWritesBlocked",
                CancellationToken.None).ConfigureAwait(false);
            _logger.LogWarning("{AadObjectId} blocked the bot ({ErrorCode}); marked unreachable, the plan's head is told in the daily digest",
                payload.MemberAadObjectId, e.ErrorCode);
            return await FailAsync(item, owner, payload, WorkState.Blocked, reason, payload.Kind).ConfigureAwait(false);
        }
        if (e.IsThrottled)
        {
            _metrics.Throttled.Add(1, DeliveryMetrics.Tag(payload.Kind));
            var pause = ThrottlePause(e.RetryAfter, item.Attempts);
            _limiter.Throttled(item.TenantId, _time.GetUtcNow() + pause);
            // Throttling is the pipe's state, not the item's fault: deferred without burning an attempt.
            return await RetryAsync(item, owner, payload, reason, pause, countAttempt: false).ConfigureAwait(false);
        }
        if (IsUnsafeToResend(e))
            return await FailAsync(item, owner, payload, WorkState.Failed,
                reason + ": không gửi lại vì có thể đã đến / not re-sent, it may have been posted", payload.Kind).ConfigureAwait(false);
        if (e.IsTransient || e.StatusCode == 401)
            return await RetryAsync(item, owner, payload, reason, e.RetryAfter).ConfigureAwait(false);
        return await FailAsync(item, owner, payload, WorkState.Failed, reason + ": " + Truncate(e.Message, 300), payload.Kind).ConfigureAwait(false);
    }

    private async Task ClearJournalAsync(WorkItem item)
    {
        try
        {
            await _store.Sync.DeleteAsync(item.TenantId, JournalScope, item.IdempotencyKey, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning(ex, "Could not clear the send journal of {DeliveryKey}", item.IdempotencyKey);
        }
    }

    private async Task<DeliveryOutcome> RetryAsync(WorkItem item, string owner, DeliveryPayload? payload, string reason, TimeSpan? after,
        bool countAttempt = true)
    {
        var kind = payload?.Kind ?? "unknown";
        if (countAttempt && item.Attempts + 1 >= Math.Max(1, _options.MaxAttempts))
            return await FailAsync(item, owner, payload, WorkState.Failed,
                string.Create(CultureInfo.InvariantCulture, $"{reason} (sau {item.Attempts + 1} lần thử / after {item.Attempts + 1} attempts)"), kind)
                    .ConfigureAwait(false);
        var delay = after ?? Backoff(item.Attempts);
        // Jitter so that retries of one batch do not come back together.
        delay += TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
        var notBefore = _time.GetUtcNow() + delay;
        var kept = countAttempt
            ? await Queue.RetryAsync(item.Id, owner, notBefore, reason, CancellationToken.None).ConfigureAwait(false)
            : await Queue.DeferAsync(item.Id, owner, notBefore, reason, CancellationToken.None).ConfigureAwait(false);
        if (!kept)
        {
            _logger.LogWarning("Delivery {DeliveryKey} could not be put back ({Reason}): the lease was lost, another worker owns it",
                item.IdempotencyKey, reason);
            return DeliveryOutcome.LeaseLost;
        }
        _metrics.Retried.Add(1, DeliveryMetrics.Tag(kind));
        _logger.LogInformation("Delivery {DeliveryKey} will be {Action} in {DelayMs} ms: {Reason}", item.IdempotencyKey,
            countAttempt ? "retried" : "deferred", (int)delay.TotalMilliseconds, reason);
        return DeliveryOutcome.Retried;
    }

    internal TimeSpan Backoff(int attempts)
    {
        var cap = Math.Min(_options.RetryMaxDelay.TotalMilliseconds, _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts, 30)));
        return TimeSpan.FromMilliseconds(cap * (0.5 + 0.5 * Random.Shared.NextDouble()));
    }

    private async Task<DeliveryOutcome> FailAsync(WorkItem item, string owner, DeliveryPayload? payload, WorkState state, string reason, string kind)
    {
        if (!await Queue.FailAsync(item.Id, owner, state, reason, CancellationToken.None).ConfigureAwait(false))
        {
            _logger.LogWarning("Delivery {DeliveryKey} could not be marked {State} ({Reason}): the lease was lost, another worker owns it",
                item.IdempotencyKey, state, reason);
            return DeliveryOutcome.LeaseLost;
        }
        if (state == WorkState.Blocked) _metrics.Blocked.Add(1, DeliveryMetrics.Tag(kind));
        else _metrics.Failed.Add(1, DeliveryMetrics.Tag(kind));
        _logger.LogWarning("Delivery {DeliveryKey} to {AadObjectId} {State}: {Reason}", item.IdempotencyKey, payload?.MemberAadObjectId,
            state, reason);
        return state == WorkState.Blocked ? DeliveryOutcome.Blocked : DeliveryOutcome.Failed;
    }

    private async Task<DeliveryOutcome> SkipAsync(WorkItem item, string owner, string reason, string kind)
    {
        if (!await Queue.CompleteAsync(item.Id, owner, new DeliveryResult { Skipped = reason }.ToJson(), CancellationToken.None)
            .ConfigureAwait(false))
            return DeliveryOutcome.LeaseLost;
        _metrics.Skipped.Add(1, DeliveryMetrics.Tag(kind));
        return DeliveryOutcome.Skipped;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
