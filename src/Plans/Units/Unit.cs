namespace TeamsPlans.Plans.Units;

/// <summary>
/// A unit in a tenant's directory: a Sở, one of its phòng, a Phòng GD&amp;ĐT, a school, a centre, a subject group, a union.
/// <see cref="Code"/> (mã đơn vị / mã trường) is unique in the tenant and compared as <see cref="NormalizeCode"/> does;
/// <see cref="ParentCode"/> is the unit above it. Renaming and re-parenting keep the code (the store keeps the history).
/// </summary>
public sealed record Unit(string TenantId, string Code, string Name, UnitKind Kind, string? ParentCode)
{
    /// <summary>The head (Thủ trưởng, Giám đốc, Trưởng phòng, Hiệu trưởng, Tổ trưởng, Bí thư): receives the unit's duties.</summary>
    public UnitContact? Head { get; init; }
    /// <summary>Further people who receive the unit's duties with the head (văn thư, phó phòng).</summary>
    public IReadOnlyList<UnitContact> Contacts { get; init; } = [];
    /// <summary>The unit's Microsoft 365 group / team id, when it has one.</summary>
    public string? GroupId { get; init; }
    /// <summary>The unit's own Entra tenant, when it runs TeamsPlans in a tenant of its own (school tenants).</summary>
    public string? OwnTenantId { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The people a duty given to the unit goes to: the head first, then the contacts, each once.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<UnitContact> Recipients =>
        (Head is null ? Contacts : [Head, .. Contacts]).DistinctBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>"  thpt-bk 01 " → "THPT-BK01": trimmed, spaces removed, upper case (codes are ASCII in practice).</summary>
    public static string NormalizeCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Concat(code.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }
}
