using TeamsPlans.Bot.Conversation;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Resending the failed deliveries of several plans with a fixed number of reads: the tenant's queue states once (keys and
/// states, no payloads), one requeue per plan that has failed deliveries, the states once more, then each plan's summary.
/// </summary>
internal static class PlanResends
{
    public static async Task<IReadOnlyDictionary<string, ResendResult>> ResendAsync(IStateStore store, string tenantId, IReadOnlyList<string> planIds,
        bool english, ILogger logger, CancellationToken ct)
    {
        var reads = StatusReadModels.Of(store);
        var plans = planIds.Distinct(StringComparer.Ordinal).ToDictionary(DeliveryKeys.PlanPrefix, id => id, StringComparer.Ordinal);
        var states = await reads.QueueStatesAsync(tenantId, DeliveryOptions.QueueName, ct).ConfigureAwait(false);
        var withFailures = states.Where(s => s.State == WorkState.Failed).Select(s => PrefixOf(s.IdempotencyKey))
            .Where(p => p is not null && plans.ContainsKey(p)).Distinct(StringComparer.Ordinal).ToList();
        var resent = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var prefix in withFailures)
        {
            var n = await store.Queue.RequeueFailedAsync(tenantId, DeliveryOptions.QueueName, prefix, ct).ConfigureAwait(false);
            resent[plans[prefix!]] = n;
            logger.LogInformation("Resend of plan {PlanId} in {TenantId}: {Count} failed deliveries queued again", plans[prefix!], tenantId, n);
        }
        if (resent.Count > 0) states = await reads.QueueStatesAsync(tenantId, DeliveryOptions.QueueName, ct).ConfigureAwait(false);

        var counts = plans.Values.ToDictionary(id => id, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var s in states)
        {
            if (PrefixOf(s.IdempotencyKey) is not { } prefix || !plans.TryGetValue(prefix, out var planId)) continue;
            var state = StateOf(s);
            counts[planId][state] = counts[planId].GetValueOrDefault(state) + 1;
        }
        return counts.ToDictionary(kv => kv.Key, kv =>
        {
            var report = new DeliveryReport(tenantId, kv.Key, kv.Value, []);
            return new ResendResult(resent.GetValueOrDefault(kv.Key), report.Count(DeliveryStates.Blocked),
                DeliveryService.Summarize(report, english));
        }, StringComparer.Ordinal);
    }

    /// <summary>The plan part of a delivery key ("p:{plan}|", see <see cref="DeliveryKeys.PlanPrefix"/>), or null (digests).</summary>
    private static string? PrefixOf(string key) =>
        key.StartsWith("p:", StringComparison.Ordinal) && key.IndexOf('|', StringComparison.Ordinal) is var bar and > 0 ? key[..(bar + 1)] : null;

    /// <summary>The state as <see cref="DeliveryService.GetStatusAsync"/> shows it.</summary>
    private static string StateOf(QueueItemState s) => s.State switch
    {
        WorkState.Queued => DeliveryStates.Queued,
        WorkState.InFlight => DeliveryStates.Sending,
        WorkState.Done => s.Skipped ? DeliveryStates.Skipped : DeliveryStates.Sent,
        WorkState.Failed => DeliveryStates.Failed,
        _ => DeliveryStates.Blocked,
    };
}
