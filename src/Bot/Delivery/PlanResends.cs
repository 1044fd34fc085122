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
        foreach (var (prefix, state, n) in await RowsAsync(store, tenantId, plans.Keys, ct).ConfigureAwait(false))
        {
            if (!plans.TryGetValue(prefix, out var planId)) continue;
            counts[planId][state] = counts[planId].GetValueOrDefault(state) + n;
        }
        return counts;
    }

    private static async Task<IEnumerable<(string Prefix, string State, int Count)>> RowsAsync(IStateStore store, string tenantId,
        IReadOnlyCollection<string> prefixes, CancellationToken ct)
    {
        if (QueueTallyStores.For(store) is { } tally)
        {
            var rows = await tally.TallyAsync(tenantId, DeliveryOptions.QueueName, prefixes, DeliveryProcessor.WaitingMarker, ct)
                .ConfigureAwait(false);
            return rows.Select(r => (r.KeyPrefix, StateOf(r.State, r.Skipped), r.Count));
        }
        // A store without aggregate reads (a decorator, a test double): the tenant's queue states, one row per item.
        var states = await StatusReadModels.Of(store).QueueStatesAsync(tenantId, DeliveryOptions.QueueName, ct).ConfigureAwait(false);
        return states.Select(s => (PrefixOf(s.IdempotencyKey), s)).Where(p => p.Item1 is not null)
            .Select(p => (p.Item1!, StateOf(p.s.State, p.s.Skipped), 1));
    }

    /// <summary>The plan part of a delivery key ("p:{plan}|", see <see cref="DeliveryKeys.PlanPrefix"/>), or null (digests).</summary>
    private static string? PrefixOf(string key) =>
        key.StartsWith("p:", StringComparison.Ordinal) && key.IndexOf('|', StringComparison.Ordinal) is var bar and > 0 ? key[..(bar + 1)] : null;

    /// <summary>The state as <see cref="DeliveryService.GetStatusAsync"/> shows it.</summary>
    private static string StateOf(WorkState state, bool skipped) => state switch
    {
        WorkState.Queued => DeliveryStates.Queued,
        WorkState.InFlight => DeliveryStates.Sending,
        WorkState.Done => skipped ? DeliveryStates.Skipped : DeliveryStates.Sent,
        WorkState.Failed => DeliveryStates.Failed,
        _ => DeliveryStates.Blocked,
    };
}
