using TeamsPlans.Bot.Delivery;
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
    /// Queues the upload of the plan's source document into the plan library (<see cref="DeliveryKinds.PlanDocument"/>, run by
    /// <see cref="PlanDocumentFollowUp"/> after the publishing invoke has answered: an upload to SharePoint may take longer
    /// than the 15 s Teams gives an invoke). False when there is nothing to upload (no local source, or already stored).
    /// </summary>
    public async Task<bool> QueueDocumentAsync(string tenantId, string planId, CancellationToken ct)
    {
        var plan = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (plan is null || await SourceToUploadAsync(plan, ct).ConfigureAwait(false) is null) return false;
        var payload = new DeliveryPayload { TenantId = tenantId, Kind = DeliveryKinds.PlanDocument, MemberAadObjectId = SystemRecipient,
            PlanId = planId };
        // Not under the plan's delivery prefix: the plan's delivery counts are of messages to members.
        var key = $"plandoc|p:{Uri.EscapeDataString(planId)}|{Guid.NewGuid():N}";
        await store.Queue.EnqueueAsync(tenantId, DeliveryOptions.QueueName, DeliveryKinds.PlanDocument, key, payload.ToJson(), null,
            ct).ConfigureAwait(false);
        logger.LogInformation("Plan document of {PlanId} in {TenantId} queued for the plan library as {DeliveryKey}", planId, tenantId, key);
        return true;
    }

    /// <summary>The recipient field of queue items that go to no member (the plan document's upload).</summary>
    public const string SystemRecipient = "system";

    /// <summary>
    /// Uploads the plan's source document into the plan library (once; again only when the source changed) and points the
    /// stored plan at the library copy, so cards and Planner tasks link to SharePoint. Idempotent: a second run (a retry
    /// after a restart) finds the stored copy and does nothing. Failures throw (the queue retries them).
    /// </summary>
    /// <returns>The plan as stored and whether this call uploaded it.</returns>
    public async Task<(StoredPlan? Plan, bool Uploaded)> UploadDocumentAsync(string tenantId, string planId, CancellationToken ct)
    {
        var plan = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (plan is null || await SourceToUploadAsync(plan, ct).ConfigureAwait(false) is not { } path) return (plan, false);
        LibraryFile file;
        await using (var content = File.OpenRead(path))
        {
            var meta = new PlanDocumentMetadata(plan.Number ?? planId, plan.Document.Issuer, plan.Document.Year ?? plan.Document.IssuedOn?.Year,
                plan.Title, plan.Status.ToString());
            file = await library.UploadPlanDocumentAsync(tenantId, Path.GetFileName(path), content, meta, ct).ConfigureAwait(false);
        }
        // The plan as it is now (a card action may have changed it during the upload), pointed at the library copy.
        var current = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false) ?? plan;
        var updated = current with { DocumentUri = file.WebUrl, UpdatedAt = time.GetUtcNow() };
        await store.Plans.UpsertAsync(updated, ct).ConfigureAwait(false);
        await store.Sync.PutAsync(new SyncEntry(tenantId, DocumentScope, planId, file.Id, file.WebUrl, null, time.GetUtcNow()),
            ct).ConfigureAwait(false);
        logger.LogInformation("Plan document of {PlanId} in {TenantId} stored in the plan library as {FileId}", planId, tenantId, file.Id);
        return (updated, true);
    }

    /// <summary>The local source file still to be uploaded, or null (stored already, not a local file, gone).</summary>
    private async Task<string?> SourceToUploadAsync(StoredPlan plan, CancellationToken ct)
    {
        var known = await store.Sync.GetAsync(plan.TenantId, DocumentScope, plan.PlanId, ct).ConfigureAwait(false);
        if (known is not null && string.Equals(known.ETag, plan.DocumentUri, StringComparison.Ordinal)) return null;
        return plan.DocumentUri is { } uri && Uri.TryCreate(uri, UriKind.Absolute,
            out var u) && u.IsFile && File.Exists(u.LocalPath) ? u.LocalPath : null;
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
