namespace TeamsPlans.Plans.Scheduling;

/// <summary>The names of the four <see cref="OfficialState"/>s as offices write them (Vietnamese) and in English; also
/// short codes for exports and Planner labels.</summary>
public static class OfficialStateLabels
{
    public static string Vi(OfficialState s) => s switch
    {
        OfficialState.DoneOnTime => "Hoàn thành đúng hạn",
        OfficialState.DoneLate => "Hoàn thành quá hạn",
        OfficialState.OpenWithinDeadline => "Chưa hoàn thành, còn trong hạn",
        _ => "Chưa hoàn thành, quá hạn",
    };

    public static string En(OfficialState s) => s switch
    {
        OfficialState.DoneOnTime => "Done on time",
        OfficialState.DoneLate => "Done late",
        OfficialState.OpenWithinDeadline => "Not done, within the deadline",
        _ => "Not done, overdue",
    };

    public static string For(OfficialState s, bool vietnamese) => vietnamese ? Vi(s) : En(s);

    /// <summary>Stable code for CSV exports and Planner ("done-on-time", "done-late", "open", "overdue").</summary>
    public static string Code(OfficialState s) => s switch
    {
        OfficialState.DoneOnTime => "done-on-time",
        OfficialState.DoneLate => "done-late",
        OfficialState.OpenWithinDeadline => "open",
        _ => "overdue",
    };
}
