using System.Text;
using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Reading;

namespace TeamsPlans.GraphSync.Tests;

/// <summary>
/// Issue 18: Planner's side of the one assignee rule, through the real Graph SDK against the fake Graph server. The same
/// document and directory as Bot.Tests/People/AssigneeRuleTests (which imports it through /api/messages): seed 001 with
/// "- Hiệu trưởng:" (one holder: Hưng) and "- Tổ trưởng chuyên môn:" (two holders: Thành and Lan), and Cúc by name.
/// Planner assigns Hưng and Cúc and leaves the second task unassigned (ambiguous), as Teams leaves it to the picker.
/// </summary>
public sealed class AssigneeRuleTests : IAsyncLifetime
{
    GraphHarness _h = null!;
    string _hung = "", _cuc = "", _thanh = "", _lan = "";

    public async Task InitializeAsync()
    {
        _h = await GraphHarness.StartAsync();
        _hung = _h.Server.AddUser("Ngô Tấn Hưng", "Hiệu trưởng", "Ban Giám hiệu");
        _cuc = _h.Server.AddUser("Hồ Thị Thu Cúc", "Phó hiệu trưởng", "Ban Giám hiệu");
        _thanh = _h.Server.AddUser("Nguyễn Tất Thành", "Tổ trưởng chuyên môn", "Tổ Toán");
        _lan = _h.Server.AddUser("Trần Thị Lan", "Tổ trưởng chuyên môn", "Tổ Ngữ văn");
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_sole_title_holder_is_assigned_several_holders_are_left_unassigned_and_named_people_resolve()
    {
        var seed = Directory.GetFiles(Path.GetDirectoryName(Seed002.Path)!, "001_*.txt").Single();
        var text = (await File.ReadAllTextAsync(seed, Encoding.UTF8))
            .Replace("- Thầy Ngô Tấn Hưng - Hiệu trưởng:", "- Hiệu trưởng:", StringComparison.Ordinal)
            .Replace("- Thầy Nguyễn Tất Thành - Phó hiệu trưởng:", "- Tổ trưởng chuyên môn:", StringComparison.Ordinal);
        var plan = await new PlanReader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "vai-tro.txt");
        Assert.Equal(3, plan.Assignments.Count);

        var r = new List<AssigneeResolution>();
        foreach (var a in plan.Assignments) r.Add(await _h.Directory.ResolveAsync(GraphHarness.Tenant, a.Assignee));
        Assert.Equal(_hung, Assert.Single(r[0].Users).Id);
        Assert.Equal(ResolutionStatus.Ambiguous, r[1].Status);
        Assert.Empty(r[1].Users);
        Assert.Equal(new[] { _thanh, _lan }.Order(), r[1].Candidates.Select(c => c.Id).Order());
        Assert.Contains("khớp với 2 người", r[1].MessageVi);
        Assert.Equal(_cuc, Assert.Single(r[2].Users).Id);

        // Synced to Planner: the ambiguous duty is reported and its task created without assignees.
        var records = PlanTaskBuilder.RecordsFor(GraphHarness.Tenant, "vai-tro", plan, _h.Clock.GetUtcNow());
        var report = await _h.Sync.SyncPlanAsync(GraphHarness.Tenant, "vai-tro", plan, records, null);
        Assert.Empty(report.Failures);
        Assert.Equal(ResolutionStatus.Ambiguous, Assert.Single(report.Unresolved).Status);
        var assigned = _h.Server.TasksOfPlan(_h.Server.Plans.Keys.Single())
            .SelectMany(t => ((System.Text.Json.Nodes.JsonObject?)t["assignments"])?.Select(kv => kv.Key) ?? []).Distinct().Order();
        Assert.Equal(new[] { _hung, _cuc }.Order(), assigned);
    }
}
