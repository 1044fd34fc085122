using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Tab.Api;

/// <summary>
/// The one place the tab (pages, JSON, Excel) names an assignment's state: key, Vietnamese and English label. When the
/// four official states arrive (wt-review), only this mapping changes.
/// </summary>
public static class TabStates
{
    public static readonly IReadOnlyList<string> Keys = ["assigned", "acknowledged", "inProgress", "done", "overdue"];

    /// <summary>The state key of an assignment on <paramref name="today"/>: overdue wins over the stored status.</summary>
    public static string KeyOf(AssignmentRecord a, int? planYear, DateOnly today) =>
        DueFormat.IsOverdue(a.State, a.Deadlines, planYear, today) ? "overdue" : a.State.Status switch
        {
            AssignmentStatus.Assigned => "assigned",
            AssignmentStatus.Acknowledged => "acknowledged",
            AssignmentStatus.InProgress => "inProgress",
            _ => "done",
        };

    public static string Label(string key, bool english) => (key, english) switch
    {
        ("assigned", false) => "Đã giao",
        ("acknowledged", false) => "Đã nhận",
        ("inProgress", false) => "Đang thực hiện",
        ("done", false) => "Hoàn thành",
        ("overdue", false) => "Quá hạn",
        ("assigned", true) => "Assigned",
        ("acknowledged", true) => "Acknowledged",
        ("inProgress", true) => "In progress",
        ("done", true) => "Done",
        ("overdue", true) => "Overdue",
        _ => key,
    };
}
