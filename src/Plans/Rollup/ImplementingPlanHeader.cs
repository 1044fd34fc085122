namespace TeamsPlans.Plans.Rollup;

/// <summary>A unit's plan citing the department plan, as the roll-up lists it: where it lives and what identifies it.</summary>
public sealed record ImplementingPlanHeader(string TenantId, string PlanId, string? Number, string Title, DateOnly? IssuedOn);
