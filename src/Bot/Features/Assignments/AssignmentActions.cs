using TeamsPlans.Bot.Security;

namespace TeamsPlans.Bot.Features.Assignments;

/// <summary>
/// The buttons of the assignment card: "Xác nhận" (ack), "Cập nhật tiến độ" (progress), "Hoàn thành" (done) by the
/// assignee; "refresh" and "openPlan" also by principals (read-only view). A click on a card older than the stored state
/// changes nothing and answers with the current card; under contention the change is retried until stored, or answered
/// "not saved" (503): never success for a change that was not stored.
/// </summary>
internal sealed class AssignmentActions(IStateStore store, AssignmentCardFactory cards, AssignmentChangeNotifier notifier,
    ContentionRetry contention, TimeProvider time, ILogger<AssignmentActions> logger, Review.OfficialStates states)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var (tenantId, userKey, verb, data, view) = (action.TenantId, action.UserKey, action.Verb, action.Data, action.State.View);
        var id = data.String("assignmentId");
        if (id is null) return CardActionResult.Fail(400, "BadRequest", "Thiếu mã nhiệm vụ.", "The card has no assignment id.");
        var record = await store.Assignments.GetAsync(tenantId, id, ct).ConfigureAwait(false);
        // A card of an assignment a correction withdrew: "Nhiệm vụ này đã được rút khỏi kế hoạch …", not a bare 404.
        if (record is null) return await Corrections.WithdrawnNotice.OrNotFoundAsync(store, action, id, ct).ConfigureAwait(false);
        var plan = await store.Plans.GetAsync(tenantId, record.PlanId, ct).ConfigureAwait(false);
        if (plan is null) return CardActionResult.Fail(404, "NotFound", "Không tìm thấy kế hoạch.", "The plan was not found.");

        var isAssignee = record.MemberAadObjectId is not null && string.Equals(record.MemberAadObjectId, userKey, StringComparison.OrdinalIgnoreCase);
        if (!(isAssignee || action.State.CanManage) || (!isAssignee && verb is CardVerbs.Ack or CardVerbs.Progress or CardVerbs.Done))
        {
            logger.LogWarning("Refused {Verb} on {AssignmentId} in {TenantId}: {UserId} is not the assignee", LogText.Clean(verb, 40),
                LogText.Clean(id, 120), tenantId, userKey);
            return CardActionResult.Fail(403, "NotAssignee", "Bạn không phải người được giao nhiệm vụ này.",
                "You are not the assignee of this assignment.");
        }

        if (verb == CardVerbs.OpenPlan)
        {
            var all = await store.Assignments.ListByPlanAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
            var ordered = all.OrderBy(a => a.Ordinal).ToList();
            var official = await states.StatesAsync(plan, ordered, view.Today, ct).ConfigureAwait(false);
            await action.State.Turn.SendAsync(AssignmentCards.PlanSummary(plan, ordered, view, official).ToMessage(), ct).ConfigureAwait(false);
        }
        if (verb is CardVerbs.Refresh or CardVerbs.OpenPlan)
            return CardActionResult.Ok(await cards.ForViewerAsync(plan, record, view, isAssignee, ct).ConfigureAwait(false));

        // A card older than the stored state shows stale buttons: answer with the current state, change nothing.
        var cardVersion = data.Int("version");
        if (cardVersion is not null && cardVersion < record.State.Version)
        {
            logger.LogInformation("Stale card for {AssignmentId} in {TenantId}: version {CardVersion} < {Version}", id, tenantId, cardVersion,
                record.State.Version);
            return CardActionResult.Ok(await cards.ForViewerAsync(plan, record, view, true, ct).ConfigureAwait(false));
        }

        var comment = data.String(CardVerbs.CommentInput);
        if (comment is { Length: > 500 }) comment = comment[..500];
        var percent = verb == CardVerbs.Progress ? data.Int(CardVerbs.PercentInput) : null;
        if (verb == CardVerbs.Progress && percent is not (0 or 50 or 100))
            return CardActionResult.Fail(400, "BadPercent", "Tiến độ phải là 0%, 50% hoặc 100%.", "Progress must be 0%, 50% or 100%.");
        var act = verb switch { CardVerbs.Ack => AssignmentAction.Acknowledge, CardVerbs.Done => AssignmentAction.Done,
            _ => AssignmentAction.Progress };
        // Issue 15: finished means accepted. While a report awaits review (or was returned), "done" keeps it in progress.
        if ((act == AssignmentAction.Done || percent == 100) && (await states.ReviewOfAsync(tenantId, id, ct).ConfigureAwait(false)).HoldsDone)
            (act, percent) = (AssignmentAction.Progress, 50);

        var outcome = await contention.UpdateStateAsync(store.Assignments, tenantId, id, record,
            state => state.Apply(act, time.GetUtcNow(), percent, comment), ct).ConfigureAwait(false);
        switch (outcome.Result)
        {
            case ContentionResult.NotFound:
                return await Corrections.WithdrawnNotice.OrNotFoundAsync(store, action, id, ct).ConfigureAwait(false);
            case ContentionResult.NotSaved:
                logger.LogWarning("{Action} on {AssignmentId} in {TenantId} by {AadObjectId} not saved after {Attempts} attempts ({Conflicts} " +
                    "conflicts)",
                    act, id, tenantId, userKey, outcome.Attempts, outcome.Conflicts);
                return CardActionResult.Fail(503, "NotSaved", "Chưa lưu được thay đổi vì nhiều người đang cập nhật cùng lúc. Vui lòng thử lại.",
                    "Your change was not saved because of simultaneous updates. Please try again.");
            case ContentionResult.Saved:
                logger.LogInformation("{Action} on {AssignmentId} of {PlanId} in {TenantId} by {AadObjectId}: version {Version}",
                    act, id, plan.PlanId, tenantId, userKey, outcome.Current!.State.Version);
                await notifier.NotifyAsync(new AssignmentChange(tenantId, id, plan.PlanId, userKey, act, outcome.Previous, outcome.Current,
                    time.GetUtcNow()), ct).ConfigureAwait(false);
                break;
        }
        return CardActionResult.Ok(await cards.ForViewerAsync(plan, outcome.Current!, view, true, ct).ConfigureAwait(false));
    }
}
