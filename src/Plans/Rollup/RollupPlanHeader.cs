namespace TeamsPlans.Plans.Rollup;

/// <summary>An implementing plan as the roll-up lists it, without its document: where it lives, number, title, issue date.</summary>
public sealed record RollupPlanHeader(string TenantId, string PlanId, string? Number, string Title, DateOnly? IssuedOn);
