using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Tab.Rollup;

/// <summary>
/// Filters of the department roll-up: unit kind, parent unit (code, any depth), department plan number (contains), the
/// reporting year (the periods counted, as "tổng hợp đơn vị … 2023" in chat; default this year), a state key
/// (<see cref="Api.TabStates"/>: units with at least one item in it) or a light ("red", "orange", "green"), search by the
/// unit's code or name.
/// </summary>
public sealed record RollupFilter(UnitKind? Kind, string? Parent, string? Number, int? Year, string? State, string? Search)
{
    public static RollupFilter None { get; } = new(null, null, null, null, null, null);
}
