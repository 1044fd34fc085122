using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Plans.Tests.Scheduling;

public class ReminderCalendarTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static DateTimeOffset At(int y, int m, int d, int h = 8, int min = 0) => new(y, m, d, h, min, 0, Vn);
    private static Deadline On(int y, int m, int d, Recurrence? r = null) => new(DueDate.OnDate(new DateOnly(y, m, d)), r, "Báo cáo", null, null);

    /// <summary>A settable clock (this project has no TimeProvider.Testing package; the scheduler tests use FakeTimeProvider).</summary>
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }

    [Fact]
    public void Default_policy_sends_7_and_1_days_before_and_overdue_notice_at_0800_Vietnam_time()
    {
        var cal = new ReminderCalendar();
        var rs = cal.RemindersFor(On(2025, 3, 14), new DateOnly(2025, 3, 14)); // Friday
        Assert.Equal(
            [
                (ReminderKind.Before, 7, new DateOnly(2025, 3, 7)),
                (ReminderKind.Before, 1, new DateOnly(2025, 3, 13)),
                (ReminderKind.Overdue, 0, new DateOnly(2025, 3, 17)), // Saturday 15 → Monday 17
            ],
            rs.Select(r => (r.Kind, r.OffsetDays, r.SendDay)).ToArray());
        Assert.All(rs, r => Assert.Equal(TimeSpan.FromHours(1), r.SendAt.UtcDateTime.TimeOfDay)); // 08:00 +07 = 01:00Z
        Assert.Equal(["before-7", "before-1", "overdue"], rs.Select(r => r.Code).ToArray());
    }

    [Fact]
    public void Deadline_on_a_weekend_moves_before_reminders_to_Friday_and_overdue_to_Monday()
    {
        var cal = new ReminderCalendar();
        var rs = cal.RemindersFor(On(2025, 3, 16), new DateOnly(2025, 3, 16)); // Sunday
        Assert.Equal(
            [new DateOnly(2025, 3, 7), new DateOnly(2025, 3, 14), new DateOnly(2025, 3, 17)],
            rs.Select(r => r.SendDay).ToArray());
        Assert.All(rs, r => Assert.True(cal.IsWorkingDay(r.SendDay)));
    }

    [Fact]
    public void Reminders_landing_on_the_same_day_are_merged_into_the_closest_one()
    {
        var cal = new ReminderCalendar(new ReminderPolicy { OffsetsDays = [2, 1], OverdueNotice = false });
        var rs = cal.RemindersFor(On(2025, 3, 17), new DateOnly(2025, 3, 17)); // Monday: Sat and Sun → Friday 14
        var r = Assert.Single(rs);
        Assert.Equal((1, new DateOnly(2025, 3, 14)), (r.OffsetDays, r.SendDay));
    }

    [Fact]
    public void Holidays_are_skipped_like_weekends()
    {
        var cal = new ReminderCalendar(ReminderPolicy.Default with { Holidays = [new(2025, 4, 30), new(2025, 5, 1)] });
        var rs = cal.RemindersFor(On(2025, 5, 2), new DateOnly(2025, 5, 2));
        Assert.Equal(new DateOnly(2025, 4, 29), rs.Single(r => r.OffsetDays == 1).SendDay);
    }

    [Fact]
    public void Yearly_deadline_rolls_into_the_next_year()
    {
        var cal = new ReminderCalendar();
        var yearly = new Deadline(DueDate.Yearly(12, 15), Recurrence.Yearly, "Báo cáo tổng kết năm", null, null);
        var next = cal.Next(yearly, At(2025, 12, 20));
        Assert.NotNull(next);
        // 2025's notices are past; the next is 7 days before 15/12/2026 (Tuesday 8/12/2026).
        Assert.Equal((new DateOnly(2026, 12, 15), ReminderKind.Before, 7, new DateOnly(2026, 12, 8)),
            (next.DueDay, next.Kind, next.OffsetDays, next.SendDay));

        // A dated deadline with Recurrence.Yearly behaves the same and never goes back before its first year.
        var dated = On(2025, 12, 15, Recurrence.Yearly);
        Assert.Equal([new DateOnly(2025, 12, 15), new DateOnly(2026, 12, 15)],
            cal.Occurrences(dated, new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 31)).ToArray());
    }

    [Fact]
    public void Semiannual_and_month_end_deadlines_keep_the_month_end()
    {
        var cal = new ReminderCalendar();
        var semi = new Deadline(DueDate.OnDate(new DateOnly(2025, 6, 30)), Recurrence.Semiannual, "Báo cáo 6 tháng", null, null);
        Assert.Equal([new DateOnly(2025, 6, 30), new DateOnly(2025, 12, 31), new DateOnly(2026, 6, 30)],
            cal.Occurrences(semi, new DateOnly(2025, 1, 1), new DateOnly(2026, 7, 1)).ToArray());

        var feb = new Deadline(DueDate.InMonth(2027, 2), Recurrence.Yearly, "Tháng 2", null, null);
        Assert.Equal([new DateOnly(2027, 2, 28), new DateOnly(2028, 2, 29)],
            cal.Occurrences(feb, new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31)).ToArray());
    }

    [Fact]
    public void Between_returns_only_reminders_in_the_window_and_never_on_weekends()
    {
        var cal = new ReminderCalendar();
        var d = On(2025, 3, 16);
        Assert.Empty(cal.Between(d, At(2025, 3, 7, 8, 0), At(2025, 3, 13, 23, 59))); // 7-day one is exactly at the start (exclusive)
        var hit = Assert.Single(cal.Between(d, At(2025, 3, 7, 7, 59), At(2025, 3, 7, 8, 0)));
        Assert.Equal(7, hit.OffsetDays);
        Assert.Empty(cal.Between(d, At(2025, 3, 15, 0, 0), At(2025, 3, 16, 23, 59))); // Saturday and Sunday: nothing
    }

    [Fact]
    public void A_member_who_finishes_early_gets_no_reminders_after_done()
    {
        var cal = new ReminderCalendar();
        var d = On(2025, 3, 14);
        var clock = new ManualClock(At(2025, 3, 1, 0, 0));
        var state = AssignmentState.New;
        var start = clock.GetUtcNow();

        clock.Now = At(2025, 3, 8, 0, 0);
        Assert.Equal(["before-7"], cal.DueNow(state, [d], start, clock).Select(r => r.Code).ToArray());

        state = state.Apply(AssignmentAction.Done, At(2025, 3, 10, 9, 0));
        var since = clock.GetUtcNow();
        clock.Now = At(2025, 3, 31, 0, 0);
        Assert.Empty(cal.DueNow(state, [d], since, clock));
        Assert.Null(cal.OverdueOccurrence(d, state, new DateOnly(2025, 3, 20), new DateOnly(2025, 1, 1)));

        // Someone who did not finish gets the rest, and the item is overdue.
        Assert.Equal(["before-1", "overdue"], cal.DueNow(AssignmentState.New, [d], since, clock).Select(r => r.Code).ToArray());
        Assert.Equal(new DateOnly(2025, 3, 14), cal.OverdueOccurrence(d, AssignmentState.New, new DateOnly(2025, 3, 20), new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Overdue_ignores_occurrences_before_the_plan_existed()
    {
        var cal = new ReminderCalendar();
        var yearly = new Deadline(DueDate.Yearly(3, 1), null, "Yearly", null, null);
        Assert.Null(cal.OverdueOccurrence(yearly, AssignmentState.New, new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 15)));
        Assert.Equal(new DateOnly(2025, 3, 1), cal.OverdueOccurrence(yearly, AssignmentState.New, new DateOnly(2025, 3, 5), new DateOnly(2025, 1, 15)));
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 400 })]
    [InlineData(new[] { 7, 7 })]
    public void Invalid_policies_are_rejected_with_a_bilingual_message(int[] offsets)
    {
        var e = Assert.Throws<ArgumentException>(() => new ReminderCalendar(new ReminderPolicy { OffsetsDays = offsets }));
        Assert.Contains("/", e.Message);
    }

    [Fact]
    public void Unknown_time_zone_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new ReminderCalendar(new ReminderPolicy { TimeZoneId = "Mars/Olympus" }));
        Assert.Contains("Mars/Olympus", e.Message);
    }
}
