namespace TeamsPlans.Bot.Features.Assignments;

/// <summary>"việc của tôi" / "my tasks": the member's assignments of published plans, with the last report handed in.</summary>
internal sealed class MyTasksCommand(IStateStore store)
{
    public Task<AdaptiveCard> HandleAsync(TurnState state, TextCommand command, CancellationToken ct) =>
        CardAsync(state.TenantId, state.Member, state.View, ct);

    public async Task<AdaptiveCard> CardAsync(string tenantId, Member? member, CardView view, CancellationToken ct)
    {
        if (member is null) return AssignmentCards.MyTasks([], view);
        var mine = await store.Assignments.ListByMemberAsync(tenantId, member.AadObjectId, ct).ConfigureAwait(false);
        var plans = new Dictionary<string, StoredPlan?>();
        var tasks = new List<(StoredPlan?, AssignmentRecord)>();
        foreach (var a in mine)
        {
            if (!plans.TryGetValue(a.PlanId, out var p)) plans[a.PlanId] = p = await store.Plans.GetAsync(tenantId, a.PlanId, ct).ConfigureAwait(false);
            // Drafts are not given out yet: members see published plans only.
            if (p is null || p.Status == PlanStatus.Published) tasks.Add((p, a));
        }
        var lastReports = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (_, a) in tasks)
            if ((await store.Reports.ListByAssignmentAsync(tenantId, a.AssignmentId, ct).ConfigureAwait(false)).MaxBy(r => r.SubmittedAt) is { } last)
                lastReports[a.AssignmentId] = last.SubmittedAt;
        return AssignmentCards.MyTasks(tasks, view, lastReports);
    }
}
