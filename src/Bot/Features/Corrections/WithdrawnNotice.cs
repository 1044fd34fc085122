namespace TeamsPlans.Bot.Features.Corrections;

/// <summary>
/// What a card action answers when its assignment is no longer in the live tables: the "withdrawn" notice when a correction
/// withdrew it (<see cref="IAssignmentWithdrawal.IsWithdrawnAsync"/>), the plain 404 otherwise.
/// </summary>
internal static class WithdrawnNotice
{
    public static async Task<CardActionResult> OrNotFoundAsync(IStateStore store, CardActionContext action, string assignmentId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(action);
        if (AssignmentWithdrawals.For(store) is { } withdrawals
            && await withdrawals.IsWithdrawnAsync(action.TenantId, assignmentId, ct).ConfigureAwait(false))
        {
            var plan = action.Data.String("planId") is { } planId
                ? await store.Plans.GetAsync(action.TenantId, planId, ct).ConfigureAwait(false) : null;
            return CardActionResult.Ok(WithdrawnCards.Gone(plan, action.State.View));
        }
        return CardActionResult.Fail(404, "NotFound", "Không tìm thấy nhiệm vụ.", "The assignment was not found.");
    }
}
