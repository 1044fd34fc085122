namespace TeamsPlans.Bot.Tab.Rollup;

/// <summary>A unit's part of one department plan in the unit's detail: the plan and the unit's due items in it.</summary>
public sealed record RollupPlanDetail(string PlanId, string? Number, string Title, string Light, IReadOnlyList<RollupItem> Items);
