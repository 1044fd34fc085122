using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

public enum UploadStatus { Uploaded, Queued, Failed }

/// <summary>Outcome of a submitted upload: the stored file, or queued for a retry (the error says why), or failed for good.</summary>
internal sealed record LibraryUploadResult(UploadStatus Status, LibraryFile? File, string TargetPath, string? Error);

/// <summary>
/// Uploads to the document libraries through the durable outbox (queue "outbox-library" of the state store): the content is
/// spooled to GraphSync:SpoolRoot, a work item keyed tenant|kind|target path|SHA-256 of the content is enqueued, then the
/// queue is drained. A throttled or failed upload stays queued and is retried with backoff (honouring Retry-After); a crash
/// between the upload and the commit leaves the item in flight, and after its lease the upload is repeated to the same
/// deterministic path with conflictBehavior=replace — never a second file. Submitting the same content to the same path
/// again costs no request.
/// </summary>
internal sealed class LibraryOutbox(IDocumentLibrary library, IWorkQueue queue, IOptions<GraphSyncOptions> options, TimeProvider time,
    ILogger<LibraryOutbox> logger)
{
    public const string Queue = "outbox-library";
    public const int MaxAttempts = 10;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly string _owner = $"library-{Environment.MachineName}-{Guid.NewGuid():N}"[..40];
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(10);

    sealed record UploadPayload(string Kind, string TenantId, string FileName, string? Period, PlanDocumentMetadata? Plan, ReportMetadata? Report,
        string Spool);

    string SpoolDir()
    {
        var dir = Path.GetFullPath(options.Value.SpoolRoot);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public Task<LibraryUploadResult> SubmitPlanDocumentAsync(string tenantId, string fileName, Stream content, PlanDocumentMetadata metadata,
        CancellationToken ct = default) =>
        SubmitAsync(tenantId, "plan", LibraryPaths.PlanDocumentPath(metadata, fileName), content,
            new UploadPayload("plan", tenantId, fileName, null, metadata, null, ""), ct);

    public Task<LibraryUploadResult> SubmitReportAsync(string tenantId, string period, string fileName, Stream content, ReportMetadata metadata,
        CancellationToken ct = default) =>
        SubmitAsync(tenantId, "report", LibraryPaths.ReportPath(metadata.PlanNumber, period, fileName), content,
            new UploadPayload("report", tenantId, fileName, period, null, metadata, ""), ct);

    async Task<LibraryUploadResult> SubmitAsync(string tenantId, string kind, string target, Stream content, UploadPayload payload,
        CancellationToken ct)
    {
        var dir = SpoolDir();
        var tmp = Path.Combine(dir, "tmp-" + Guid.NewGuid().ToString("N"));
        string sha;
        await using (var f = File.Create(tmp))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int n;
            while ((n = await content.ReadAsync(buffer, ct)) > 0) { hash.AppendData(buffer, 0, n); await f.WriteAsync(buffer.AsMemory(0, n), ct); }
            sha = Convert.ToHexString(hash.GetHashAndReset());
        }
        // The metadata is part of the key: the same bytes with new metadata is a new write.
        var meta = JsonSerializer.Serialize(new { payload.Plan, payload.Report }, Json);
        var key = $"{tenantId}|library.{kind}|{target}|{sha}|{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(meta)))[..16]}";
        var spool = Path.Combine(dir, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32]);
        var existing = await queue.GetAsync(tenantId, Queue, key, ct);
        if (existing is null)
        {
            File.Move(tmp, spool, overwrite: true);
            await queue.EnqueueAsync(tenantId, Queue, "library." + kind, key,
                JsonSerializer.Serialize(payload with { Spool = spool }, Json), null, ct);
            logger.LogInformation("Queued upload of {Path} for tenant {TenantId}", target, tenantId);
        }
        else if (existing.State == WorkState.Failed)
        {
            // Submitted again after a final failure: fresh copy, another round of attempts.
            File.Move(tmp, spool, overwrite: true);
            await queue.RequeueFailedAsync(tenantId, Queue, key, ct);
        }
        else File.Delete(tmp); // already queued or done: the first submission's copy is used, nothing is sent twice
        await DrainAsync(ct);
        var item = await queue.GetAsync(tenantId, Queue, key, ct);
        return item?.State switch
        {
            WorkState.Done =>
                new(UploadStatus.Uploaded, item.ResultJson is { } j ? JsonSerializer.Deserialize<LibraryFile>(j, Json) : null, target, null),
            WorkState.Failed or WorkState.Blocked => new(UploadStatus.Failed, null, target, item.LastError),
            _ => new(UploadStatus.Queued, null, target, item?.LastError),
        };
    }

    /// <summary>Performs the due uploads (also those left in flight by a crashed process once their lease has expired).</summary>
    public async Task<(int Completed, int Retried, int Failed)> DrainAsync(CancellationToken ct = default)
    {
        int completed = 0, retried = 0, failed = 0;
        for (var round = 0; round < 100; round++)
        {
            var items = await queue.ClaimAsync(Queue, _owner, 20, Lease, ct);
            if (items.Count == 0) break;
            foreach (var item in items)
            {
                var p = JsonSerializer.Deserialize<UploadPayload>(item.PayloadJson, Json);
                if (p is null || !File.Exists(p.Spool))
                {
                    await queue.FailAsync(item.Id, _owner, WorkState.Failed, "Tệp chờ tải lên đã mất / the spooled file is missing", ct);
                    failed++;
                    continue;
                }
                try
                {
                    LibraryFile file;
                    await using (var s = File.OpenRead(p.Spool))
                        file = p.Kind == "plan"
                            ? await library.UploadPlanDocumentAsync(p.TenantId, p.FileName, s, p.Plan!, ct)
                            : await library.UploadReportAsync(p.TenantId, p.Period ?? "", p.FileName, s, p.Report!, ct);
                    await queue.CompleteAsync(item.Id, _owner, JsonSerializer.Serialize(file, Json), ct);
                    File.Delete(p.Spool);
                    completed++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var message = ex is GraphSyncException g ? g.Message : $"Tải lên lỗi / upload failed: {ex.Message}";
                    if (item.Attempts + 1 >= MaxAttempts)
                    {
                        logger.LogError(ex, "Upload {ItemId} for tenant {TenantId} failed for good after {Attempts} attempts", item.Id, item.TenantId,
                            item.Attempts + 1);
                        await queue.FailAsync(item.Id, _owner, WorkState.Failed, message, ct);
                        failed++;
                        continue;
                    }
                    var wait = PlannerSyncService.RetryDelay(item.Attempts, PlannerSyncService.RetryAfterOf(ex));
                    logger.LogWarning(ex, "Upload {ItemId} for tenant {TenantId} retried in {WaitSeconds}s", item.Id, item.TenantId,
                        wait.TotalSeconds);
                    await queue.RetryAsync(item.Id, _owner, time.GetUtcNow() + wait, message, ct);
                    retried++;
                }
            }
        }
        return (completed, retried, failed);
    }
}
