namespace TeamsPlans.Bot.Features.Status;

/// <summary>
/// "hạn sắp tới" (next deadline of every open assignment of the published plans: a principal sees all, a member their
/// own) and "ai chưa xác nhận" (only who has not acknowledged, per published plan, with "Nhắc nhở").
/// </summary>
internal sealed class StatusLists(IStateStore store)
{
    /// <summary>Rows shown by "hạn sắp tới" at most (the card may show fewer when it must shrink).</summary>
    internal const int DeadlineRows = 20;

    // Three queries and one for the members, whatever the number of plans (issue 17): no plan document is read.
    public async Task<AdaptiveCard> DeadlinesAsync(string tenantId, Member? member, bool all, CardView view, CancellationToken ct)
    {
        if (!all && member is null) return StatusListCards.Deadlines([], 0, new Dictionary<string, Member>(), all, view);
        var page = await DeadlineReadModels.Of(store).NextDeadlinesAsync(tenantId, all ? null : member!.AadObjectId, view.Today, DeadlineRows, ct)
            .ConfigureAwait(false);
        var rows = new List<DeadlineRow>();
        foreach (var e in page.Entries)
            if (DueFormat.Next(e.Assignment.Deadlines, e.PlanYear, view.Today) is { } next)
                rows.Add(new DeadlineRow(e.PlanNumber, e.Assignment, next.Deadline, next.Day));
        var members = await MembersAsync(tenantId, rows.Select(r => r.Assignment), ct).ConfigureAwait(false);
        return StatusListCards.Deadlines(rows, page.Total, members, all, view);
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
        var byPlan = await StatusReadModels.Of(store).AssignmentsByPlanAsync(tenantId, [.. published.Select(p => p.PlanId)], ct)
            .ConfigureAwait(false);
        return [.. published.Select(p => (p, byPlan.TryGetValue(p.PlanId, out var list) ? list : (IReadOnlyList<AssignmentRecord>)[]))];
    }

    private Task<Dictionary<string, Member>> MembersAsync(string tenantId, IEnumerable<AssignmentRecord> assignments, CancellationToken ct) =>
        AssigneeMembers.ByIdAsync(StatusReadModels.Of(store), tenantId, assignments, ct);
}
