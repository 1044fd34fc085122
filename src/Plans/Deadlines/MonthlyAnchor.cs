using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Deadlines;

/// <summary>
/// A day that recurs every month ("trước ngày 18 hằng tháng") is written "--MM-dd" with recurrence monthly; the month
/// carries no meaning of its own, so it is the plan's issue month (its first month), January when the plan gives none.
/// </summary>
internal static class MonthlyAnchor
{
    public static List<Deadline> ToIssueMonth(List<Deadline> deadlines, int? issueMonth) =>
        issueMonth is not (>= 1 and <= 12) ? deadlines : deadlines.Select(d => Anchor(d, issueMonth.Value)).ToList();

    public static Deadline Anchor(Deadline d, int month) =>
        d.Recurrence is Recurrence.Monthly && d.Due.Kind is DueKind.YearlyDate
            ? d with { Due = DueDate.Yearly(month, Math.Min(d.Due.Day, DateTime.DaysInMonth(2024, month))) }
            : d;
}
