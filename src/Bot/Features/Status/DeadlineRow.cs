namespace TeamsPlans.Bot.Features.Status;

/// <summary>One line of "hạn sắp tới": the plan, the assignment and its next deadline.</summary>
internal sealed record DeadlineRow(StoredPlan Plan, AssignmentRecord Assignment, Deadline Deadline, DateOnly Day);
