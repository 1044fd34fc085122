namespace TeamsPlans.Plans.Units;

/// <summary>One occurrence of a periodic report of the department plan: its due date, its period key ("yyyy-MM-dd", the key
/// reports are handed in under) and what is due.</summary>
public sealed record UnitRollupPeriod(DateOnly Due, string Key, string What);
