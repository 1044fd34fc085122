using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage.Tests;

/// <summary>The status read model (IStatusReadModel) on every provider: what each card reads, in one query per call.</summary>
public abstract partial class StoreContractTests<TProvider>
{
    private IStatusReadModel Reads => StatusReadModels.Of(Store);

    private async Task<string> SeedStatusAsync()
    {
        var t = TestData.Tenant("status");
        // p-old published long ago, p-new published later, p-draft, p-arch archived (never on the status page).
        await Store.Plans.UpsertAsync(TestData.Plan(t, "p-old", "1/KH-THPT", "Cũ"));
        await Store.Plans.UpsertAsync(TestData.Plan(t, "p-new", "2/KH-THPT", "Mới") with { UpdatedAt = TestData.Start.AddDays(2) });
        await Store.Plans.UpsertAsync(TestData.Plan(t, "p-draft", "3/KH-THPT", "Nháp") with { Status = PlanStatus.Draft, UpdatedAt = TestData.Start.AddDays(5) });
        await Store.Plans.UpsertAsync(TestData.Plan(t, "p-arch", "4/KH-THPT", "Lưu") with { Status = PlanStatus.Archived, UpdatedAt = TestData.Start.AddDays(9) });
        await Store.Assignments.UpsertManyAsync(
        [
            TestData.Assignment(t, "a2", "p-old", 2, "m1"), TestData.Assignment(t, "a1", "p-old", 1, "m2"),
            TestData.Assignment(t, "a3", "p-new", 1, "m1"), TestData.Assignment(t, "a4", "p-arch", 1, "m3"),
        ]);
        foreach (var m in new[] { "m1", "m2", "m3", "m4" })
            await Store.Members.UpsertAsync(new Member(t, m, "Giáo viên " + m, null, null, null, MemberRoles.Member, "vi-VN"));
        // a1: two reports for one period and one for another (2 handed in); a3: one; a report of another tenant is not counted.
        await Store.Reports.AddAsync(new ReportSubmission(t, "r1", "a1", "2024-05-10", "a.docx", null, "m2", TestData.Start));
        await Store.Reports.AddAsync(new ReportSubmission(t, "r2", "a1", "2024-05-10", "b.docx", null, "m2", TestData.Start.AddHours(3)));
        await Store.Reports.AddAsync(new ReportSubmission(t, "r3", "a1", "2025-05-10", "c.docx", null, "m2", TestData.Start.AddHours(1)));
        await Store.Reports.AddAsync(new ReportSubmission(t, "r4", "a3", "2024-05-10", "d.docx", null, "m1", TestData.Start.AddDays(1)));
        await Store.Reports.AddAsync(new ReportSubmission(TestData.Tenant("other"), "r5", "a3", "2024-05-10", "e.docx", null, "m1", TestData.Start.AddDays(7)));
        return t;
    }

    [Fact]
    public async Task Status_page_lists_published_plans_first_then_the_latest_update_and_counts_the_rest()
    {
        var t = await SeedStatusAsync();
        var page = await Reads.PlansPageAsync(t, 2);
        Assert.Equal(["p-new", "p-old"], page.Plans.Select(p => p.PlanId).ToArray());
        Assert.Equal(3, page.Total); // the archived plan is not counted
        Assert.Equal(["p-new", "p-old", "p-draft"], (await Reads.PlansPageAsync(t, 10)).Plans.Select(p => p.PlanId).ToArray());
        Assert.Equal("Mới", page.Plans[0].Title);
        Assert.Empty((await Reads.PlansPageAsync(TestData.Tenant("empty"), 5)).Plans);
    }

    [Fact]
    public async Task Assignments_members_and_reports_of_several_plans_in_one_call()
    {
        var t = await SeedStatusAsync();
        var byPlan = await Reads.AssignmentsByPlanAsync(t, ["p-old", "p-new", "p-none"]);
        Assert.Equal(["a1", "a2"], byPlan["p-old"].Select(a => a.AssignmentId).ToArray()); // by ordinal
        Assert.Equal(["a3"], byPlan["p-new"].Select(a => a.AssignmentId).ToArray());
        Assert.Empty(byPlan["p-none"]);
        Assert.Equal(["m1", "m2"], (await Reads.MembersAsync(t, ["m2", "m1", "m-none"])).Select(m => m.AadObjectId).Order(StringComparer.Ordinal).ToArray());
        var handedIn = await Reads.ReportsHandedInAsync(t, ["p-old", "p-new", "p-draft"]);
        Assert.Equal(2, handedIn["p-old"]); // a1: periods 2024-05-10 (twice) and 2025-05-10
        Assert.Equal(1, handedIn["p-new"]);
        Assert.False(handedIn.ContainsKey("p-draft"));
        var plans = await Reads.PlansAsync(t, ["p-old", "p-arch", "p-none"]);
        Assert.Equal(["p-arch", "p-old"], plans.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Latest_report_of_each_task_of_a_member()
    {
        var t = await SeedStatusAsync();
        var m2 = await Reads.LastReportsOfMemberAsync(t, "m2");
        Assert.Equal(TestData.Start.AddHours(3), Assert.Single(m2, kv => kv.Key == "a1").Value);
        Assert.Single(m2);
        var m1 = await Reads.LastReportsOfMemberAsync(t, "m1");
        Assert.Equal(TestData.Start.AddDays(1), m1["a3"]); // not the other tenant's later report
        Assert.False(m1.ContainsKey("a2"));
        Assert.Empty(await Reads.LastReportsOfMemberAsync(t, "m4"));
    }

    [Fact]
    public async Task Reports_of_units_plans_and_plans_by_unit_in_one_call_each()
    {
        var u1 = TestData.Tenant("u1");
        var u2 = TestData.Tenant("u2");
        foreach (var u in new[] { u1, u2 })
        {
            await Store.Plans.UpsertAsync(TestData.Plan(u, "impl", "5/KH-THPT", "Thực hiện", "678/KH-SGDĐT"));
            await Store.Plans.UpsertAsync(TestData.Plan(u, "other", "6/KH-THPT", "Khác"));
            await Store.Assignments.UpsertManyAsync([TestData.Assignment(u, "x1", "impl", 1), TestData.Assignment(u, "x2", "other", 1)]);
            await Store.Reports.AddAsync(new ReportSubmission(u, "late", "x1", "2024-05-10", "a.docx", null, "h", TestData.Start.AddDays(3)));
            await Store.Reports.AddAsync(new ReportSubmission(u, "early", "x1", "2024-05-10", "b.docx", null, "h", TestData.Start));
            await Store.Reports.AddAsync(new ReportSubmission(u, "not-impl", "x2", "2024-05-10", "c.docx", null, "h", TestData.Start));
        }
        // u2's "impl" is not asked for: only (u1, impl) counts although u2 has a plan with the same id.
        var reports = await Reads.ReportsOfPlansAsync([(u1, "impl")]);
        Assert.Equal(["early", "late"], reports.Select(r => r.Report.ReportId).ToArray());
        Assert.All(reports, r => Assert.Equal((u1, "impl"), (r.Report.TenantId, r.PlanId)));
        Assert.Equal(4, (await Reads.ReportsOfPlansAsync([(u1, "impl"), (u2, "impl")])).Count);
        Assert.Empty(await Reads.ReportsOfPlansAsync([]));

        var plans = await Reads.PlansAsync([(u1, "impl"), (u2, "other"), (u2, "missing")]);
        Assert.Equal([(u1, "impl"), (u2, "other")], plans.Keys.OrderBy(k => k.TenantId == u1 ? 0 : 1).ToArray());
        Assert.Equal("Trường THPT Trung Lập", plans[(u1, "impl")].Document.Issuer);
    }

    [Fact]
    public async Task Queue_states_without_payloads_tell_skipped_from_sent()
    {
        var t = TestData.Tenant("queue");
        await Store.Queue.EnqueueAsync(t, "delivery", "assignment", "p:a|1", "{}");
        await Store.Queue.EnqueueAsync(t, "delivery", "assignment", "p:a|2", "{}");
        await Store.Queue.EnqueueAsync(t, "delivery", "assignment", "p:a|3", "{}");
        await Store.Queue.EnqueueAsync(t, "other", "x", "p:a|4", "{}");
        var claimed = await Store.Queue.ClaimAsync("delivery", "w", 10, TimeSpan.FromMinutes(1));
        var mine = claimed.Where(c => c.TenantId == t).OrderBy(c => c.IdempotencyKey, StringComparer.Ordinal).ToList();
        Assert.True(await Store.Queue.CompleteAsync(mine[0].Id, "w", """{"activityId":"1:1"}"""));
        Assert.True(await Store.Queue.CompleteAsync(mine[1].Id, "w", """{"skipped":"done"}"""));
        Assert.True(await Store.Queue.FailAsync(mine[2].Id, "w", WorkState.Failed, "HTTP 500"));
        var states = await Reads.QueueStatesAsync(t, "delivery");
        Assert.Equal(
            [new QueueItemState("p:a|1", WorkState.Done, false), new QueueItemState("p:a|2", WorkState.Done, true), new QueueItemState("p:a|3", WorkState.Failed, false)],
            states.ToArray());
    }
}
