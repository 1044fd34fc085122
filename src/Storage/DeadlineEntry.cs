namespace TeamsPlans.Storage;

/// <summary>One assignment of "hạn sắp tới" with its plan's number and year (yearly dates fall in that year).</summary>
public sealed record DeadlineEntry(AssignmentRecord Assignment, string? PlanNumber, int? PlanYear);
