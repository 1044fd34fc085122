using TeamsPlans.Bot.Features.Common;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>
/// The status card of one plan (by number or id) or of every plan not archived (published first): counts, reports handed
/// in and, with a delivery queue, the cards that failed. <paramref name="deliveries"/> is absent when cards are sent directly.
/// </summary>
internal sealed class StatusBoard(IStateStore store, PlanLookup plans, Review.OfficialStates states, IPlanDeliveries? deliveries = null,
    IWaitingDeliveries? waiting = null)
{
    /// <param name="skip">Plans before this page ("Trang sau"); 0 = the first page.</param>
    public async Task<AdaptiveCard> CardAsync(string tenantId, string? number, CardView view, CancellationToken ct, int skip = 0)
    {
        // A fixed number of queries whatever the number of plans, assignments and reports (IStatusReadModel).
        var reads = StatusReadModels.Of(store);
        IReadOnlyList<StoredPlan> list;
        int total;
        if (number is not null)
        {
            if (await plans.FindAsync(tenantId, number, ct).ConfigureAwait(false) is not { } plan) return PlanLookup.NotFound(number, view);
            list = [plan];
            total = 1;
        }
        else
        {
            // Only the plans the card shows (not archived, published first, latest update first), and how many there are.
            (list, total) = await reads.PlansPageAsync(tenantId, skip + StatusCards.MaxPlans, ct).ConfigureAwait(false);
            list = [.. list.Skip(skip)];
        }
        var ids = list.Select(p => p.PlanId).ToList();
        var byPlan = await reads.AssignmentsByPlanAsync(tenantId, ids, ct).ConfigureAwait(false);
        var rows = list.Select(p => (p, byPlan[p.PlanId])).ToList();
        var members = await AssigneeMembers.ByIdAsync(reads, tenantId, rows.SelectMany(r => r.Item2), ct).ConfigureAwait(false);
        var counted = await reads.ReportsHandedInAsync(tenantId, ids, ct).ConfigureAwait(false);
        var handedIn = ids.ToDictionary(id => id, id => counted.GetValueOrDefault(id), StringComparer.Ordinal);
        var published = list.Where(p => p.Status == PlanStatus.Published).Select(p => p.PlanId).ToList();
        var problems = deliveries is not null && published.Count > 0
            ? await deliveries.ProblemsAsync(tenantId, published, ct).ConfigureAwait(false)
            : null;
        var tallies = waiting is not null && published.Count > 0 ? await waiting.TallyAsync(tenantId, published, ct).ConfigureAwait(false) : null;
        var card = StatusCards.Status(rows, members, view, canRemind: true, handedIn, problems, total, tallies, number is null ? skip : 0);
        await states.AppendToStatusAsync(card, rows, view, ct).ConfigureAwait(false);
        return card;
    }
}
