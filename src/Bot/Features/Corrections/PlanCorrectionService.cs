using TeamsPlans.Bot.Security;
using TeamsPlans.Bot.Features.Import;

namespace TeamsPlans.Bot.Features.Corrections;

/// <summary>
/// A revised document of a published plan (same number re-imported): the correction card showing what changed. The
/// revised document waits in the state store (scope "correction", per plan, 24 hours) until the principal confirms.
/// </summary>
internal sealed class PlanCorrectionService(IStateStore store, TimeProvider time, ILogger<PlanCorrectionService> logger) : IPublishedPlanRevision
{
    public const string Scope = "correction";
    public static readonly TimeSpan PendingTtl = TimeSpan.FromHours(24);

    public async Task<AdaptiveCard?> DiffCardAsync(TurnState state, StoredPlan published, PlanDocument revised, string fileName, CancellationToken ct,
        string? amendingNumber = null)
    {
        if (!state.CanManage) return null;
        var revision = await PlanRevision.ComputeAsync(store, published, revised, ct).ConfigureAwait(false);
        // The same text again: the import preview of the published plan (unresolved assignees can still be mapped).
        if (revision.Diff.IsEmpty) return null;
        await store.Sync.PutAsync(new SyncEntry(published.TenantId, Scope, published.PlanId, fileName, null,
            TeamsPlans.Plans.Json.PlanJson.Serialize(revised, indented: false), time.GetUtcNow()), ct).ConfigureAwait(false);
        logger.LogInformation("Correction of {PlanId} in {TenantId} from {File}: {Changes} changes shown", published.PlanId, published.TenantId,
            LogText.Clean(fileName, 120), revision.Diff.Changes.Count(c => c.Kind != Plans.Corrections.AssignmentChangeKind.Unchanged));
        return CorrectionCards.Diff(revision, fileName, state.View, amendingNumber);
    }

    /// <summary>The revised document waiting for confirmation, or null (none, or older than <see cref="PendingTtl"/>).</summary>
    public async Task<PlanDocument?> PendingAsync(string tenantId, string planId, CancellationToken ct)
    {
        var entry = await store.Sync.GetAsync(tenantId, Scope, planId, ct).ConfigureAwait(false);
        if (entry?.DataJson is null || time.GetUtcNow() - entry.UpdatedAt > PendingTtl) return null;
        return TeamsPlans.Plans.Json.PlanJson.Deserialize(entry.DataJson);
    }

    public Task ClearAsync(string tenantId, string planId, CancellationToken ct) => store.Sync.DeleteAsync(tenantId, Scope, planId, ct);
}
