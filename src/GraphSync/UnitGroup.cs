using TeamsPlans.Plans.Units;

namespace TeamsPlans.GraphSync;

/// <summary>
/// A Microsoft 365 group (or team) standing for a unit: <see cref="Code"/> is the mã đơn vị taken from its mail nickname
/// ("dv-thpt07" → "THPT07", see <see cref="Graph.GraphUnitGroups"/>), owners and direct members as Entra users.
/// </summary>
public sealed record UnitGroup(string GroupId, string Code, string DisplayName, string? Description, bool IsTeam,
    IReadOnlyList<UnitContact> Owners, IReadOnlyList<UnitContact> Members);
