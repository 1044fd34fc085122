using TeamsPlans.Bot.Features.Review;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>
/// A unit head's "Chấp nhận" on the report of a member carrying out the unit's duty (issue #14): the head answers for the
/// unit, so the report goes up in the unit's name — sent up by the head (<see cref="HistoryEvent.ReportForwarded"/>, the same
/// round as the member's hand-in; the history keeps both), the review card to the
/// plan's receiver, whose acceptance alone finishes the duty. "Trả lại" stays the review's own (back to the member).
/// </summary>
internal sealed class UnitReportForward(IStateStore store, ReviewRequester reviewers, ILogger<UnitReportForward> logger)
{
    /// <summary>Whether the report handed in (<paramref name="handIn"/>) is the unit head's to review first.</summary>
    public async Task<bool> ReviewsFirstAsync(AssignmentRecord a, HistoryEntry handIn, CancellationToken ct) =>
        UnitHeads.ReviewsFirst(a, await UnitHeads.OfAsync(store, a, ct).ConfigureAwait(false), handIn.Actor);

    public async Task<CardActionResult> ForwardAsync(CardActionContext action, StoredPlan plan, AssignmentRecord a, HistoryEntry handIn,
        CancellationToken ct)
    {
        var report = (await store.Reports.ListByAssignmentAsync(action.TenantId, a.AssignmentId, ct).ConfigureAwait(false)).MaxBy(r => r.SubmittedAt);
        if (report is null) return CardActionResult.Fail(409, "NotAwaiting", ReviewTexts.Vi.NotAwaiting, ReviewTexts.En.NotAwaiting);
        var name = action.State.Member?.DisplayName ?? action.State.Activity.From?.Name ?? action.UserKey;
        // The member's summary goes up with it; the hand-in is the head's (the receiver sees the unit's head as its sender).
        // Sent up, not handed in again: the same round (the history says so), not a new one for the receiver.
        await reviewers.OnReportForwardedAsync(plan, a, report with { SubmittedBy = action.UserKey }, name, handIn.Detail, ct).ConfigureAwait(false);
        logger.LogInformation("Report {ReportId} of {AssignmentId} in {TenantId} accepted by the unit head {AadObjectId} and sent up",
            report.ReportId, a.AssignmentId, action.TenantId, action.UserKey);
        var t = UnitHandOverTexts.For(action.State.View);
        var title = t.SentUp(a.Assignee.Unit!, handIn.ActorName ?? handIn.Actor);
        return CardActionResult.Ok(PlanCards.Notice(title, [a.Duty], action.State.View, "good"));
    }
}
