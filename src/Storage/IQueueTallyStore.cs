namespace TeamsPlans.Storage;

/// <summary>
/// Aggregate reads and targeted writes of a queue by key prefix and waiting reason, so that a status card or an install
/// never lists the tenant's queue items: each call is one statement whatever the size of the queue.
/// </summary>
public interface IQueueTallyStore
{
    /// <summary>
    /// The items of <paramref name="queue"/> whose key starts with one of <paramref name="keyPrefixes"/>, counted per
    /// (prefix, kind, state, skipped, waiting, waiting member) in one grouped query. An item is waiting when it is Queued and
    /// its last reason starts with <paramref name="waitingReasonPrefix"/>. Prefixes without items give no row.
    /// </summary>
    Task<IReadOnlyList<QueueTally>> TallyAsync(string tenantId, string queue, IReadOnlyCollection<string> keyPrefixes, string waitingReasonPrefix,
        CancellationToken ct = default);

    /// <summary>
    /// Makes due now (not_before = now) every waiting item (as in <see cref="TallyAsync"/>) of the tenant whose payload's
    /// memberAadObjectId is <paramref name="memberAadObjectId"/> (ASCII case ignored); returns how many. One update.
    /// </summary>
    Task<int> WakeWaitingAsync(string tenantId, string queue, string waitingReasonPrefix, string memberAadObjectId, CancellationToken ct = default);

    /// <summary>The items whose key starts with <paramref name="keyPrefix"/>, oldest first (a range of the key index).</summary>
    Task<IReadOnlyList<WorkItem>> ListByPrefixAsync(string tenantId, string queue, string keyPrefix, CancellationToken ct = default);
}
