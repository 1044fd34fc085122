namespace TeamsPlans.Plans.Units;

/// <summary>
/// One unit or one set of units an assignee names. A named unit has <see cref="Name"/> ("Văn phòng Sở", "Tổ Ngữ văn") and
/// its kind when the name tells it; a set has <see cref="Name"/> null and the kinds it covers ("các trường THPT" →
/// HighSchool), an empty <see cref="Kinds"/> meaning every unit under the issuer ("các đơn vị trực thuộc").
/// </summary>
public sealed record UnitSelector(string? Name, IReadOnlyList<UnitKind> Kinds)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsSet => Name is null;
    /// <summary>The words as printed ("các trường Trung học phổ thông").</summary>
    public string Text { get; init; } = "";

    public bool Equals(UnitSelector? other) => other is not null && Name == other.Name && Text == other.Text && Kinds.SequenceEqual(other.Kinds);
    public override int GetHashCode() => HashCode.Combine(Name, Text, Kinds.Count);
}
