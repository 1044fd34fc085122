namespace TeamsPlans.Plans.Units;

/// <summary>
/// A unit's implementing plan linked to the department plan it cites (the cascade of issue #14): department plan
/// (<see cref="TenantId"/>, <see cref="PlanId"/>), the unit, and the unit's plan (<see cref="ChildTenantId"/>,
/// <see cref="ChildPlanId"/>), which may live in the unit's own tenant.
/// </summary>
public sealed record UnitPlanLink(
    string TenantId, string PlanId, string UnitCode, string ChildTenantId, string ChildPlanId, string? ChildNumber, string ChildTitle,
    DateOnly? ChildIssuedOn, DateTimeOffset LinkedAt)
{
    /// <summary>Where the unit's plan document is (library copy), when known.</summary>
    public string? ChildDocumentUri { get; init; }
}
