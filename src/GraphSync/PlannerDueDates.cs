using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.GraphSync;

/// <summary>
/// Converts Vietnamese deadlines to Planner due instants.
/// Convention (see src/GraphSync/README.md): a printed day ("trước ngày 20/5", "hạn 20/5") means the work is due
/// by the START of that day in Asia/Ho_Chi_Minh, i.e. by the end of 19/5: 20/05/2023 → 2023-05-20T00:00+07:00 = 2023-05-19T17:00Z.
/// Planner shows a due date in the viewer's time zone, so a teacher in Vietnam sees "20/05" — the printed date.
/// A period ("trong tháng 5", "quý II", "năm học") is due at the end of its last day: the start of the next day.
/// </summary>
public static class PlannerDueDates
{
    /// <summary>Start of <paramref name="day"/> in Vietnam, as a UTC instant.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var offset = VietnamTime.Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The Planner dueDateTime of a deadline; yearly dates need the plan's year.</summary>
    public static DateTimeOffset ToPlannerDue(DueDate due, int? year)
    {
        return due.Kind switch
        {
            DueKind.Date => StartOfDay(due.LastDay()),
            DueKind.YearlyDate => StartOfDay(due.LastDay(year
                ?? throw new GraphSyncException("due.year", "Hạn hằng năm cần năm của kế hoạch.", "A yearly deadline needs the plan's year."))),
            _ => StartOfDay(due.LastDay().AddDays(1)),
        };
    }

    /// <summary>The Vietnamese calendar day a Planner due instant stands for (inverse of <see cref="StartOfDay"/>).</summary>
    public static DateOnly ToVietnamDay(DateTimeOffset due) => VietnamTime.DateOf(due);
}
