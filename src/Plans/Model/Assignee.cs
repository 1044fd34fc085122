namespace TeamsPlans.Plans.Model;

/// <summary>Who a duty goes to: a named person (with honorific dropped), a role/title, or a unit.</summary>
public sealed record Assignee(string? Name, string? Title, string? Unit)
{
    public string Display => Name ?? Title ?? Unit ?? "";
    /// <summary>Role in the plan's organization ("Trưởng ban chỉ đạo", "Phó ban thường trực", "Thành viên"), when printed.</summary>
    public string? Role { get; init; }
    /// <summary>Person, role, unit or set of units, read after parsing by <see cref="Units.AssigneeKindClassifier"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Units.AssigneeTarget? Target { get; init; }
}
