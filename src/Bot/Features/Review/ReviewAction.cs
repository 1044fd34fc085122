using TeamsPlans.Bot.Features.Common;
using TeamsPlans.Bot.Features.History;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// "Chấp nhận" / "Trả lại" on the review card. Only the receiver of the report (or one who manages the tenant), never
/// its holder; only while a report awaits review. Accepting marks the assignment done (its official state follows the
/// acceptance day); returning needs a reason and re-opens a done assignment. Both are kept in the history (every round),
/// the holder's card is updated, and the reviewer's card shows the decision.
/// </summary>
internal sealed class ReviewAction(IStateStore store, AssignmentAccess access, HistoryRecorder history, ReviewRequester reviewers,
    ProactiveCards proactive, Assignments.AssignmentChangeNotifier notifier, ContentionRetry contention, TimeProvider time,
        ILogger<ReviewAction> logger,
    Units.UnitReportForward forward, IEnumerable<IReviewDecisionSink>? decisions = null)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var t = ReviewTexts.For(action.State.View);
        var (target, error) = await access.LoadAsync(action, ct).ConfigureAwait(false);
        if (target is null) return error!;
        var (plan, a) = (target.Plan, target.Assignment);
        var review = ReviewStatus.Of(await history.ListAsync(action.TenantId, a.AssignmentId, ct).ConfigureAwait(false));
        // A member's report on the unit's duty is the unit head's to review first (one who manages may still decide it);
        // the head's acceptance sends it up.
        var unitFirst = review.Phase == ReviewPhase.Awaiting && await forward.ReviewsFirstAsync(a, review.Latest!, ct).ConfigureAwait(false);
        var byUnitHead = unitFirst && target.IsUnitHead;
        if (unitFirst && !byUnitHead && !action.State.CanManage
            || !byUnitHead && (target.IsHolder || !await reviewers.IsReviewerAsync(plan, action.UserKey, action.State.CanManage,
                ct).ConfigureAwait(false)))
            return CardActionResult.Fail(403, "NotReviewer", ReviewTexts.Vi.ReviewerOnly, ReviewTexts.En.ReviewerOnly);
        if (review.Phase != ReviewPhase.Awaiting)
            return CardActionResult.Fail(409, "NotAwaiting", ReviewTexts.Vi.NotAwaiting, ReviewTexts.En.NotAwaiting);
        var accept = action.Verb == CardVerbs.Accept;
        if (byUnitHead && accept) return await forward.ForwardAsync(action, plan, a, review.Latest!, ct).ConfigureAwait(false);
        var reason = action.Data.String(CardVerbs.ReturnReasonInput)?.Trim();
        if (!accept && string.IsNullOrWhiteSpace(reason))
            return CardActionResult.Fail(400, "ReasonRequired", ReviewTexts.Vi.ReasonRequired, ReviewTexts.En.ReasonRequired);
        if (reason is { Length: > 500 }) reason = reason[..500];

        var outcome = await contention.UpdateStateAsync(store.Assignments, action.TenantId, a.AssignmentId, a,
            s => accept ? s.Apply(AssignmentAction.Done, time.GetUtcNow())
                : s.Status == AssignmentStatus.Done ? s.Apply(AssignmentAction.Progress, time.GetUtcNow(), 50) : s, ct).ConfigureAwait(false);
        if (outcome.Result is not (ContentionResult.Saved or ContentionResult.Unchanged))
            return CardActionResult.Fail(503, "NotSaved", "Chưa lưu được thay đổi, vui lòng thử lại.",
                "Your decision was not saved; please try again.");
        if (outcome.Result == ContentionResult.Saved) // the Planner mirror follows (100% when accepted, 50% when re-opened)
            await notifier.NotifyAsync(new AssignmentChange(action.TenantId, a.AssignmentId, plan.PlanId, action.UserKey,
                accept ? AssignmentAction.Done : AssignmentAction.Progress, outcome.Previous, outcome.Current!, time.GetUtcNow()), ct)
                    .ConfigureAwait(false);
        var name = action.State.Member?.DisplayName ?? action.State.Activity.From?.Name;
        await history.RecordAsync(a, accept ? HistoryEvent.Accepted : HistoryEvent.Returned, action.UserKey, name, HistorySource.Card,
            accept ? null : reason, ct).ConfigureAwait(false);
        logger.LogInformation("Report of {AssignmentId} in {TenantId} {Decision} by {AadObjectId} (round {Round})",
            a.AssignmentId, action.TenantId, accept ? "accepted" : "returned", action.UserKey, review.Rounds);

        var current = outcome.Current!;
        foreach (var sink in decisions ?? []) await sink.OnReviewDecidedAsync(current, accept, ct).ConfigureAwait(false);
        await proactive.UpdateAssignmentCardAsync(plan, current, ct).ConfigureAwait(false);
        if (current.MemberAadObjectId is { } holder && !accept)
            await proactive.SendAsync(action.TenantId, holder, v => PlanCards.Notice(ReviewTexts.For(v).Returned(reason!), [a.Duty], v, "attention"),
                ct).ConfigureAwait(false);
        var after = await history.ListAsync(action.TenantId, a.AssignmentId, ct).ConfigureAwait(false);
        var reports = await store.Reports.ListByAssignmentAsync(action.TenantId, a.AssignmentId, ct).ConfigureAwait(false);
        var decided = ReviewStatus.Of(after);
        return CardActionResult.Ok(ReviewCards.Card(plan, current, review.Latest!, reports.MaxBy(r => r.SubmittedAt), review.Rounds, decided.Latest,
            action.State.View, after));
    }
}
