using TeamsPlans.Bot.Conversation;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>Deliveries waiting for a member to install the app: woken on install, counted per plan.</summary>
internal sealed partial class DeliveryService
{
    /// <summary>
    /// The member installed the app or wrote to the bot (a new conversation reference was stored): every delivery of
    /// theirs that waits for an install is made due now. One targeted update (the store's waiting items of that member).
    /// </summary>
    public async Task<int> MemberReachableAsync(string tenantId, string aadObjectId, CancellationToken ct)
    {
        int n;
        if (QueueTallyStores.For(store) is { } tally)
            n = await tally.WakeWaitingAsync(tenantId, DeliveryOptions.QueueName, DeliveryProcessor.WaitingMarker, aadObjectId, ct)
                .ConfigureAwait(false);
        else if (ReachStoreFactory.For(store) is { } reach)
        {
            // A store without aggregate reads (a decorator): its queued items, filtered here.
            var queued = await Queue.ListAsync(tenantId, DeliveryOptions.QueueName, WorkState.Queued, ct).ConfigureAwait(false);
            var ids = queued.Where(w => DeliveryProcessor.IsWaiting(w) && IsFor(w, aadObjectId)).Select(w => w.Id).ToList();
            n = ids.Count == 0 ? 0 : await reach.WakeAsync(tenantId, ids, ct).ConfigureAwait(false);
        }
        else return 0;
        if (n > 0)
            logger.LogInformation("{AadObjectId} can be reached now in {TenantId}: {Count} waiting deliveries made due", aadObjectId, tenantId, n);
        return n;
    }

    /// <summary>Per plan: assignment cards given, delivered and waiting, and the members with any waiting delivery. One
    /// grouped query of the store (counts per plan prefix, kind and state), not a listing of the queue.</summary>
    public async Task<IReadOnlyDictionary<string, DeliveryTally>> TallyAsync(string tenantId, IReadOnlyCollection<string> planIds,
        CancellationToken ct)
    {
        var prefixes = planIds.ToDictionary(DeliveryKeys.PlanPrefix, p => p, StringComparer.Ordinal);
        var rows = await TallyRowsAsync(tenantId, prefixes.Keys, ct).ConfigureAwait(false);
        var result = new Dictionary<string, DeliveryTally>(StringComparer.Ordinal);
        foreach (var plan in rows.GroupBy(r => r.KeyPrefix, StringComparer.Ordinal))
        {
            var cards = plan.Where(r => r.Kind == DeliveryKinds.Assignment).ToList();
            if (cards.Sum(r => r.Count) == 0 || !prefixes.TryGetValue(plan.Key, out var planId)) continue;
            var reached = cards.Where(r => r.State == WorkState.Done && !r.Skipped).Sum(r => r.Count);
            var waiting = cards.Where(r => r.Waiting).Sum(r => r.Count);
            var members = plan.Where(r => r.Waiting).Select(r => r.WaitingMember).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count();
            result[planId] = new DeliveryTally(cards.Sum(r => r.Count), reached, waiting, members);
        }
        return result;
    }

    private Task<IReadOnlyList<QueueTally>> TallyRowsAsync(string tenantId, IReadOnlyCollection<string> prefixes, CancellationToken ct) =>
        DeliveryTallies.RowsAsync(store, tenantId, prefixes, ct);

    private static bool IsFor(WorkItem w, string aadObjectId) =>
        string.Equals(DeliveryPayload.TryParse(w.PayloadJson)?.MemberAadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The items of one plan (a key range of the store), or of the tenant when <paramref name="prefix"/> is null.</summary>
    private Task<IReadOnlyList<WorkItem>> ItemsAsync(string tenantId, string? prefix, CancellationToken ct) =>
        prefix is not null && QueueTallyStores.For(store) is { } tally
            ? tally.ListByPrefixAsync(tenantId, DeliveryOptions.QueueName, prefix, ct)
            : Queue.ListAsync(tenantId, DeliveryOptions.QueueName, null, ct);
}
