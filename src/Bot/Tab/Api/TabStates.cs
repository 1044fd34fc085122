using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Tab.Api;

/// <summary>
/// The one place the tab (pages, JSON, Excel) names an assignment's state: the four official states
/// (<see cref="OfficialState"/>, issue 15) computed by <see cref="OfficialStateCalculator"/> on the stored assignment, keyed
/// by <see cref="OfficialStateLabels.Code"/> ("done-on-time", "done-late", "open", "overdue").
/// </summary>
internal static class TabStates
{
    /// <summary>The working-day calendar the reminders use by default (Mon–Fri minus the statutory holidays).</summary>
    private static readonly OfficialStateCalculator Calculator = new(new ReminderCalendar());

    public static readonly IReadOnlyList<string> Keys = [.. Enum.GetValues<OfficialState>().Select(OfficialStateLabels.Code)];

    /// <summary>The official state of an assignment on <paramref name="today"/> (Asia/Ho_Chi_Minh).</summary>
    public static OfficialState StateOf(AssignmentRecord a, int? planYear, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Calculator.Of(a.State, a.Deadlines, planYear, today);
    }

    /// <summary>The state key of an assignment on <paramref name="today"/>.</summary>
    public static string KeyOf(AssignmentRecord a, int? planYear, DateOnly today) => OfficialStateLabels.Code(StateOf(a, planYear, today));

    public static string Label(string key, bool english) =>
        Enum.GetValues<OfficialState>().Where(s => OfficialStateLabels.Code(s) == key)
            .Select(s => OfficialStateLabels.For(s, !english)).FirstOrDefault() ?? key;
}
