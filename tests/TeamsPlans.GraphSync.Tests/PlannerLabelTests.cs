using System.Text.Json.Nodes;
using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Tests;

/// <summary>
/// Issue 15: each assignment's Planner task carries its official state as a label (categories 1–4, named after the four
/// states on a board TeamsPlans creates), through the real Graph SDK against the fake Graph server. Seed 002 (2024): duty 2
/// reports on 10/05 and 15/10 (its deadline is the latest, Tuesday 15/10/2024); duties 1 and 3 name no date.
/// </summary>
public sealed class PlannerLabelTests : IAsyncLifetime
{
    GraphHarness _h = null!;
    const string Tenant = GraphHarness.Tenant;
    const string PlanId = "plan-002";
    PlanDocument _plan = null!;
    IReadOnlyList<AssignmentRecord> _records = null!;

    public async Task InitializeAsync()
    {
        _h = await GraphHarness.StartAsync();
        _plan = Seed002.Build();
        _records = PlanTaskBuilder.RecordsFor(Tenant, PlanId, _plan, _h.Clock.GetUtcNow());
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    JsonObject Task(string code) => _h.Server.TasksOfPlan(_h.Server.Plans.Keys.Single()).Single(t => ((string)t["title"]!).StartsWith($"[{code}]", StringComparison.Ordinal));

    static string[] Labels(JsonObject task) => [.. ((JsonObject)task["appliedCategories"]!).Where(kv => (bool?)kv.Value == true).Select(kv => kv.Key).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Tasks_are_labelled_open_then_overdue_then_done_late_and_the_schools_own_labels_stay()
    {
        // 01/03/2024: nothing is overdue.
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, null);
        var names = (JsonObject)_h.Server.PlanDetails(_h.Server.Plans.Keys.Single())["categoryDescriptions"]!;
        Assert.Equal("Hoàn thành đúng hạn", (string?)names["category1"]);
        Assert.Equal("Hoàn thành quá hạn", (string?)names["category2"]);
        Assert.Equal("Chưa hoàn thành, còn trong hạn", (string?)names["category3"]);
        Assert.Equal("Chưa hoàn thành, quá hạn", (string?)names["category4"]);
        Assert.Equal(["category3"], Labels(Task("NV01")));
        Assert.Equal(["category3"], Labels(Task("NV02")));
        Assert.Empty(Labels(Task("BC02-1"))); // report tasks carry no state label

        // The school tags the task with a label of its own in Planner.
        var nv2 = (string)Task("NV02")["id"]!;
        _h.Server.EditTask(nv2, t => ((JsonObject)t["appliedCategories"]!)["category7"] = true);

        // Wednesday 16/10/2024: the deadline (15/10) has passed; the next sync labels duty 2 overdue.
        _h.Clock.Advance(new DateTimeOffset(2024, 10, 16, 2, 0, 0, TimeSpan.Zero) - _h.Clock.GetUtcNow());
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, null);
        Assert.Equal(["category4", "category7"], Labels(Task("NV02")));
        Assert.Equal(["category3"], Labels(Task("NV01"))); // no date: never overdue

        // Accepted on 17/10/2024 (the bot marks it done and passes its state): done late, 100 %.
        _h.Clock.Advance(TimeSpan.FromDays(1));
        var done = _records[1] with { State = _records[1].State.Apply(AssignmentAction.Done, _h.Clock.GetUtcNow()) };
        var label = PlannerLabels.CodeOf(new TeamsPlans.Plans.Scheduling.OfficialStateCalculator(new TeamsPlans.Plans.Scheduling.ReminderCalendar())
            .Of(done.State, done.Deadlines, _plan.Year, new DateOnly(2024, 10, 17)));
        Assert.Equal("done-late", label);
        await _h.Sync.OnAssignmentChangedAsync(done, label);
        var after = Task("NV02");
        Assert.Equal(100, (int)after["percentComplete"]!);
        Assert.Equal(["category2", "category7"], Labels(after));

        // A later full sync with the same state writes nothing to the task.
        _h.Server.ClearLog();
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, [_records[0], done, _records[2]], null);
        Assert.DoesNotContain(_h.Server.Operations(), r => r.Method == "PATCH" && r.Path.Contains(nv2, StringComparison.Ordinal));
        Assert.Equal(["category2", "category7"], Labels(Task("NV02")));
    }
}
