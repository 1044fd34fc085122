namespace TeamsPlans.Bot.Features.Common;

/// <summary>The assignment a card action names (data "assignmentId"), its plan, and whether the sender holds it.</summary>
internal sealed record AssignmentTarget(StoredPlan Plan, AssignmentRecord Assignment, bool IsHolder)
{
    /// <summary>The sender is the head (or a contact) of the unit the duty is given to (Units.UnitHeads).</summary>
    public bool IsUnitHead { get; init; }
}

/// <summary>
/// Loads the assignment of a card action for the features that act on one (history, review, comments, reassignment):
/// 400 without an id, 404 when the assignment or its plan is gone, 403 when the sender is neither its holder nor one who
/// manages (principals, committee heads, admins), nor the head of the unit the duty is given to (who answers for it when a
/// member carries it out).
/// </summary>
internal sealed class AssignmentAccess(IStateStore store, ILogger<AssignmentAccess> logger)
{
    public async Task<(AssignmentTarget? Target, CardActionResult? Error)> LoadAsync(CardActionContext action, CancellationToken ct)
    {
        var id = action.Data.String("assignmentId");
        if (id is null) return (null, CardActionResult.Fail(400, "BadRequest", "Thiếu mã nhiệm vụ.", "The card has no assignment id."));
        var record = await store.Assignments.GetAsync(action.TenantId, id, ct).ConfigureAwait(false);
        if (record is null) return (null, await Corrections.WithdrawnNotice.OrNotFoundAsync(store, action, id, ct).ConfigureAwait(false));
        var plan = await store.Plans.GetAsync(action.TenantId, record.PlanId, ct).ConfigureAwait(false);
        if (plan is null) return (null, CardActionResult.Fail(404, "NotFound", "Không tìm thấy kế hoạch.", "The plan was not found."));
        var holder = record.MemberAadObjectId is not null
            && string.Equals(record.MemberAadObjectId, action.UserKey, StringComparison.OrdinalIgnoreCase);
        var head = plan.HeadAadObjectId is not null && string.Equals(plan.HeadAadObjectId, action.UserKey, StringComparison.OrdinalIgnoreCase);
        var unitHead = await Units.UnitHeads.IsHeadAsync(store, record, action.UserKey, ct).ConfigureAwait(false);
        if (!(holder || head || unitHead || action.State.CanManage))
        {
            logger.LogWarning("Refused {Verb} on {AssignmentId} in {TenantId}: {UserId} neither holds nor manages it",
                Security.LogText.Clean(action.Verb, 40), Security.LogText.Clean(id, 120), action.TenantId, action.UserKey);
            return (null, CardActionResult.Fail(403, "NotAssignee", "Bạn không phải người được giao hoặc người quản lý nhiệm vụ này.",
                "You neither hold nor manage this assignment."));
        }
        return (new AssignmentTarget(plan, record, holder) { IsUnitHead = unitHead }, null);
    }
}
