namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// A plan's proactive deliveries as a principal sees them (the durable delivery queue): how many failed or reached a
/// member who blocked the bot, and sending the failed ones again on request.
/// </summary>
public interface IPlanDeliveries
{
    /// <summary>Per plan: deliveries that failed, and those to members who blocked the bot (plans without any are left out).</summary>
    Task<IReadOnlyDictionary<string, (int Failed, int Blocked)>> ProblemsAsync(string tenantId, IReadOnlyCollection<string> planIds,
        CancellationToken ct);
    Task<ResendResult> ResendFailedDeliveriesAsync(string tenantId, string planId, bool english, CancellationToken ct);

    /// <summary>The same for several plans at once, by plan id (the queue's implementation reads a fixed number of times).</summary>
    async Task<IReadOnlyDictionary<string, ResendResult>> ResendFailedDeliveriesAsync(string tenantId, IReadOnlyList<string> planIds, bool english,
        CancellationToken ct)
    {
        var results = new Dictionary<string, ResendResult>(StringComparer.Ordinal);
        foreach (var planId in planIds) results[planId] = await ResendFailedDeliveriesAsync(tenantId, planId, english, ct).ConfigureAwait(false);
        return results;
    }
}
