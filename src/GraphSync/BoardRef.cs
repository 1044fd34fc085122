namespace TeamsPlans.GraphSync;

/// <summary>A board (Planner plan or local board) for one imported plan.</summary>
public sealed record BoardRef(string TenantId, string PlanId, string BoardId);
