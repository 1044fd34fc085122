using System.Text.Json;
using Microsoft.Extensions.Logging;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

/// <summary>
/// Plan documents dropped into the plan library, imported exactly once each. A discovery pass (drive delta / folder scan)
/// queues every new document version in the state store (queue "inbox-plans", key tenant|file id|version) BEFORE the
/// delta cursor is stored; the queue is then worked: open, hand to the importer, complete. An importer failure is retried
/// with backoff (and reported after <see cref="MaxAttempts"/>); a crash anywhere finds the document again (cursor not yet
/// stored, or item still queued/in flight) and the idempotency key keeps it from being imported twice.
/// </summary>
public sealed class PlanDocumentInbox(IDocumentLibrary library, IWorkQueue queue, TimeProvider time, ILogger<PlanDocumentInbox> logger)
{
    public const string Queue = "inbox-plans";
    public const int MaxAttempts = 8;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly string _owner = $"inbox-{Environment.MachineName}-{Guid.NewGuid():N}"[..40];
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Queues the plan documents new in the tenant's plan library, then imports the due ones. Returns how many were imported.</summary>
    public async Task<int> DiscoverAndImportAsync(string tenantId, Func<string, LibraryFile, Stream, CancellationToken, Task> import,
        CancellationToken ct = default)
    {
        var found = await library.PeekNewPlanDocumentsAsync(tenantId, ct);
        var queued = 0;
        foreach (var f in found.Files)
            if (await queue.EnqueueAsync(tenantId,
                Queue, "plan.import", $"{tenantId}|{f.Id}|{f.Version ?? f.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                JsonSerializer.Serialize(f, Json), null, ct))
                queued++;
        await library.CommitDiscoveryAsync(tenantId, found, ct);
        if (queued > 0) logger.LogInformation("{Count} new plan documents queued for import in tenant {TenantId}", queued, tenantId);
        return await ImportDueAsync(import, ct);
    }

    /// <summary>Imports the queued documents that are due (of every tenant; retries and crashed-in-flight ones included).</summary>
    public async Task<int> ImportDueAsync(Func<string, LibraryFile, Stream, CancellationToken, Task> import, CancellationToken ct = default)
    {
        var imported = 0;
        for (var round = 0; round < 100; round++)
        {
            var items = await queue.ClaimAsync(Queue, _owner, 20, Lease, ct);
            if (items.Count == 0) break;
            foreach (var item in items)
            {
                var file = JsonSerializer.Deserialize<LibraryFile>(item.PayloadJson, Json);
                if (file is null) { await queue.FailAsync(item.Id, _owner, WorkState.Failed, "Mục nhập không hợp lệ / invalid inbox item", ct);
                    continue; }
                try
                {
                    await using (var s = await library.OpenAsync(item.TenantId, file, ct))
                        await import(item.TenantId, file, s, ct);
                    await queue.CompleteAsync(item.Id, _owner, null, ct);
                    imported++;
                    logger.LogInformation("Imported plan document {FileName} in tenant {TenantId}", file.Name, item.TenantId);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var reason = $"Không nhập được văn bản \"{file.Name}\": {ex.Message} / Could not import \"{file.Name}\": {ex.Message}";
                    if (item.Attempts + 1 >= MaxAttempts)
                    {
                        logger.LogError(ex, "Import of {FileName} in tenant {TenantId} failed for good after {Attempts} attempts", file.Name,
                            item.TenantId, item.Attempts + 1);
                        await queue.FailAsync(item.Id, _owner, WorkState.Failed, reason, ct);
                        continue;
                    }
                    var wait = PlannerSyncService.RetryDelay(item.Attempts, PlannerSyncService.RetryAfterOf(ex));
                    logger.LogWarning(ex, "Import of {FileName} in tenant {TenantId} retried in {WaitSeconds}s", file.Name, item.TenantId,
                        wait.TotalSeconds);
                    await queue.RetryAsync(item.Id, _owner, time.GetUtcNow() + wait, reason, ct);
                }
            }
        }
        return imported;
    }
}
