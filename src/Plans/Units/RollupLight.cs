namespace TeamsPlans.Plans.Units;

/// <summary>A unit's colour in the department roll-up: red when something is overdue and not done, orange when something was
/// done late, green otherwise.</summary>
public enum RollupLight { Red, Orange, Green }
