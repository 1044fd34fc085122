using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Deadlines;

/// <summary>
/// The report regime (Decree 09/2019/NĐ-CP) that goes with a report deadline, and the default data cut-off of a periodic
/// report when the plan prints none (Decree 09, Art. 12: monthly, from the 15th of the previous month to the 14th of the
/// reporting month; quarterly, from the 15th of the month before the quarter to the 14th of its last month; 6-monthly,
/// from the 15th of the month before the period to the 14th of its sixth month; yearly, from 15 December of the previous
/// year to 14 December).
/// </summary>
public static class ReportRegimes
{
    /// <summary>
    /// The regime the plan states for <paramref name="deadline"/>: one read from the same sentence (the deadline's
    /// source holds the regime's or the other way round), else one with the same due date; null when the plan says nothing.
    /// </summary>
    public static ReportRegime? For(PlanDocument plan, Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(deadline);
        if (deadline.Source is { Length: > 0 } src)
        {
            var same = plan.Reports.FirstOrDefault(r => r.Source is { Length: > 0 } rs
                && (rs.Contains(src, StringComparison.Ordinal) || src.Contains(rs, StringComparison.Ordinal)));
            if (same is not null) return same;
        }
        return plan.Reports.FirstOrDefault(r => r.Due == deadline.Due);
    }

    /// <summary>
    /// The default data cut-off of a periodic report due on <paramref name="due"/>: the period of <paramref name="frequency"/>
    /// whose end (the 14th of its last month) is nearest the due day, as Decree 09 counts periods.
    /// </summary>
    public static (DateOnly From, DateOnly To) DefaultCutoff(Recurrence frequency, DateOnly due)
    {
        var months = frequency switch { Recurrence.Monthly => 1, Recurrence.Quarterly => 3, Recurrence.Semiannual => 6, _ => 12 };
        // Period ends: the 14th of the months that close a period (every month; March, June, September, December; June and
        // December; December), around the due day.
        var candidates = new List<DateOnly>();
        for (var m = -13; m <= 13; m++)
        {
            var month = new DateOnly(due.Year, due.Month, 14).AddMonths(m);
            if (month.Month % months == 0 || months == 1) candidates.Add(month);
        }
        var end = candidates.OrderBy(e => Math.Abs(e.DayNumber - due.DayNumber)).ThenBy(e => e.DayNumber).First();
        return (end.AddMonths(-months).AddDays(1), end);
    }
}
