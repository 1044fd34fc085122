using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage.Tests;

/// <summary>
/// The deadline read model (IDeadlineReadModel, table assignment_deadlines of migration 0012) on every provider. Today is
/// 15/05/2024 (a leap year); the expected days are worked out by hand from each deadline (the last day, then every step
/// months on the same day, clamped to the month's length).
/// </summary>
public abstract partial class StoreContractTests<TProvider>
{
    private static readonly DateOnly DeadlineToday = new(2024, 5, 15);

    private static Deadline Once(int y, int m, int d) => new(DueDate.OnDate(new DateOnly(y, m, d)), null, "Hạn", null, null);

    private static AssignmentRecord With(string t, string id, string plan, int ordinal, string member, params Deadline[] deadlines) =>
        TestData.Assignment(t, id, plan, ordinal, member) with { Deadlines = deadlines };

    private async Task<string> SeedDeadlinesAsync()
    {
        var t = TestData.Tenant("deadlines");
        await Store.Plans.UpsertAsync(TestData.Plan(t, "p", "1/KH-THPT", "Năm 2024"));
        var (q, n) = (TestData.Plan(t, "q", "2/KH-THPT", "Năm 2025"), TestData.Plan(t, "n", "3/KH-THPT", "Không năm"));
        await Store.Plans.UpsertAsync(q with { Document = q.Document with { Year = 2025 } });
        await Store.Plans.UpsertAsync(n with { Document = n.Document with { Year = null } });
        await Store.Plans.UpsertAsync(TestData.Plan(t, "r", "4/KH-THPT", "Nháp") with { Status = PlanStatus.Draft });
        await Store.Assignments.UpsertManyAsync(
        [
            With(t, "d1", "p", 1, "m1", Once(2024, 5, 20)),
            With(t, "d2", "p", 2, "m2", Once(2024, 5, 10)),                                   // passed, once: none
            With(t, "d3", "p", 3, "m2", Once(2024, 6, 1), Once(2024, 5, 16)),                 // the nearer of two
            With(t, "d4", "p", 4, "m1", new Deadline(DueDate.Yearly(5, 10), Recurrence.Yearly, "Báo cáo năm", null, null)), // 10/05/2024 passed: 10/05/2025
            With(t, "d5", "p", 5, "m2", new Deadline(DueDate.OnDate(new(2024, 1, 31)), Recurrence.Monthly, "Tháng", null, null)), // 29/02, 31/03, 30/04, 31/05
            With(t, "d6", "p", 6, "m2", new Deadline(DueDate.InQuarter(2024, 1), Recurrence.Quarterly, "Quý", null, null)), // 31/03 passed: 30/06/2024
            With(t, "d7", "q", 1, "m2", new Deadline(DueDate.Yearly(3, 1), null, "Năm sau", null, null)), // plan year 2025: 01/03/2025
            With(t, "d8", "n", 1, "m2", new Deadline(DueDate.Yearly(5, 15), null, "Hôm nay", null, null)), // no plan year: this year, today
            With(t, "d9", "p", 7, "m2", Once(2024, 5, 25)) with { State = AssignmentState.New with { Status = AssignmentStatus.Done, PercentComplete = 100 } },
            With(t, "d10", "r", 1, "m2", Once(2024, 5, 20)),                                  // draft plan
            With(t, "d11", "p", 8, "m2", Once(2024, 5, 15)),                                  // today counts
            With(t, "d12", "p", 9, "m2", new Deadline(DueDate.OnDate(new(2024, 2, 20)), Recurrence.Semiannual, "Sáu tháng", null, null)), // 20/08/2024
            With(t, "d13", "p", 10, "m2", new Deadline(DueDate.SchoolYearOf(2023), null, "Năm học", null, null)), // 31/05/2024
            With(t, "d14", "p", 11, "m2", new Deadline(DueDate.OnDate(new(2024, 1, 10)), Recurrence.Monthly, "Ngày 10", null, null)), // 10/05 passed: 10/06
        ]);
        return t;
    }

    private IDeadlineReadModel Deadlines => DeadlineReadModels.Of(Store);

    [Fact]
    public async Task Next_deadlines_come_in_day_then_plan_then_ordinal_order_and_are_counted()
    {
        var t = await SeedDeadlinesAsync();
        var page = await Deadlines.NextDeadlinesAsync(t, null, DeadlineToday, 20);
        // 15/05 d8 (plan n), d11 (plan p); 16/05 d3; 20/05 d1; 31/05 d5, d13; 10/06 d14; 30/06 d6; 20/08 d12; 01/03/2025 d7; 10/05/2025 d4.
        Assert.Equal(["d8", "d11", "d3", "d1", "d5", "d13", "d14", "d6", "d12", "d7", "d4"], page.Entries.Select(e => e.Assignment.AssignmentId).ToArray());
        Assert.Equal(11, page.Total);
        var d7 = page.Entries.Single(e => e.Assignment.AssignmentId == "d7");
        Assert.Equal(("2/KH-THPT", 2025), (d7.PlanNumber, d7.PlanYear));
        Assert.Null(page.Entries.Single(e => e.Assignment.AssignmentId == "d8").PlanYear);
        Assert.Equal("Xây dựng kế hoạch tổ", d7.Assignment.Duty);

        var first = await Deadlines.NextDeadlinesAsync(t, null, DeadlineToday, 3);
        Assert.Equal(["d8", "d11", "d3"], first.Entries.Select(e => e.Assignment.AssignmentId).ToArray());
        Assert.Equal(11, first.Total);

        var mine = await Deadlines.NextDeadlinesAsync(t, "m1", DeadlineToday, 20);
        Assert.Equal(["d1", "d4"], mine.Entries.Select(e => e.Assignment.AssignmentId).ToArray());
        Assert.Equal(2, mine.Total);

        // A month later: d11, d3, d1, d13 have passed; d5 moves to 30/06, d8 (yearly) to 15/05/2025.
        var later = await Deadlines.NextDeadlinesAsync(t, null, new DateOnly(2024, 6, 15), 20);
        Assert.Equal(["d5", "d6", "d14", "d12", "d7", "d4", "d8"], later.Entries.Select(e => e.Assignment.AssignmentId).ToArray());
        Assert.Equal(7, later.Total);
        Assert.Empty((await Deadlines.NextDeadlinesAsync(TestData.Tenant("none"), null, DeadlineToday, 20)).Entries);
    }

    [Fact]
    public async Task Next_deadlines_follow_state_member_and_plan_changes_and_are_written_for_assignments_stored_before()
    {
        var t = await SeedDeadlinesAsync();
        var d1 = (await Store.Assignments.GetAsync(t, "d1"))!;
        Assert.True((await Store.Assignments.TryUpdateStateAsync(t, "d1", d1.State.Version, d1.State with { Status = AssignmentStatus.Done, Version = d1.State.Version + 1 })).Updated);
        await Store.Assignments.SetMemberAsync(t, "d3", "m1");
        var mine = await Deadlines.NextDeadlinesAsync(t, "m1", DeadlineToday, 20);
        Assert.Equal(["d3", "d4"], mine.Entries.Select(e => e.Assignment.AssignmentId).ToArray());

        var q = (await Store.Plans.GetAsync(t, "q"))!;
        await Store.Plans.UpsertAsync(q with { Document = q.Document with { Year = 2026 } });
        await Store.Plans.UpsertAsync((await Store.Plans.GetAsync(t, "n"))! with { Status = PlanStatus.Archived });
        var page = await Deadlines.NextDeadlinesAsync(t, null, DeadlineToday, 20);
        Assert.Equal(["d11", "d3", "d5", "d13", "d14", "d6", "d12", "d4", "d7"], page.Entries.Select(e => e.Assignment.AssignmentId).ToArray());
        Assert.Equal(2026, page.Entries[^1].PlanYear);

        // Rows lost (as in a database from before migration 0012): listed as pending, they are written again at start-up.
        await ScalarAsync($"DELETE FROM assignment_deadlines WHERE tenant_id = '{t}'");
        Assert.Empty((await Deadlines.NextDeadlinesAsync(t, null, DeadlineToday, 20)).Entries);
        await ScalarAsync($"INSERT INTO assignment_deadlines_pending (tenant_id, assignment_id) SELECT tenant_id, assignment_id FROM assignments WHERE tenant_id = '{t}'");
        await NewInstance().MigrateAsync();
        Assert.Equal(page.Entries.Select(e => e.Assignment.AssignmentId), (await Deadlines.NextDeadlinesAsync(t, null, DeadlineToday, 20)).Entries.Select(e => e.Assignment.AssignmentId));
        Assert.Equal(0, await ScalarAsync($"SELECT COUNT(*) FROM assignment_deadlines_pending WHERE tenant_id = '{t}'"));
    }
}
