using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Rollup;

/// <summary>A stored plan as the roll-up reads it: where it lives (tenant, id) and its parsed document.</summary>
public sealed record RollupPlan(string TenantId, string PlanId, PlanDocument Document)
{
    public string? Number => Document.Number;
    public string Title => Document.Title;
}
