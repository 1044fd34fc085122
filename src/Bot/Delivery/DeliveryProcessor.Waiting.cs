using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Members the bot cannot reach yet (msteams-docs, "Proactive messages": a user receives proactive messages once the app is
/// installed for them; "Send a personal welcome message": after a Graph install the bot receives the install activity).
/// Their deliveries are not failed: they stay in the queue, marked <see cref="WaitingMarker"/>, tried again with a
/// growing pause (after a Graph install: until the install reaches the connector) and woken at once when the member installs
/// or writes to the bot (<see cref="DeliveryService.MemberReachableAsync"/>).
/// </summary>
internal sealed partial class DeliveryProcessor
{
    /// <summary>The reason of a waiting item starts with this (the status card counts them as "chờ cài ứng dụng").</summary>
    public const string WaitingMarker = "waiting-install";

    internal static bool IsWaiting(WorkItem w) =>
        w.State == WorkState.Queued && w.LastError?.StartsWith(WaitingMarker, StringComparison.Ordinal) == true;

    private async Task<DeliveryOutcome> WaitForMemberAsync(WorkItem item, string owner, DeliveryPayload payload, MemberNotReachableException e,
        bool journalWritten)
    {
        if (journalWritten) await ClearJournalAsync(item).ConfigureAwait(false); // nothing was posted
        var now = _time.GetUtcNow();
        var pause = WaitingPause(now - item.CreatedAt);
        var reason = $"{WaitingMarker}: HTTP {e.Connector.StatusCode} {e.Connector.ErrorCode} — "
            + (e.AfterInstall
                ? "đã cài ứng dụng qua Graph, chờ Teams nhận / installed through Graph, waiting for Teams to take it"
                : "chờ người nhận cài ứng dụng / waiting for the member to install the app");
        // Not an attempt: waiting is the member's state, not the item's fault (a later send keeps its full retry budget).
        if (!await Queue.DeferAsync(item.Id, owner, now + pause, reason, CancellationToken.None).ConfigureAwait(false))
            return DeliveryOutcome.LeaseLost;
        _logger.LogInformation("Delivery {DeliveryKey} to {AadObjectId} waits {PauseSeconds} s: {Reason}", item.IdempotencyKey,
            payload.MemberAadObjectId, (int)pause.TotalSeconds, reason);
        return DeliveryOutcome.Waiting;
    }

    /// <summary>max(<see cref="DeliveryOptions.WaitingRetryBase"/>, age of the item), capped, with jitter in its upper half:
    /// each wait about doubles the time since the item was queued (exponential backoff without a counter).</summary>
    internal TimeSpan WaitingPause(TimeSpan age)
    {
        var baseMs = Math.Max(1, _options.WaitingRetryBase.TotalMilliseconds);
        var ms = Math.Min(Math.Max(baseMs, _options.WaitingRetryMax.TotalMilliseconds), Math.Max(baseMs, age.TotalMilliseconds));
        return TimeSpan.FromMilliseconds(ms * (0.75 + 0.25 * Random.Shared.NextDouble()));
    }
}
