using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage;

public interface IAssignmentStore
{
    /// <summary>Inserts or replaces the assignments of a plan (by AssignmentId).</summary>
    Task UpsertManyAsync(IReadOnlyList<AssignmentRecord> assignments, CancellationToken ct = default);
    Task<AssignmentRecord?> GetAsync(string tenantId, string assignmentId, CancellationToken ct = default);
    Task<IReadOnlyList<AssignmentRecord>> ListByPlanAsync(string tenantId, string planId, CancellationToken ct = default);
    Task<IReadOnlyList<AssignmentRecord>> ListByMemberAsync(string tenantId, string aadObjectId, CancellationToken ct = default);
    /// <summary>
    /// Optimistic update: succeeds only if the stored state's Version equals <paramref name="expectedVersion"/>.
    /// Returns the stored record after the call (updated, or the current one when the version did not match).
    /// </summary>
    Task<(bool Updated, AssignmentRecord? Current)> TryUpdateStateAsync(string tenantId, string assignmentId, int expectedVersion,
        AssignmentState newState, CancellationToken ct = default);
    Task SetMemberAsync(string tenantId, string assignmentId, string? aadObjectId, CancellationToken ct = default);
    Task SetCardAsync(string tenantId, string assignmentId, string activityId, string conversationId, CancellationToken ct = default);
}
