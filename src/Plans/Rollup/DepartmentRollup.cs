namespace TeamsPlans.Plans.Rollup;

/// <summary>The roll-up of a department plan over its units for one year (<see cref="RollupService.BuildAsync"/>).</summary>
public sealed record DepartmentRollup(
    string TenantId, string PlanId, string? Number, string Title, int Year, DateOnly Today,
    IReadOnlyList<RollupOccurrence> Occurrences, IReadOnlyList<UnitRollup> Units);
