using System.Globalization;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Scheduling;

/// <summary>
/// The reminder calendar (pure domain logic; every "now" is passed in or read from a <see cref="TimeProvider"/>).
/// <para>Rules (issue #5):</para>
/// <list type="bullet">
/// <item>Reminders go out <see cref="ReminderPolicy.OffsetsDays"/> days before each deadline's last day, and an overdue
/// notice on the day after it, at <see cref="ReminderPolicy.SendTime"/> local time (default 08:00 Asia/Ho_Chi_Minh).</item>
/// <item>Only on working days (Mon–Fri, not a listed holiday). A "before" reminder that falls on a non-working day moves
/// to the previous working day (it must not arrive later than promised, i.e. closer to the deadline); the overdue notice
/// moves to the next working day (it must not arrive before the item is actually overdue). Two reminders of one
/// occurrence that land on the same day are merged into the one closest to the deadline.</item>
/// <item>Yearly deadlines (<see cref="DueKind.YearlyDate"/> or <see cref="Recurrence.Yearly"/>) recur every year,
/// semiannual ones every 6 months; the last day of a month stays the last day (28/29 February).</item>
/// <item>A member whose assignment is <see cref="AssignmentStatus.Done"/> gets no reminder at all — the assignment
/// state is one per member and duty, so "done" covers every occurrence; re-opening the duty (a new state) resumes them.</item>
/// </list>
/// </summary>
public sealed class ReminderCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public ReminderCalendar(ReminderPolicy? policy = null)
    {
        Policy = policy ?? ReminderPolicy.Default;
        Policy.Validate();
        TimeZone = ReminderPolicy.ResolveTimeZone(Policy.TimeZoneId);
        _holidays = [.. Policy.Holidays];
    }

    public ReminderPolicy Policy { get; }
    public TimeZoneInfo TimeZone { get; }

    private int MaxOffset => Policy.OffsetsDays.Count == 0 ? 0 : Policy.OffsetsDays.Max();

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    public DateOnly PreviousWorkingDay(DateOnly day)
    {
        for (var i = 0; i < 370 && !IsWorkingDay(day); i++) day = day.AddDays(-1);
        return day;
    }

    public DateOnly NextWorkingDay(DateOnly day)
    {
        for (var i = 0; i < 370 && !IsWorkingDay(day); i++) day = day.AddDays(1);
        return day;
    }

    /// <summary>The local calendar day of an instant in the policy's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The instant of the policy's send time on a local day.</summary>
    public DateTimeOffset SendInstant(DateOnly day)
    {
        var local = day.ToDateTime(Policy.SendTime, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local)) local = local.AddHours(1); // DST gap (not in Asia/Ho_Chi_Minh)
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    /// <summary>Last days of the occurrences of <paramref name="deadline"/> within [from, to] (inclusive), ascending.</summary>
    public IEnumerable<DateOnly> Occurrences(Deadline deadline, DateOnly from, DateOnly to)
    {
        if (to < from) yield break;
        var due = deadline.Due;
        var stepMonths = deadline.Recurrence switch
        {
            Recurrence.Semiannual => 6,
            Recurrence.Yearly => 12,
            _ => due.Kind == DueKind.YearlyDate ? 12 : 0,
        };

        if (due.Kind == DueKind.YearlyDate)
        {
            // No start year: every year (and every half-year when semiannual).
            var months = stepMonths == 6 ? new[] { due.Month, (due.Month + 5) % 12 + 1 }.Order().ToArray() : [due.Month];
            for (var y = from.Year - 1; y <= to.Year + 1; y++)
            {
                foreach (var m in months)
                {
                    var d = new DateOnly(y, m, Math.Min(due.Day, DateTime.DaysInMonth(y, m)));
                    if (d >= from && d <= to) yield return d;
                }
            }
            yield break;
        }

        var anchor = due.LastDay();
        if (stepMonths == 0)
        {
            if (anchor >= from && anchor <= to) yield return anchor;
            yield break;
        }

        var monthEnd = anchor.Day == DateTime.DaysInMonth(anchor.Year, anchor.Month);
        // Skip whole steps up to the window, then walk.
        var skip = Math.Max(0, ((from.Year - anchor.Year) * 12 + from.Month - anchor.Month) / stepMonths - 1);
        for (var i = skip; ; i++)
        {
            var d = anchor.AddMonths(i * stepMonths);
            if (monthEnd) d = new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
            if (d > to) yield break;
            if (d >= from) yield return d;
        }
    }

    /// <summary>The reminders of one occurrence (last day <paramref name="dueDay"/>), ascending by send time.</summary>
    public IReadOnlyList<Reminder> RemindersFor(Deadline deadline, DateOnly dueDay)
    {
        var bySendDay = new Dictionary<DateOnly, Reminder>();
        foreach (var offset in Policy.OffsetsDays)
        {
            var day = PreviousWorkingDay(dueDay.AddDays(-offset));
            var r = new Reminder(deadline, dueDay, ReminderKind.Before, offset, day, SendInstant(day));
            // Merged into the one closest to the deadline (smallest offset).
            if (!bySendDay.TryGetValue(day, out var existing) || existing.OffsetDays > offset) bySendDay[day] = r;
        }
        if (Policy.OverdueNotice)
        {
            var day = NextWorkingDay(dueDay.AddDays(1));
            bySendDay[day] = new Reminder(deadline, dueDay, ReminderKind.Overdue, 0, day, SendInstant(day));
        }
        return [.. bySendDay.Values.OrderBy(r => r.SendAt)];
    }

    /// <summary>Reminders of <paramref name="deadline"/> whose send instant is in (<paramref
    /// name="afterExclusive"/>, <paramref name="untilInclusive"/>].</summary>
    public IEnumerable<Reminder> Between(Deadline deadline, DateTimeOffset afterExclusive, DateTimeOffset untilInclusive)
    {
        if (untilInclusive <= afterExclusive) return [];
        // A reminder is sent at most MaxOffset (+ shift to the previous working day) before, and one day (+ shift) after,
        // its occurrence; 40 days of margin covers long holiday runs (Tết).
        var from = LocalDate(afterExclusive).AddDays(-41);
        var to = LocalDate(untilInclusive).AddDays(MaxOffset + 41);
        return Occurrences(deadline, from, to)
            .SelectMany(d => RemindersFor(deadline, d))
            .Where(r => r.SendAt > afterExclusive && r.SendAt <= untilInclusive)
            .OrderBy(r => r.SendAt);
    }

    /// <summary>
    /// Reminders a member should get in (<paramref name="afterExclusive"/>, <paramref name="untilInclusive"/>] for an
    /// assignment in <paramref name="state"/>: none once the member has marked it done.
    /// </summary>
    public IEnumerable<Reminder> Due(AssignmentState state, IEnumerable<Deadline> deadlines, DateTimeOffset afterExclusive,
        DateTimeOffset untilInclusive)
    {
        if (state.Status == AssignmentStatus.Done) return [];
        return deadlines.SelectMany(d => Between(d, afterExclusive, untilInclusive)).OrderBy(r => r.SendAt);
    }

    /// <summary>Reminders due between <paramref name="afterExclusive"/> and the clock's now.</summary>
    public IEnumerable<Reminder> DueNow(AssignmentState state, IEnumerable<Deadline> deadlines, DateTimeOffset afterExclusive, TimeProvider clock) =>
        Due(state, deadlines, afterExclusive, clock.GetUtcNow());

    /// <summary>The next reminder of <paramref name="deadline"/> after <paramref name="after"/> (searching 3 years ahead), or null.</summary>
    public Reminder? Next(Deadline deadline, DateTimeOffset after)
    {
        for (var start = after; start < after.AddYears(3); start = start.AddDays(120))
        {
            var r = Between(deadline, start, start.AddDays(120)).FirstOrDefault();
            if (r is not null) return r;
        }
        return null;
    }

    /// <summary>
    /// The most recent occurrence (last day) of <paramref name="deadline"/> that is overdue on <paramref name="today"/>
    /// and not earlier than <paramref name="notBefore"/> (e.g. the day the plan was imported), or null.
    /// Nothing is overdue for a member who is done.
    /// </summary>
    public DateOnly? OverdueOccurrence(Deadline deadline, AssignmentState state, DateOnly today, DateOnly notBefore)
    {
        if (state.Status == AssignmentStatus.Done) return null;
        var last = Occurrences(deadline, notBefore, today.AddDays(-1)).LastOrDefault();
        return last == default ? null : last;
    }
}
