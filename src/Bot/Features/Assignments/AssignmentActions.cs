namespace TeamsPlans.Bot.Features.Assignments;

/// <summary>
/// The buttons of the assignment card: "Xác nhận" (ack), "Cập nhật tiến độ" (progress), "Hoàn thành" (done) by the
/// assignee; "refresh" and "openPlan" also by principals (read-only view). A click on a card older than the stored state
/// changes nothing and answers with the current card; a concurrent change is re-applied once on the new version.
/// </summary>
internal sealed class AssignmentActions(IStateStore store, AssignmentCardFactory cards, AssignmentChangeNotifier notifier,
    TimeProvider time, ILogger<AssignmentActions> logger)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var (tenantId, userKey, verb, data, view) = (action.TenantId, action.UserKey, action.Verb, action.Data, action.State.View);
        var id = data.String("assignmentId");
        if (id is null) return CardActionResult.Fail(400, "BadRequest", "Thiếu mã nhiệm vụ.", "The card has no assignment id.");
        var record = await store.Assignments.GetAsync(tenantId, id, ct).ConfigureAwait(false);
        if (record is null) return CardActionResult.Fail(404, "NotFound", "Không tìm thấy nhiệm vụ.", "The assignment was not found.");
        var plan = await store.Plans.GetAsync(tenantId, record.PlanId, ct).ConfigureAwait(false);
        if (plan is null) return CardActionResult.Fail(404, "NotFound", "Không tìm thấy kế hoạch.", "The plan was not found.");

        var isAssignee = record.MemberAadObjectId is not null && string.Equals(record.MemberAadObjectId, userKey, StringComparison.OrdinalIgnoreCase);
        if (!(isAssignee || action.State.CanManage) || (!isAssignee && verb is CardVerbs.Ack or CardVerbs.Progress or CardVerbs.Done))
        {
            logger.LogWarning("Refused {Verb} on {AssignmentId} in {TenantId}: {UserId} is not the assignee", verb, id, tenantId, userKey);
            return CardActionResult.Fail(403, "NotAssignee", "Bạn không phải người được giao nhiệm vụ này.", "You are not the assignee of this assignment.");
        }

        if (verb == CardVerbs.OpenPlan)
        {
            var all = await store.Assignments.ListByPlanAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
            await action.State.Turn.SendAsync(AssignmentCards.PlanSummary(plan, all.OrderBy(a => a.Ordinal).ToList(), view).ToMessage(), ct).ConfigureAwait(false);
        }
        if (verb is CardVerbs.Refresh or CardVerbs.OpenPlan)
            return CardActionResult.Ok(await cards.ForViewerAsync(plan, record, view, isAssignee, ct).ConfigureAwait(false));

        // A card older than the stored state shows stale buttons: answer with the current state, change nothing.
        var cardVersion = data.Int("version");
        if (cardVersion is not null && cardVersion < record.State.Version)
        {
            logger.LogInformation("Stale card for {AssignmentId} in {TenantId}: version {CardVersion} < {Version}", id, tenantId, cardVersion, record.State.Version);
            return CardActionResult.Ok(await cards.ForViewerAsync(plan, record, view, true, ct).ConfigureAwait(false));
        }

        var comment = data.String(CardVerbs.CommentInput);
        if (comment is { Length: > 500 }) comment = comment[..500];
        var percent = verb == CardVerbs.Progress ? data.Int(CardVerbs.PercentInput) : null;
        if (verb == CardVerbs.Progress && percent is not (0 or 50 or 100))
            return CardActionResult.Fail(400, "BadPercent", "Tiến độ phải là 0%, 50% hoặc 100%.", "Progress must be 0%, 50% or 100%.");
        var act = verb switch { CardVerbs.Ack => AssignmentAction.Acknowledge, CardVerbs.Done => AssignmentAction.Done, _ => AssignmentAction.Progress };

        var current = await ApplyAsync(plan, record, userKey, act, percent, comment, ct).ConfigureAwait(false);
        if (current is null) return CardActionResult.Fail(404, "NotFound", "Không tìm thấy nhiệm vụ.", "The assignment was not found.");
        return CardActionResult.Ok(await cards.ForViewerAsync(plan, current, view, true, ct).ConfigureAwait(false));
    }

    /// <summary>Applies the action on the stored version; on a concurrent change reloads and re-applies once. Null: the assignment is gone.</summary>
    private async Task<AssignmentRecord?> ApplyAsync(StoredPlan plan, AssignmentRecord record, string userKey, AssignmentAction act,
        int? percent, string? comment, CancellationToken ct)
    {
        var (tenantId, id) = (plan.TenantId, record.AssignmentId);
        var current = record;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var next = current.State.Apply(act, time.GetUtcNow(), percent, comment);
            if (next == current.State) break; // second click: nothing changes, same card
            var (updated, stored) = await store.Assignments.TryUpdateStateAsync(tenantId, id, current.State.Version, next, ct).ConfigureAwait(false);
            if (stored is null) return null;
            if (updated)
            {
                logger.LogInformation("{Action} on {AssignmentId} of {PlanId} in {TenantId} by {AadObjectId}: version {Version}",
                    act, id, plan.PlanId, tenantId, userKey, stored.State.Version);
                await notifier.NotifyAsync(new AssignmentChange(tenantId, id, plan.PlanId, userKey, act, current.State, stored, time.GetUtcNow()), ct).ConfigureAwait(false);
                return stored;
            }
            logger.LogInformation("Concurrent change of {AssignmentId} in {TenantId}; re-applying on version {Version}", id, tenantId, stored.State.Version);
            current = stored; // reload and re-apply once
        }
        return current;
    }
}
