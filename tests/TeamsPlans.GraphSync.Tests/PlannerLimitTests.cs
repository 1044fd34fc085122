using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Tests;

/// <summary>
/// Planner's documented limits (learn.microsoft.com/office365/planner/planner-limits) as the fake enforces them, with
/// the documented 403 codes, and the mapping of imported plans to Planner plans (docs/fidelity.md).
/// </summary>
public sealed class PlannerLimitTests : IAsyncLifetime
{
    GraphHarness _h = null!;
    const string Tenant = GraphHarness.Tenant;
    PlanDocument _plan = null!;
    IReadOnlyList<AssignmentRecord> _records = null!;

    public async Task InitializeAsync()
    {
        _h = await GraphHarness.StartAsync();
        _h.Server.AddUser("Trần Thị Lan", "Chánh Văn phòng", "Văn phòng Sở");
        _plan = await Seed002.ReadAsync();
        _records = PlanTaskBuilder.RecordsFor(Tenant, "plan-002", _plan, _h.Clock.GetUtcNow());
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_group_holding_200_plans_sends_new_boards_to_the_overflow_group_and_without_one_refuses_clearly()
    {
        _h.Server.AddPlans(_h.GroupId, 200); // the documented maximum of plans owned by a group
        _h.Options.OverflowGroupIds = ["group-2025-2026"];

        var report = await _h.Sync.SyncPlanAsync(Tenant, "plan-002", _plan, _records, null);

        Assert.Empty(report.Failures);
        var board = Assert.Single(_h.Server.PlanGroup, kv => kv.Value == "group-2025-2026");
        Assert.Equal(5, _h.Server.TasksOfPlan(board.Key).Count);
        Assert.Equal(403, _h.Server.Operations().First(r => r.Method == "POST" && r.Path == "/planner/plans").Status);

        // A second imported plan goes straight to the overflow group (the full one is remembered): one POST.
        _h.Server.ClearLog();
        var records2 = PlanTaskBuilder.RecordsFor(Tenant, "plan-003", _plan, _h.Clock.GetUtcNow());
        await _h.Sync.SyncPlanAsync(Tenant, "plan-003", _plan with { Number = "003/KH" }, records2, null);
        var planPosts = _h.Server.Operations().Where(r => r.Method == "POST" && r.Path == "/planner/plans").ToList();
        Assert.Equal([201], planPosts.Select(p => p.Status));
        Assert.Equal(2, _h.Server.PlanGroup.Count(kv => kv.Value == "group-2025-2026"));

        // Every group full: a bilingual refusal, the outbox items are failed (visible to the admin), not retried forever.
        _h.Server.AddPlans("group-2025-2026", 198);
        _h.Clock.Advance(TimeSpan.FromDays(2)); // the "full" marks expire: both groups are asked again
        var records4 = PlanTaskBuilder.RecordsFor(Tenant, "plan-004", _plan, _h.Clock.GetUtcNow());
        var refused = await _h.Sync.SyncPlanAsync(Tenant, "plan-004", _plan with { Number = "004/KH" }, records4, null);
        var failure = Assert.Single(refused.Failures);
        Assert.Contains("tối đa 200 bảng Planner", failure);
        Assert.Contains("200 Planner plans allowed", failure);
        Assert.Equal(5, (await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.Failed)).Count);
        Assert.Empty(await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.Queued));
    }

    [Fact]
    public async Task Planner_refusing_more_active_tasks_is_a_limit_error_not_an_endless_retry()
    {
        _h.Server.ActiveTasksPerPlanLimit = 3; // the fake's 2,400 made small; the answer is Planner's 403 MaximumActiveTasksInProject

        var report = await _h.Sync.SyncPlanAsync(Tenant, "plan-002", _plan, _records, null);

        var failure = Assert.Single(report.Failures);
        Assert.Contains("chưa hoàn thành", failure);
        Assert.Contains("not completed", failure);
        Assert.Contains(_h.Server.Operations(), r => r.Status == 403 && r.Path == "/planner/tasks");
        Assert.Empty(await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.Queued));
        Assert.Equal(5, (await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.Failed)).Count);
    }

    [Fact]
    public async Task More_than_2400_active_tasks_are_refused_before_any_request()
    {
        Assert.Equal(2400, PlannerLimits.MaxActiveTasksPerPlan);
        var tasks = Enumerable.Range(0, PlannerLimits.MaxActiveTasksPerPlan + 1)
            .Select(i => new BoardTask($"k{i}", $"[T{i}] x", PlanTaskBuilder.UndatedBucket, null, [], [], null, null, null, "")).ToList();
        var board = new BoardRef(Tenant, "p-big", "board-x");
        var ex = await Assert.ThrowsAsync<PlannerLimitException>(() => _h.Board.UpsertTasksAsync(board, tasks));
        Assert.Equal("planner.activeTasks", ex.Code);
        Assert.Empty(_h.Server.Requests);
    }
}
