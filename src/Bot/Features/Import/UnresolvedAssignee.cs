namespace TeamsPlans.Bot.Features.Import;

/// <summary>An assignee picker line of the import preview: the assignment, and the members offered (best match first).</summary>
internal sealed record UnresolvedAssignee(AssignmentRecord Assignment, IReadOnlyList<Member> Candidates);
