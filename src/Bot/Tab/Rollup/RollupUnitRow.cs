namespace TeamsPlans.Bot.Tab.Rollup;

/// <summary>
/// One unit of the department roll-up: its directory facts, its light over the plans counted ("red", "orange", "green";
/// "none" when no plan gives it a due item) and how many of its items (implementing plans, periodic reports) are in each
/// of the four states, by <see cref="Api.TabStates"/> key.
/// </summary>
public sealed record RollupUnitRow(
    string Code, string Name, string Kind, string KindLabel, string? Parent, string? ParentName, string Light, string LightLabel,
    IReadOnlyDictionary<string, int> Counts, int Total, int Plans);
