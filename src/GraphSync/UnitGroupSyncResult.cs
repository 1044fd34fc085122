using TeamsPlans.Plans.Units;

namespace TeamsPlans.GraphSync;

/// <summary>
/// The units made from the groups (stored unless a dry run), and how they compare with the directory before: new
/// (<see cref="Added"/>), changed (<see cref="Updated"/>: name, kind, parent, head, contacts or group), the same
/// (<see cref="Unchanged"/>); <see cref="Skipped"/> groups gave no unit, each with its reason in <see cref="Problems"/>.
/// </summary>
public sealed record UnitGroupSyncResult(IReadOnlyList<Unit> Units, int GroupsRead, IReadOnlyList<UnitGroupProblem> Problems)
{
    /// <summary>The codes of the units that were not in the directory.</summary>
    public IReadOnlyList<string> AddedCodes { get; init; } = [];
    /// <summary>The codes of the units the groups changed.</summary>
    public IReadOnlyList<string> UpdatedCodes { get; init; } = [];
    public int Added => AddedCodes.Count;
    public int Updated => UpdatedCodes.Count;
    public int Unchanged => Units.Count - Added - Updated;
    public int Skipped => Problems.Count(p => !p.Kept);

    public string Summary(bool english) => english
        ? $"{Units.Count} of {GroupsRead} unit groups read: {Added} added, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped"
        : $"Đọc được {Units.Count}/{GroupsRead} nhóm đơn vị: thêm {Added}, cập nhật {Updated}, giữ nguyên {Unchanged}, bỏ qua {Skipped}";
}
