namespace TeamsPlans.Plans.Units;

/// <summary>Which units of the roll-up to show: of these kinds (any when empty), below this parent unit at any depth (any when null).</summary>
public sealed record UnitRollupFilter(IReadOnlyCollection<UnitKind> Kinds, string? ParentCode)
{
    public static UnitRollupFilter All { get; } = new([], null);
    public bool IsAll => Kinds.Count == 0 && ParentCode is null;
}
