namespace TeamsPlans.Bot.Features.Status;

/// <summary>One line of "hạn sắp tới": the plan's number, the assignment and its next deadline.</summary>
internal sealed record DeadlineRow(string? PlanNumber, AssignmentRecord Assignment, Deadline Deadline, DateOnly Day);
