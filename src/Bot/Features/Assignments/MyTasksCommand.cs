namespace TeamsPlans.Bot.Features.Assignments;

/// <summary>"việc của tôi" / "my tasks": the member's assignments of published plans, with the last report handed in.</summary>
internal sealed class MyTasksCommand(IStateStore store)
{
    public Task<AdaptiveCard> HandleAsync(TurnState state, TextCommand command, CancellationToken ct) =>
        CardAsync(state.TenantId, state.Member, state.View, ct);

    public async Task<AdaptiveCard> CardAsync(string tenantId, Member? member, CardView view, CancellationToken ct)
    {
        if (member is null) return AssignmentCards.MyTasks([], view);
        // Three queries whatever the number of tasks: the member's assignments, their plans, the latest report of each.
        var reads = StatusReadModels.Of(store);
        var mine = await store.Assignments.ListByMemberAsync(tenantId, member.AadObjectId, ct).ConfigureAwait(false);
        var plans = await reads.PlansAsync(tenantId, [.. mine.Select(a => a.PlanId).Distinct(StringComparer.Ordinal)], ct).ConfigureAwait(false);
        var tasks = new List<(StoredPlan?, AssignmentRecord)>();
        foreach (var a in mine)
        {
            var p = plans.GetValueOrDefault(a.PlanId);
            // Drafts are not given out yet: members see published plans only.
            if (p is null || p.Status == PlanStatus.Published) tasks.Add((p, a));
        }
        var lastReports = await reads.LastReportsOfMemberAsync(tenantId, member.AadObjectId, ct).ConfigureAwait(false);
        return AssignmentCards.MyTasks(tasks, view, lastReports);
    }
}
