namespace TeamsPlans.Bot.Features.Assignments;

/// <summary>"việc của tôi" / "my tasks": the member's assignments of published plans, with the last report handed in.</summary>
internal sealed class MyTasksCommand(IStateStore store, Review.OfficialStates states)
{
    public Task<AdaptiveCard> HandleAsync(TurnState state, TextCommand command, CancellationToken ct) =>
        CardAsync(state.TenantId, state.Member, state.View, ct);

    public async Task<AdaptiveCard> CardAsync(string tenantId, Member? member, CardView view, CancellationToken ct)
    {
        if (member is null) return AssignmentCards.MyTasks([], view);
        // Three queries whatever the number of tasks (the member's assignments, their plans, the latest report of each),
        // and the history of each plan.
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
        // The four official states (issue 15): one history query per plan of the member's tasks.
        var official = new Dictionary<string, TeamsPlans.Plans.Scheduling.OfficialState>(StringComparer.Ordinal);
        foreach (var g in tasks.Where(t => t.Item1 is not null).GroupBy(t => t.Item1!.PlanId, StringComparer.Ordinal))
            foreach (var kv in await states.StatesAsync(g.First().Item1!, [.. g.Select(t => t.Item2)], view.Today, ct).ConfigureAwait(false))
                official[kv.Key] = kv.Value;
        return AssignmentCards.MyTasks(tasks, view, lastReports, official);
    }
}
