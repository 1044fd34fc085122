namespace TeamsPlans.Plans.Rollup;

/// <summary>A unit's plan that implements the department plan (cites its number in its legal bases).</summary>
public sealed record ImplementingPlanRef(string PlanId, string? Number, string Title, DateOnly? IssuedOn);
