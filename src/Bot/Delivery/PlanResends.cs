using TeamsPlans.Bot.Conversation;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Resending the failed deliveries of several plans with a fixed number of reads: one grouped tally of the plans' key
/// ranges (<see cref="IQueueTallyStore.TallyAsync"/>: counts per plan and state, no item listed), one requeue per plan that
/// has failed deliveries, the tally once more when anything was requeued, then each plan's summary.
/// </summary>
internal static class PlanResends
{
    public static async Task<IReadOnlyDictionary<string, ResendResult>> ResendAsync(IStateStore store, string tenantId, IReadOnlyList<string> planIds,
        bool english, ILogger logger, CancellationToken ct)
    {
        var plans = planIds.Distinct(StringComparer.Ordinal).ToDictionary(DeliveryKeys.PlanPrefix, id => id, StringComparer.Ordinal);
        var counts = await CountAsync(store, tenantId, plans, ct).ConfigureAwait(false);
        var resent = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (prefix, planId) in plans)
        {
            if (counts[planId].GetValueOrDefault(DeliveryStates.Failed) == 0) continue;
            var n = await store.Queue.RequeueFailedAsync(tenantId, DeliveryOptions.QueueName, prefix, ct).ConfigureAwait(false);
            resent[planId] = n;
            logger.LogInformation("Resend of plan {PlanId} in {TenantId}: {Count} failed deliveries queued again", planId, tenantId, n);
        }
        if (resent.Count > 0) counts = await CountAsync(store, tenantId, plans, ct).ConfigureAwait(false);
        return counts.ToDictionary(kv => kv.Key, kv =>
        {
            var report = new DeliveryReport(tenantId, kv.Key, kv.Value, []);
            return new ResendResult(resent.GetValueOrDefault(kv.Key), report.Count(DeliveryStates.Blocked),
                DeliveryService.Summarize(report, english));
        }, StringComparer.Ordinal);
    }

    /// <summary>Per plan id: its deliveries counted per state as <see cref="DeliveryService.GetStatusAsync"/> shows them.</summary>
    private static async Task<Dictionary<string, Dictionary<string, int>>> CountAsync(IStateStore store, string tenantId,
        Dictionary<string, string> plans, CancellationToken ct)
    {
        var counts = plans.Values.ToDictionary(id => id, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        // Waiting for an install counts as queued here (the resend summary never told them apart).
        foreach (var r in await DeliveryTallies.RowsAsync(store, tenantId, plans.Keys, ct).ConfigureAwait(false))
        {
            if (!plans.TryGetValue(r.KeyPrefix, out var planId)) continue;
            var state = DeliveryTallies.StateOf(r.State, r.Skipped, waiting: false);
            counts[planId][state] = counts[planId].GetValueOrDefault(state) + r.Count;
        }
        return counts;
    }
}
