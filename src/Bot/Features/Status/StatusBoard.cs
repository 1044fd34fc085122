using TeamsPlans.Bot.Features.Common;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>
/// The status card of one plan (by number or id) or of every plan not archived (published first): counts, reports handed
/// in and, with a delivery queue, the cards that failed. <paramref name="deliveries"/> is absent when cards are sent directly.
/// </summary>
internal sealed class StatusBoard(IStateStore store, PlanLookup plans, Review.OfficialStates states, IPlanDeliveries? deliveries = null)
{
    public async Task<AdaptiveCard> CardAsync(string tenantId, string? number, CardView view, CancellationToken ct)
    {
        IReadOnlyList<StoredPlan> list;
        if (number is not null)
        {
            if (await plans.FindAsync(tenantId, number, ct).ConfigureAwait(false) is not { } plan) return PlanLookup.NotFound(number, view);
            list = [plan];
        }
        else
        {
            list = (await store.Plans.ListAsync(tenantId, ct).ConfigureAwait(false))
                .Where(p => p.Status != PlanStatus.Archived)
                .OrderBy(p => p.Status == PlanStatus.Published ? 0 : 1).ThenByDescending(p => p.UpdatedAt).ToList();
        }
        var rows = new List<(StoredPlan, IReadOnlyList<AssignmentRecord>)>();
        foreach (var p in list) rows.Add((p, await store.Assignments.ListByPlanAsync(tenantId, p.PlanId, ct).ConfigureAwait(false)));
        var members = (await store.Members.ListAsync(tenantId, ct).ConfigureAwait(false)).ToDictionary(m => m.AadObjectId);
        var handedIn = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (p, assignments) in rows)
        {
            var n = 0;
            foreach (var a in assignments)
                n += (await store.Reports.ListByAssignmentAsync(tenantId, a.AssignmentId, ct).ConfigureAwait(false)).Select(r => r.Period).Distinct(StringComparer.Ordinal).Count();
            handedIn[p.PlanId] = n;
        }
        var published = rows.Where(r => r.Item1.Status == PlanStatus.Published).Select(r => r.Item1.PlanId).ToList();
        var problems = deliveries is not null && published.Count > 0
            ? await deliveries.ProblemsAsync(tenantId, published, ct).ConfigureAwait(false)
            : null;
        var card = StatusCards.Status(rows, members, view, canRemind: true, handedIn, problems);
        await states.AppendToStatusAsync(card, rows, view, ct).ConfigureAwait(false);
        return card;
    }
}
