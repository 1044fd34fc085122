using TeamsPlans.GraphSync;

namespace TeamsPlans.Bot.Sync;

/// <summary>
/// A report handed in → its board task labelled "Chờ duyệt" (<see cref="PlannerLabels.AwaitingReview"/>) and never shown
/// completed while it awaits review (issue 15: counting follows acceptance), in the background. The acceptance or the
/// return then writes the task's official state (<see cref="BoardProgressSink"/>).
/// </summary>
internal sealed class BoardReviewSink(PlannerSyncService sync, SyncLane lane, IStateStore store) : IReportHandInSink
{
    public Task OnReportHandedInAsync(StoredPlan plan, AssignmentRecord assignment, ReportSubmission report, string submitterName, string? summary,
        bool fromChat, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        lane.Post($"review {assignment.TenantId}/{assignment.AssignmentId} {report.ReportId}", async c =>
        {
            if (await store.Assignments.GetAsync(assignment.TenantId, assignment.AssignmentId, c).ConfigureAwait(false) is { } current)
                await sync.OnAssignmentChangedAsync(current, PlannerLabels.AwaitingReview, c).ConfigureAwait(false);
        });
        return Task.CompletedTask;
    }
}
