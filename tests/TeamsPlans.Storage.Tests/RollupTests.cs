using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Rollup;

namespace TeamsPlans.Storage.Tests;

public abstract partial class StoreContractTests<TProvider>
{
    [Fact]
    public async Task Rollup_reports_implementing_plans_and_submissions_per_unit_and_deadline()
    {
        var dept = TestData.Tenant("phong");
        var a = TestData.Tenant("thcs-a");
        var b = TestData.Tenant("thcs-b");
        var c = TestData.Tenant("thcs-c");
        var deptDoc = TestData.Document("120/KH-PGDĐT", "Kế hoạch hoạt động đối ngoại năm 2024") with
        {
            Deadlines =
            [
                new Deadline(DueDate.Yearly(5, 10), Recurrence.Yearly, "Báo cáo sơ kết học kỳ", "Phòng GD&ĐT", null),
                new Deadline(DueDate.Yearly(6, 15), Recurrence.Semiannual, "Báo cáo 6 tháng", "Phòng GD&ĐT", null),
                new Deadline(DueDate.OnDate(new DateOnly(2024, 3, 1)), null, "Một lần (không định kỳ)", null, null),
            ],
        };
        await Store.Plans.UpsertAsync(new StoredPlan(dept, "dp", deptDoc, null, PlanStatus.Published, null, TestData.Start, TestData.Start));

        // Unit A implements and reported for 10/05 (on its implementing plan's assignment); unit B implements, reported
        // nothing; unit C never issued a plan but filed a report with the same period key (not counted: not tied to a plan).
        await Store.Plans.UpsertAsync(TestData.Plan(a, "pa", "12/KH-THCS A", "Thực hiện KH 120", "120/KH-PGDĐT"));
        await Store.Plans.UpsertAsync(TestData.Plan(b, "pb", "3/KH-THCS B", "Thực hiện", "120/kh-pgdđt"));
        await Store.Plans.UpsertAsync(TestData.Plan(b, "pb-other", "4/KH-THCS B", "Kế hoạch khác", "999/KH-PGDĐT"));
        await Store.Assignments.UpsertManyAsync([TestData.Assignment(a, "asA", "pa", 1)]);
        await Store.Assignments.UpsertManyAsync([TestData.Assignment(b, "asB-other", "pb-other", 1)]);
        await Store.Reports.AddAsync(new ReportSubmission(a, "ra", "asA", "2024-05-10", "bc.docx", null, "ua", TestData.Start.AddDays(8)));
        await Store.Reports.AddAsync(new ReportSubmission(b, "rb", "asB-other", "2024-05-10", "bc.docx", null, "ub", TestData.Start.AddDays(8)));
        await Store.Reports.AddAsync(new ReportSubmission(c, "rc", "asC", "2024-05-10", "bc.docx", null, "uc", TestData.Start.AddDays(8)));

        // 2024-06-15 17:30 UTC is already 16/06 in Hà Nội/TP.HCM (UTC+7): 15/06 is overdue there.
        Time.SetUtcNow(new DateTimeOffset(2024, 6, 15, 17, 30, 0, TimeSpan.Zero));
        var rollup = await new RollupService(new StoreRollupReads(Store), Time).BuildAsync(dept, "dp", [a, b, c], 2024);
        Assert.NotNull(rollup);
        Assert.Equal(new DateOnly(2024, 6, 16), rollup.Today);
        Assert.Equal(["2024-05-10", "2024-06-15", "2024-12-15"], rollup.Occurrences.Select(o => o.PeriodKey).ToArray());

        var ua = rollup.Units.Single(u => u.TenantId == a);
        Assert.True(ua.IssuedImplementingPlan);
        Assert.Equal("12/KH-THCS A", ua.ImplementingPlans.Single().Number);
        Assert.Equal([true, false, false], ua.Periods.Select(p => p.Submitted).ToArray());
        Assert.Equal([false, true, false], ua.Periods.Select(p => p.Overdue).ToArray());
        Assert.Equal("ra", ua.Periods[0].ReportId);

        var ub = rollup.Units.Single(u => u.TenantId == b);
        Assert.Equal(["pb"], ub.ImplementingPlans.Select(p => p.PlanId).ToArray());
        Assert.Equal([false, false, false], ub.Periods.Select(p => p.Submitted).ToArray());
        Assert.Equal([true, true, false], ub.Periods.Select(p => p.Overdue).ToArray());

        var uc = rollup.Units.Single(u => u.TenantId == c);
        Assert.False(uc.IssuedImplementingPlan);
        Assert.Equal(2, uc.OverdueCount);

        // One hour earlier it is still 15/06 in Vietnam: not overdue yet.
        var earlierClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 6, 15, 16, 30, 0, TimeSpan.Zero));
        var earlier = await new RollupService(new StoreRollupReads(Store), earlierClock).BuildAsync(dept, "dp", [a], 2024);
        Assert.Equal([false, false, false], earlier!.Units.Single().Periods.Select(p => p.Overdue).ToArray());

        Assert.Null(await new RollupService(new StoreRollupReads(Store), Time).BuildAsync(a, "dp", [a], 2024)); // wrong tenant: no such plan
    }

    [Fact]
    public async Task Rollup_counts_each_quarter_of_a_quarterly_report_as_its_own_period()
    {
        var dept = TestData.Tenant("so");
        var unit = TestData.Tenant("thpt-q");
        var doc = TestData.Document("77/KH-SGDĐT", "Kế hoạch báo cáo định kỳ hằng quý") with
        {
            Deadlines = [new Deadline(DueDate.Yearly(3, 15), Recurrence.Quarterly, "Báo cáo quý", "Sở GDĐT", null)],
        };
        await Store.Plans.UpsertAsync(new StoredPlan(dept, "dq", doc, null, PlanStatus.Published, null, TestData.Start, TestData.Start));
        Time.SetUtcNow(new DateTimeOffset(2025, 7, 1, 3, 0, 0, TimeSpan.Zero));
        var rollup = await new RollupService(new StoreRollupReads(Store), Time).BuildAsync(dept, "dq", [unit], 2025);
        Assert.NotNull(rollup);
        Assert.Equal(["2025-03-15", "2025-06-15", "2025-09-15", "2025-12-15"], rollup.Occurrences.Select(o => o.PeriodKey).ToArray());
        Assert.Equal([true, true, false, false], rollup.Units.Single().Periods.Select(p => p.Overdue).ToArray());
    }
}
