using TeamsPlans.Plans.Units;

namespace TeamsPlans.GraphSync;

/// <summary>The units made from the groups (stored unless a dry run), how many were new, and what was wrong group by group.</summary>
public sealed record UnitGroupSyncResult(IReadOnlyList<Unit> Units, int Added, int GroupsRead, IReadOnlyList<UnitGroupProblem> Problems)
{
    public string Summary(bool english) => english
        ? $"{Units.Count} of {GroupsRead} unit groups read ({Added} new units)"
        : $"Đọc được {Units.Count}/{GroupsRead} nhóm đơn vị ({Added} đơn vị mới)";
}
