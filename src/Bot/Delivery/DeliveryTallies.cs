using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// The delivery queue counted per plan prefix, and the state names the status shows, shared by
/// <see cref="DeliveryService"/> (status card, problems, tally) and <see cref="PlanResends"/>: one grouped query of the
/// store (<see cref="IQueueTallyStore.TallyAsync"/>), or for a store without aggregate reads (a decorator, a test double)
/// the same rows from a listing of the tenant's queue, one per item.
/// </summary>
internal static class DeliveryTallies
{
    public static async Task<IReadOnlyList<QueueTally>> RowsAsync(IStateStore store, string tenantId, IReadOnlyCollection<string> prefixes,
        CancellationToken ct)
    {
        if (QueueTallyStores.For(store) is { } tally)
            return await tally.TallyAsync(tenantId, DeliveryOptions.QueueName, prefixes, DeliveryProcessor.WaitingMarker, ct).ConfigureAwait(false);
        var all = await store.Queue.ListAsync(tenantId, DeliveryOptions.QueueName, null, ct).ConfigureAwait(false);
        return [.. from w in all
                   let prefix = prefixes.FirstOrDefault(p => w.IdempotencyKey.StartsWith(p, StringComparison.Ordinal))
                   where prefix is not null
                   let waiting = DeliveryProcessor.IsWaiting(w)
                   let skipped = w.State == WorkState.Done && DeliveryResult.TryParse(w.ResultJson)?.Skipped is not null
                   select new QueueTally(prefix, w.Kind, w.State, skipped,
                       waiting, waiting ? DeliveryPayload.TryParse(w.PayloadJson)?.MemberAadObjectId : null, 1)];
    }

    /// <summary>
    /// The state <see cref="DeliveryService.GetStatusAsync"/> shows: waiting for an install (when <paramref name="waiting"/>
    /// is asked for), queued, sending, sent or skipped, failed, blocked.
    /// </summary>
    public static string StateOf(WorkState state, bool skipped, bool waiting) => state switch
    {
        WorkState.Queued when waiting => DeliveryStates.Waiting,
        WorkState.Queued => DeliveryStates.Queued,
        WorkState.InFlight => DeliveryStates.Sending,
        WorkState.Done => skipped ? DeliveryStates.Skipped : DeliveryStates.Sent,
        WorkState.Failed => DeliveryStates.Failed,
        _ => DeliveryStates.Blocked,
    };
}
