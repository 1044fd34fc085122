using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Plans.Tests.Units;

/// <summary>The unit roll-up counted the way offices count tasks: on time, late, missing (overdue), not due; red / orange / green.</summary>
public sealed class UnitRollupCalculatorTests
{
    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2023, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    private static readonly Unit[] Directory =
    [
        new("t", "PGD01", "Phòng GD&ĐT Quận 1", UnitKind.DistrictOffice, null),
        new("t", "THCS01", "Trường THCS A", UnitKind.LowerSecondarySchool, "PGD01"),
        new("t", "TH02", "Trường Tiểu học B", UnitKind.PrimarySchool, "PGD01"),
        new("t", "THPT01", "Trường THPT C", UnitKind.HighSchool, null),
    ];

    private static readonly UnitRollupPeriod June = new(new DateOnly(2023, 6, 5), "2023-06-05", "Báo cáo 6 tháng");
    private static readonly UnitRollupPeriod Nov = new(new DateOnly(2023, 11, 5), "2023-11-05", "Báo cáo năm");

    private static List<UnitDutyFact> Duties(params string[] codes) => codes.SelectMany(c => new[]
    {
        new UnitDutyFact(c + "-plan", c, "Xây dựng kế hoạch phù hợp với điều kiện của đơn vị", AssignmentStatus.Assigned, null, new DateOnly(2023, 3, 31)),
        new UnitDutyFact(c + "-report", c, "Báo cáo định kỳ 6 tháng, báo cáo năm", AssignmentStatus.Assigned, null, null),
    }).ToList();

    [Fact]
    public void Each_unit_gets_its_plan_and_reports_timed_against_the_due_dates_in_vietnam_time()
    {
        var duties = Duties("THCS01", "TH02", "THPT01");
        var reports = new[]
        {
            new UnitReportFact("THCS01-report", "2023-06-05", At(6, 5, 23)),   // 23:00 on the due day: on time
            new UnitReportFact("TH02-report", "2023-06-05", At(6, 6, 0)),      // 00:00 the day after: late
            new UnitReportFact("TH02-report", "2023-06-05", At(6, 20)),        // a second hand-in does not change the first
        };
        // THCS01's plan issued on 20/03 (linked), TH02's duty marked done by hand on 10/04 (after 31/03), THPT01 none.
        var links = new[] { new UnitPlanLink("t", "p", "THCS01", "t", "child", "15/KH-THCS", "KH", new DateOnly(2023, 3, 20), At(4, 2)) };
        duties[2] = duties[2] with { Status = AssignmentStatus.Done, CompletedAt = At(4, 10) };

        var r = UnitRollupCalculator.Calculate(Directory, duties, reports, links, [Nov, June], new DateOnly(2023, 6, 12));

        Assert.Equal([June, Nov], r.Periods);
        var byCode = r.Rows.ToDictionary(x => x.Unit.Code);
        Assert.Equal((true, ReportTiming.OnTime, "child"), (byCode["THCS01"].PlanIssued, byCode["THCS01"].PlanTiming, byCode["THCS01"].Plan!.ChildPlanId));
        Assert.Equal((true, ReportTiming.Late, null), (byCode["TH02"].PlanIssued, byCode["TH02"].PlanTiming, byCode["TH02"].Plan));
        Assert.Equal((false, ReportTiming.Missing), (byCode["THPT01"].PlanIssued, byCode["THPT01"].PlanTiming));
        Assert.Equal([ReportTiming.OnTime, ReportTiming.NotDue], byCode["THCS01"].Reports.Select(p => p.Timing));
        Assert.Equal([ReportTiming.Late, ReportTiming.NotDue], byCode["TH02"].Reports.Select(p => p.Timing));
        Assert.Equal(At(6, 6, 0), byCode["TH02"].Reports[0].SubmittedAt);
        Assert.Equal([ReportTiming.Missing, ReportTiming.NotDue], byCode["THPT01"].Reports.Select(p => p.Timing));
        Assert.Equal((RollupLight.Green, RollupLight.Orange, RollupLight.Red), (byCode["THCS01"].Light, byCode["TH02"].Light, byCode["THPT01"].Light));
        // Red first, then orange, then green.
        Assert.Equal(["THPT01", "TH02", "THCS01"], r.Rows.Select(x => x.Unit.Code));
        Assert.Equal((2, 1, 1, 1), (r.Issued, r.Count(June, ReportTiming.OnTime), r.Count(June, ReportTiming.Late), r.Count(June, ReportTiming.Missing)));
    }

    [Fact]
    public void Not_yet_due_is_neither_missing_nor_red_and_a_unit_not_asked_for_a_plan_is_not_counted_missing()
    {
        var duties = new List<UnitDutyFact> { new("x", "THPT01", "Báo cáo kết quả triển khai", AssignmentStatus.Assigned, null, null) };
        var r = UnitRollupCalculator.Calculate(Directory, duties, [], [], [June], new DateOnly(2023, 6, 5));
        var row = Assert.Single(r.Rows);
        Assert.Equal((false, ReportTiming.NotDue, RollupLight.Green), (row.PlanIssued, row.PlanTiming, row.Light));
        Assert.Equal(ReportTiming.NotDue, row.Reports.Single().Timing);
        Assert.Equal(RollupLight.Red, UnitRollupCalculator.Calculate(Directory, duties, [], [], [June], new DateOnly(2023, 6, 6)).Rows.Single().Light);
    }

    [Fact]
    public void Filters_keep_the_kinds_asked_for_and_the_units_below_a_parent_at_any_depth()
    {
        var duties = Duties("THCS01", "TH02", "THPT01");
        var today = new DateOnly(2023, 6, 12);
        Assert.Equal(["TH02", "THCS01"], Codes(UnitRollupCalculator.Calculate(Directory, duties, [], [], [June], today, new UnitRollupFilter([], "pgd01"))));
        Assert.Equal(["TH02"], Codes(UnitRollupCalculator.Calculate(Directory, duties, [], [], [June], today, new UnitRollupFilter([UnitKind.PrimarySchool], "PGD01"))));
        Assert.Empty(Codes(UnitRollupCalculator.Calculate(Directory, duties, [], [], [June], today, new UnitRollupFilter([UnitKind.HighSchool], "PGD01"))));
        var all = UnitRollupCalculator.Calculate(Directory, duties, [], [], [June], today, new UnitRollupFilter([UnitKind.HighSchool], null));
        Assert.Equal(["THPT01"], Codes(all));
        Assert.Equal(3, all.UnitsInPlan);
    }

    [Fact]
    public void A_unit_gone_from_the_directory_is_still_listed_under_its_code() =>
        Assert.Equal("GONE", UnitRollupCalculator.Calculate(Directory, Duties("GONE"), [], [], [], new DateOnly(2023, 6, 1)).Rows.Single().Unit.Name);

    [Theory]
    [InlineData("Các đơn vị trực thuộc Phòng Giáo dục và Đào tạo có trách nhiệm xây dựng kế hoạch phù hợp với điều kiện, đặc điểm của đơn vị", true)]
    [InlineData("Xây dựng và ban hành kế hoạch thực hiện của đơn vị trước ngày 30/9", true)]
    [InlineData("Ban hành kế hoạch triển khai tại đơn vị", true)]
    [InlineData("Develop an implementing plan of the school", true)]
    [InlineData("Issue its own plan", true)]
    [InlineData("Report on the plan", false)]
    [InlineData("báo cáo về Phòng GD&ĐT để tham mưu chỉ đạo, bổ sung, điều chỉnh kế hoạch cho phù hợp", false)]
    [InlineData("Chế độ báo cáo: báo cáo kết quả triển khai về Phòng Giáo dục và Đào tạo", false)]
    [InlineData("Xay dung ke hoach to chuc hoat dong", true)]
    public void The_implementing_plan_duty_is_recognised_by_its_verb_and_object(string duty, bool expected) =>
        Assert.Equal(expected, ImplementingPlanDuty.Matches(duty));

    private static List<string> Codes(UnitRollupResult r) => r.Rows.Select(x => x.Unit.Code).Order(StringComparer.Ordinal).ToList();
}
