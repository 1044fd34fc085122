namespace TeamsPlans.Storage;

/// <summary>
/// Takes an assignment out of a plan that is still a draft (the tab's import review: "Xóa" on an extracted item). A
/// published plan's assignments are never deleted (they are reassigned or closed), so the delete is refused for them.
/// Get it with <see cref="DraftAssignmentRemovals.For"/> from the state store.
/// </summary>
public interface IDraftAssignmentRemoval
{
    /// <summary>Deletes the assignment when it belongs to <paramref name="planId"/> and that plan is a draft; true when one was deleted.</summary>
    Task<bool> RemoveAsync(string tenantId, string planId, string assignmentId, CancellationToken ct = default);
}
