using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Units;

/// <summary>One assignment of the department plan given to a unit, as the roll-up needs it.</summary>
/// <param name="LastDay">The duty's deadline (its last day), when it has a one-off one.</param>
public sealed record UnitDutyFact(string AssignmentId, string UnitCode, string Duty, AssignmentStatus Status, DateTimeOffset? CompletedAt,
    DateOnly? LastDay);
