namespace TeamsPlans.Bot.Features.Status;

/// <summary>
/// "hạn sắp tới" (next deadline of every open assignment of the published plans: a principal sees all, a member their
/// own) and "ai chưa xác nhận" (only who has not acknowledged, per published plan, with "Nhắc nhở").
/// </summary>
internal sealed class StatusLists(IStateStore store)
{
    public async Task<AdaptiveCard> DeadlinesAsync(string tenantId, Member? member, bool all, CardView view, CancellationToken ct)
    {
        var rows = new List<DeadlineRow>();
        foreach (var (plan, assignments) in await PublishedAsync(tenantId, ct).ConfigureAwait(false))
            foreach (var a in assignments.Where(a => a.State.Status != AssignmentStatus.Done && (all || (member is not null && a.MemberAadObjectId == member.AadObjectId))))
                if (DueFormat.Next(a.Deadlines, plan.Document.Year, view.Today) is { } next)
                    rows.Add(new DeadlineRow(plan, a, next.Deadline, next.Day));
        var members = await MembersAsync(tenantId, rows.Select(r => r.Assignment), ct).ConfigureAwait(false);
        return StatusListCards.Deadlines(rows.OrderBy(r => r.Day).ThenBy(r => r.Plan.PlanId, StringComparer.Ordinal).ThenBy(r => r.Assignment.Ordinal).ToList(),
            members, all, view);
    }

    public async Task<AdaptiveCard> NotAcknowledgedAsync(string tenantId, CardView view, CancellationToken ct)
    {
        var plans = await PublishedAsync(tenantId, ct).ConfigureAwait(false);
        var members = await MembersAsync(tenantId, plans.SelectMany(p => p.Assignments), ct).ConfigureAwait(false);
        return StatusListCards.NotAcknowledged(plans.Select(p => (p.Plan, (IReadOnlyList<AssignmentRecord>)p.Assignments
            .Where(a => a.State.Status == AssignmentStatus.Assigned).ToList())).ToList(), members, view);
    }

    // A fixed number of queries whatever the number of plans (issue 17): the plans, then their assignments in one read.
    private async Task<List<(StoredPlan Plan, IReadOnlyList<AssignmentRecord> Assignments)>> PublishedAsync(string tenantId, CancellationToken ct)
    {
        var published = (await store.Plans.ListAsync(tenantId, ct).ConfigureAwait(false))
            .Where(p => p.Status == PlanStatus.Published).OrderByDescending(p => p.UpdatedAt).ToList();
        if (published.Count == 0) return [];
        var byPlan = await StatusReadModels.Of(store).AssignmentsByPlanAsync(tenantId, [.. published.Select(p => p.PlanId)], ct).ConfigureAwait(false);
        return [.. published.Select(p => (p, byPlan.TryGetValue(p.PlanId, out var list) ? list : (IReadOnlyList<AssignmentRecord>)[]))];
    }

    private Task<Dictionary<string, Member>> MembersAsync(string tenantId, IEnumerable<AssignmentRecord> assignments, CancellationToken ct) =>
        AssigneeMembers.ByIdAsync(StatusReadModels.Of(store), tenantId, assignments, ct);
}
