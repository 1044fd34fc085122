using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Plans.Tests.Scheduling;

/// <summary>The four official states (hoàn thành đúng hạn / quá hạn; chưa hoàn thành còn trong hạn / quá hạn).</summary>
public sealed class OfficialStateCalculatorTests
{
    // 2023: Saturday 29/04 is the deadline; 30/04–03/05 are the announced days off (Giải phóng miền Nam, Quốc tế lao động and the swapped days).
    private static readonly OfficialStateCalculator Calc = new(new ReminderCalendar(new ReminderPolicy
    {
        Holidays = [new DateOnly(2023, 4, 30), new DateOnly(2023, 5, 1), new DateOnly(2023, 5, 2), new DateOnly(2023, 5, 3)],
    }));
    private static readonly Deadline[] Due = [new(DueDate.OnDate(new DateOnly(2023, 3, 15)), null, "Sơ kết", null, null), new(DueDate.OnDate(new DateOnly(2023, 4, 29)), null, "Báo cáo", "Sở GD&ĐT", null)];
    private static DateTimeOffset Vn(int month, int day, int hour = 9) => new(2023, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_deadline_on_a_day_off_runs_to_the_next_working_day()
    {
        Assert.Equal(new DateOnly(2023, 5, 4), Calc.EffectiveDeadline(Due, 2023, new DateOnly(2023, 4, 1)));
        Assert.Equal(OfficialState.OpenWithinDeadline, Calc.Of(Due, 2023, null, Vn(5, 4, 23)));
        Assert.Equal(OfficialState.OpenOverdue, Calc.Of(Due, 2023, null, Vn(5, 5, 0)));
    }

    [Fact]
    public void Accepted_on_or_before_the_deadline_is_on_time_after_it_late_counted_in_Vietnam_days()
    {
        Assert.Equal(OfficialState.DoneOnTime, Calc.Of(Due, 2023, Vn(4, 20), Vn(6, 1)));
        Assert.Equal(OfficialState.DoneOnTime, Calc.Of(Due, 2023, Vn(5, 4, 16), Vn(6, 1)));
        // 17:30 UTC on 04/05 is 00:30 on 05/05 in Hà Nội: late.
        Assert.Equal(OfficialState.DoneLate, Calc.Of(Due, 2023, new DateTimeOffset(2023, 5, 4, 17, 30, 0, TimeSpan.Zero), Vn(6, 1)));
        Assert.True(OfficialStateCalculator.IsDone(OfficialState.DoneLate));
        Assert.False(OfficialStateCalculator.IsDone(OfficialState.OpenOverdue));
    }

    [Fact]
    public void Yearly_deadlines_use_the_plan_year_and_no_deadline_is_never_overdue()
    {
        Deadline[] yearly = [new(DueDate.Yearly(5, 10), Recurrence.Yearly, "Báo cáo năm", null, null)];
        Assert.Equal(new DateOnly(2023, 5, 10), Calc.EffectiveDeadline(yearly, 2023, new DateOnly(2024, 1, 1)));
        Assert.Equal(OfficialState.OpenOverdue, Calc.Of(yearly, 2023, null, Vn(5, 11)));
        Assert.Equal(OfficialState.OpenWithinDeadline, Calc.Of([], 2023, null, Vn(12, 31)));
        Assert.Equal(OfficialState.DoneOnTime, Calc.Of([], 2023, Vn(12, 31), Vn(12, 31)));
    }

    [Fact]
    public void Working_days_overdue_skip_weekends_and_holidays()
    {
        Assert.Equal(0, Calc.WorkingDaysOverdue(Due, 2023, new DateOnly(2023, 5, 4)));
        Assert.Equal(1, Calc.WorkingDaysOverdue(Due, 2023, new DateOnly(2023, 5, 5)));
        Assert.Equal(1, Calc.WorkingDaysOverdue(Due, 2023, new DateOnly(2023, 5, 7)));
        Assert.Equal(2, Calc.WorkingDaysOverdue(Due, 2023, new DateOnly(2023, 5, 8)));
        Assert.Equal(0, Calc.WorkingDaysOverdue([], 2023, new DateOnly(2023, 5, 8)));
    }
}
