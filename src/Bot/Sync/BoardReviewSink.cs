using TeamsPlans.GraphSync;

namespace TeamsPlans.Bot.Sync;

/// <summary>
/// A report handed in → its board task labelled "Chờ duyệt" (<see cref="PlannerLabels.AwaitingReview"/>) and never shown
/// completed while it awaits review (issue 15: counting follows acceptance), in the background. The acceptance or the
/// return then writes the task's official state (<see cref="OnReviewDecidedAsync"/>, <see cref="BoardStates"/>).
/// </summary>
internal sealed class BoardReviewSink(BoardStates boards, SyncLane lane) : IReportHandInSink, Features.Review.IReviewDecisionSink
{
    public Task OnReportHandedInAsync(StoredPlan plan, AssignmentRecord assignment, ReportSubmission report, string submitterName, string? summary,
        bool fromChat, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        lane.Post($"review {assignment.TenantId}/{assignment.AssignmentId} {report.ReportId}",
            c => boards.WriteAsync(assignment, c, PlannerLabels.AwaitingReview));
        return Task.CompletedTask;
    }

    /// <summary>Accepted or returned: the label follows the decision (a return re-opens the task even when its progress
    /// stays at 50 %, so no state change would carry it).</summary>
    public Task OnReviewDecidedAsync(AssignmentRecord assignment, bool accepted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        lane.Post($"decided {assignment.TenantId}/{assignment.AssignmentId} {(accepted ? "accepted" : "returned")}",
            c => boards.WriteAsync(assignment, c));
        return Task.CompletedTask;
    }
}
