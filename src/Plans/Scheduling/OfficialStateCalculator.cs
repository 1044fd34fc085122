using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Scheduling;

/// <summary>
/// Sorts an assignment into the four <see cref="OfficialState"/>s: the one domain function the status card, roll-up,
/// My tasks, the card, Planner and the exports call.
/// <list type="bullet">
/// <item>The deadline is the last day of the assignment's latest deadline (a yearly date in the plan's year), in
/// Asia/Ho_Chi_Minh days. When that day is not a working day of <see cref="Calendar"/> (the calendar the reminders use:
/// Mon–Fri minus the holidays), the deadline is the next working day (the period ends at the end of the next working day).</item>
/// <item>Finished means accepted: the day the report was accepted (review), or, for an assignment whose reports need no
/// review, the day it was marked done. Finished on or before the deadline is on time, after it late.</item>
/// <item>Not finished: overdue from the day after the deadline; an assignment without a deadline is never overdue.</item>
/// </list>
/// </summary>
public sealed class OfficialStateCalculator(ReminderCalendar calendar)
{
    public ReminderCalendar Calendar { get; } = calendar;

    /// <summary>The deadline day the state is measured against, or null when the assignment has no deadline.</summary>
    public DateOnly? EffectiveDeadline(IReadOnlyList<Deadline> deadlines, int? planYear, DateOnly today)
    {
        if (deadlines.Count == 0) return null;
        var last = deadlines.Max(d => d.Due.Kind == DueKind.YearlyDate ? d.Due.LastDay(planYear ?? today.Year) : d.Due.LastDay());
        return Calendar.NextWorkingDay(last);
    }

    /// <param name="acceptedAt">When the work was accepted (or marked done when no review applies); null when not finished.</param>
    /// <param name="now">The current instant (from a TimeProvider).</param>
    public OfficialState Of(IReadOnlyList<Deadline> deadlines, int? planYear, DateTimeOffset? acceptedAt, DateTimeOffset now) =>
        Of(deadlines, planYear, acceptedAt, Calendar.LocalDate(now));

    /// <param name="today">Today in the calendar's time zone.</param>
    public OfficialState Of(IReadOnlyList<Deadline> deadlines, int? planYear, DateTimeOffset? acceptedAt, DateOnly today)
    {
        var deadline = EffectiveDeadline(deadlines, planYear, today);
        if (acceptedAt is { } at)
            return deadline is { } d && Calendar.LocalDate(at) > d ? OfficialState.DoneLate : OfficialState.DoneOnTime;
        return deadline is { } dl && today > dl ? OfficialState.OpenOverdue : OfficialState.OpenWithinDeadline;
    }

    /// <summary>
    /// The state from the stored assignment alone (tab, exports, Planner): finished when it is done, on the day it was
    /// completed (an accepted report marks it done on the acceptance day; a return re-opens it).
    /// </summary>
    public OfficialState Of(AssignmentState state, IReadOnlyList<Deadline> deadlines, int? planYear, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Of(deadlines, planYear, state.Status == AssignmentStatus.Done ? state.CompletedAt ?? DateTimeOffset.MinValue : null, today);
    }

    /// <summary>Working days past the deadline on <paramref name="today"/> (0 when not overdue): the escalation measure.</summary>
    public int WorkingDaysOverdue(IReadOnlyList<Deadline> deadlines, int? planYear, DateOnly today)
    {
        if (EffectiveDeadline(deadlines, planYear, today) is not { } d || today <= d) return 0;
        var n = 0;
        for (var day = d.AddDays(1); day <= today; day = day.AddDays(1))
            if (Calendar.IsWorkingDay(day)) n++;
        return n;
    }

    public static bool IsDone(OfficialState s) => s is OfficialState.DoneOnTime or OfficialState.DoneLate;
}
