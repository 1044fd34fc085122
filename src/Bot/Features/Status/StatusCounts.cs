using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>Counts of a plan's assignments by state.</summary>
internal sealed record StatusCounts(int Total, int Assigned, int Acknowledged, int InProgress, int Done, int Overdue)
{
    public static StatusCounts Of(IReadOnlyList<AssignmentRecord> list, int? planYear, DateOnly today) => new(
        list.Count,
        list.Count(a => a.State.Status == AssignmentStatus.Assigned),
        list.Count(a => a.State.Status == AssignmentStatus.Acknowledged),
        list.Count(a => a.State.Status == AssignmentStatus.InProgress),
        list.Count(a => a.State.Status == AssignmentStatus.Done),
        list.Count(a => DueFormat.IsOverdue(a.State, a.Deadlines, planYear, today)));
}
