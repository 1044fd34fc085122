namespace TeamsPlans.Plans.Rollup;

/// <summary>One unit (tenant) in a department roll-up: its implementing plans and, per occurrence, whether it reported.</summary>
public sealed record UnitRollup(
    string TenantId, IReadOnlyList<ImplementingPlanRef> ImplementingPlans, IReadOnlyList<RollupPeriodStatus> Periods)
{
    public bool IssuedImplementingPlan => ImplementingPlans.Count > 0;
    public int OverdueCount => Periods.Count(p => p.Overdue);
}
