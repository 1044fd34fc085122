using TeamsPlans.Bot.Conversation;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>Deliveries waiting for a member to install the app: woken on install, counted per plan.</summary>
internal sealed partial class DeliveryService
{
    /// <summary>
    /// The member installed the app or wrote to the bot (a new conversation reference was stored): every delivery of
    /// theirs that waits for an install is made due now. One read of the tenant's queued items, one write.
    /// </summary>
    public async Task<int> MemberReachableAsync(string tenantId, string aadObjectId, CancellationToken ct)
    {
        if (ReachStoreFactory.For(store) is not { } reach) return 0;
        var queued = await Queue.ListAsync(tenantId, DeliveryOptions.QueueName, WorkState.Queued, ct).ConfigureAwait(false);
        var ids = queued.Where(DeliveryProcessor.IsWaiting)
            .Where(w => string.Equals(DeliveryPayload.TryParse(w.PayloadJson)?.MemberAadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))
            .Select(w => w.Id).ToList();
        if (ids.Count == 0) return 0;
        var n = await reach.WakeAsync(tenantId, ids, ct).ConfigureAwait(false);
        logger.LogInformation("{AadObjectId} can be reached now in {TenantId}: {Count} waiting deliveries made due", aadObjectId, tenantId, n);
        return n;
    }

    /// <summary>Per plan: assignment cards given, delivered and waiting, and the members with any waiting delivery. One read.</summary>
    public async Task<IReadOnlyDictionary<string, DeliveryTally>> TallyAsync(string tenantId, IReadOnlyCollection<string> planIds,
        CancellationToken ct)
    {
        var all = await Queue.ListAsync(tenantId, DeliveryOptions.QueueName, null, ct).ConfigureAwait(false);
        var result = new Dictionary<string, DeliveryTally>(StringComparer.Ordinal);
        foreach (var planId in planIds)
        {
            var prefix = DeliveryKeys.PlanPrefix(planId);
            var mine = all.Where(w => w.IdempotencyKey.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var cards = mine.Where(w => w.Kind == DeliveryKinds.Assignment).ToList();
            if (cards.Count == 0) continue;
            var reached = cards.Count(w => w.State == WorkState.Done && DeliveryResult.TryParse(w.ResultJson) is { Skipped: null });
            var waiting = cards.Count(DeliveryProcessor.IsWaiting);
            var members = mine.Where(DeliveryProcessor.IsWaiting).Select(w => DeliveryPayload.TryParse(w.PayloadJson)?.MemberAadObjectId)
                .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count();
            result[planId] = new DeliveryTally(cards.Count, reached, waiting, members);
        }
        return result;
    }
}
