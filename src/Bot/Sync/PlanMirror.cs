using TeamsPlans.GraphSync;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Sync;

/// <summary>
/// Mirrors a published plan into the school's Microsoft 365 (or the embedded library and board): the plan document
/// goes into the "Kế hoạch" library with its metadata, and the assignments and deadlines become board (Planner) tasks.
/// </summary>
internal sealed class PlanMirror(IStateStore store, IDocumentLibrary library, PlannerSyncService sync, TimeProvider time, ILogger<PlanMirror> logger)
{
    /// <summary>Sync scope remembering which library copy a plan's document was uploaded to (key = plan id).</summary>
    public const string DocumentScope = "plan-document";

    /// <summary>
    /// Uploads the plan's source document into the plan library (once; again only when the source changed) and points
    /// the stored plan at the library copy, so cards and Planner tasks link to SharePoint. Returns the plan as stored.
    /// A document that cannot be uploaded is logged and the plan keeps its current link: publishing never fails on it.
    /// </summary>
    public async Task<StoredPlan?> EnsureDocumentAsync(string tenantId, string planId, CancellationToken ct)
    {
        var plan = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (plan is null) return null;
        var known = await store.Sync.GetAsync(tenantId, DocumentScope, planId, ct).ConfigureAwait(false);
        if (known is not null && string.Equals(known.ETag, plan.DocumentUri, StringComparison.Ordinal)) return plan;
        if (plan.DocumentUri is not { } uri || !Uri.TryCreate(uri, UriKind.Absolute, out var u) || !u.IsFile || !File.Exists(u.LocalPath))
            return plan;
        try
        {
            LibraryFile file;
            await using (var content = File.OpenRead(u.LocalPath))
            {
                var meta = new PlanDocumentMetadata(plan.Number ?? planId, plan.Document.Issuer, plan.Document.Year ?? plan.Document.IssuedOn?.Year,
                    plan.Title, plan.Status.ToString());
                file = await library.UploadPlanDocumentAsync(tenantId, Path.GetFileName(u.LocalPath), content, meta, ct).ConfigureAwait(false);
            }
            var updated = plan with { DocumentUri = file.WebUrl, UpdatedAt = time.GetUtcNow() };
            await store.Plans.UpsertAsync(updated, ct).ConfigureAwait(false);
            await store.Sync.PutAsync(new SyncEntry(tenantId, DocumentScope, planId, file.Id, file.WebUrl, null, time.GetUtcNow()), ct)
                .ConfigureAwait(false);
            logger.LogInformation("Plan document of {PlanId} in {TenantId} stored in the plan library as {FileId}", planId, tenantId, file.Id);
            return updated;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Plan document of {PlanId} in {TenantId} not uploaded; cards keep the source link", planId, tenantId);
            return plan;
        }
    }

    /// <summary>Syncs the plan's assignments and deadlines to its board (enqueue in the outbox, then drain).</summary>
    public async Task<PlanSyncReport?> SyncBoardAsync(string tenantId, string planId, CancellationToken ct)
    {
        var plan = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (plan is null || plan.Status == PlanStatus.Draft) return null;
        var assignments = await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false);
        var report = await sync.SyncPlanAsync(tenantId, planId, plan.Document, assignments, plan.DocumentUri, ct).ConfigureAwait(false);
        logger.LogInformation("Board of {PlanId} in {TenantId}: {Tasks} tasks, {Created} created, {Updated} updated, {Unresolved} unresolved, " +
            "{Failures} failures",
            planId, tenantId, report.TasksPlanned, report.Created, report.Updated, report.Unresolved.Count, report.Failures.Count);
        return report;
    }
}
