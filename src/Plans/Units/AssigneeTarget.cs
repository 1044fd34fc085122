namespace TeamsPlans.Plans.Units;

/// <summary>What <see cref="AssigneeKindClassifier"/> read an assignee as; <see cref="Units"/> holds the unit(s) or set(s) it names.</summary>
public sealed record AssigneeTarget(AssigneeKind Kind, IReadOnlyList<UnitSelector> Units)
{
    public static AssigneeTarget Person { get; } = new(AssigneeKind.Person, []);
    public static AssigneeTarget Role { get; } = new(AssigneeKind.Role, []);
    /// <summary>A unit's duty passed on inside the unit (not part of equality: a re-import matches the printed assignee).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public UnitHandOver? HandOver { get; init; }
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsUnits => Kind is AssigneeKind.Unit or AssigneeKind.UnitSet;

    // Value equality over the selectors, so an Assignee stays comparable by value (re-import keeps hand-made mappings).
    public bool Equals(AssigneeTarget? other) => other is not null && Kind == other.Kind && Units.SequenceEqual(other.Units);
    public override int GetHashCode() => HashCode.Combine(Kind, Units.Count, Units.Count > 0 ? Units[0].GetHashCode() : 0);
}
