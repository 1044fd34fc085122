using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Deadlines;

/// <summary>One concrete occurrence of a deadline.</summary>
internal sealed record ScheduledDeadline(DateOnly Date, Deadline Deadline);

/// <summary>
/// Expands deadlines into concrete last days within a period (both ends included), sorted by date:
/// <list type="bullet">
/// <item>a yearly date ("--05-10", or a dated deadline with recurrence yearly) → that day every year in the period
/// (29 Feb → 28 Feb in common years); a dated yearly deadline starts in its own year;</item>
/// <item>semiannual with a date ("báo cáo định kỳ 6 tháng (trước ngày 05/6)") → that date every year: the document gives
/// one date, the mid-year report's; the year-end report is a separate yearly deadline ("báo cáo năm (trước 05/11)");</item>
/// <item>quarterly or monthly with a date ("trước ngày 15 của tháng cuối quý", "ngày 20 hằng tháng") → that day every
/// three months / every month (<see cref="RecurrenceSteps"/>), from the deadline's own year;</item>
/// <item>a one-off date → itself when inside the period;</item>
/// <item>a quarter, month or school year → its last day (<see cref="DueDate.LastDay"/>) when inside the period.</item>
/// </list>
/// </summary>
internal static class DeadlineSchedule
{
    public static IReadOnlyList<ScheduledDeadline> Expand(IEnumerable<Deadline> deadlines, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        if (to < from) throw new ArgumentException("Ngày kết thúc trước ngày bắt đầu / The end of the period is before its start.", nameof(to));
        var result = new List<ScheduledDeadline>();
        foreach (var d in deadlines)
        {
            var due = d.Due;
            var recurring = due.Kind == DueKind.YearlyDate || (due.Kind == DueKind.Date && d.Recurrence is not null);
            if (recurring)
            {
                var firstYear = due.Kind == DueKind.Date ? Math.Max(due.Year, from.Year) : from.Year;
                for (var y = firstYear; y <= to.Year; y++)
                {
                    var days = d.Recurrence is Recurrence.Quarterly or Recurrence.Monthly
                        ? RecurrenceSteps.InYear(y, due.Month, due.Day, d.Recurrence.Value)
                        : [DueDate.Yearly(due.Month, due.Day).LastDay(y)];
                    foreach (var day in days)
                        if (day >= from && day <= to) result.Add(new ScheduledDeadline(day, d));
                }
                continue;
            }
            var last = due.LastDay();
            if (last >= from && last <= to) result.Add(new ScheduledDeadline(last, d));
        }
        return result.OrderBy(r => r.Date).ThenBy(r => r.Deadline.What, StringComparer.Ordinal).ToList();
    }
}
