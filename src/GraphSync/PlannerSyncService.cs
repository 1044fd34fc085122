using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

/// <summary>
/// The entry point for the bot: syncs imported plans to the board (Planner or local), pushes Teams progress to it,
/// polls it for changes made there. Every write is an item of the durable "outbox" queue whose idempotency key is
/// tenant|plan|task|operation|content-hash|previous-hash, so a replay (or a crash and restart) never writes twice, and a
/// sync with nothing changed enqueues nothing and sends nothing.
/// </summary>
public sealed class PlannerSyncService(ITaskBoard board, IDirectory directory, IWorkQueue queue, ISyncStateStore sync, TimeProvider time,
    ILogger<PlannerSyncService> logger)
{
    public const string Outbox = "outbox";
    /// <summary>After this many attempts an outbox item is marked Failed (visible to the admin; IWorkQueue.RequeueFailedAsync retries it).</summary>
    public const int MaxAttempts = 12;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly string _owner = $"graphsync-{Environment.MachineName}-{Guid.NewGuid():N}"[..40];
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    sealed record UpsertPayload(string PlanId, string BoardTitle, BoardTask Task, string Hash);
    sealed record ProgressPayload(string PlanId, string TaskKey, int Percent, string? Label = null);

    static string SentScope(string planId) => $"outbox-sent:{planId}";

    public static string Hash(BoardTask t)
    {
        var s = JsonSerializer.Serialize(t, Json);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..20];
    }

    public static string BoardTitle(string planId, PlanDocument plan)
    {
        var t = string.IsNullOrWhiteSpace(plan.Number) ? plan.Title : $"{plan.Number} – {plan.Title}";
        return string.IsNullOrWhiteSpace(t) ? planId : t;
    }

    /// <summary>
    /// Resolves assignees, builds the tasks, enqueues the ones whose content changed since the last successful write,
    /// then drains the outbox. Unresolved/ambiguous assignees are reported (their tasks are created unassigned).
    /// </summary>
    public async Task<PlanSyncReport> SyncPlanAsync(string tenantId, string planId, PlanDocument plan, IReadOnlyList<AssignmentRecord> assignments,
        string? documentUrl, CancellationToken ct = default)
    {
        using var op = GraphSyncTelemetry.Start("plan", tenantId);
        var ids = new Dictionary<string, IReadOnlyList<string>>();
        var unresolved = new List<AssigneeResolution>();
        foreach (var a in assignments)
        {
            if (a.MemberAadObjectId is { } m) { ids[a.AssignmentId] = [m]; continue; }
            var r = await directory.ResolveAsync(tenantId, a.Assignee, ct);
            if (r.Status == ResolutionStatus.Resolved) ids[a.AssignmentId] = r.Users.Select(u => u.Id).ToList();
            else unresolved.Add(r);
        }
        var tasks = PlanTaskBuilder.Build(plan, assignments, ids, documentUrl, TeamsPlans.Plans.Scheduling.VietnamTime.Today(time));
        if (tasks.Count > PlannerLimits.MaxTasksPerPlan)
            throw new PlannerLimitException("planner.tasks",
                $"Kế hoạch có {tasks.Count} nhiệm vụ; Planner cho phép tối đa {PlannerLimits.MaxTasksPerPlan} mỗi bảng.",
                $"The plan has {tasks.Count} tasks; Planner allows at most {PlannerLimits.MaxTasksPerPlan} per plan.");
        var title = BoardTitle(planId, plan);
        var sent = (await sync.ListAsync(tenantId, SentScope(planId), ct)).ToDictionary(e => e.Key, e => e.ETag);
        var enqueued = 0;
        foreach (var t in tasks)
        {
            var h = Hash(t);
            var prev = sent.GetValueOrDefault(t.Key);
            if (prev == h) continue;
            var key = $"{tenantId}|{planId}|{t.Key}|upsert|{h}|{prev ?? "-"}";
            if (await queue.EnqueueAsync(tenantId, Outbox, "planner.upsert", key,
                JsonSerializer.Serialize(new UpsertPayload(planId, title, t, h), Json), null, ct)) enqueued++;
        }
        logger.LogInformation("Plan {PlanId} in tenant {TenantId}: {Tasks} tasks, {Enqueued} writes enqueued, {Unresolved} unresolved assignees",
            planId, tenantId, tasks.Count, enqueued, unresolved.Count);
        // Also picks up items left by a crashed instance once their lease has expired; claiming is local, not Graph.
        var d = await DrainOutboxAsync(ct);
        op.Complete(tasks.Count);
        return new PlanSyncReport(planId, tasks.Count, enqueued, d.Created, d.Updated, d.Adopted, d.Conflicts, unresolved, d.RemoteChanges,
            d.Failures);
    }

    /// <summary>
    /// Teams side changed an assignment (acknowledge → 0, progress → 50, done → 100): enqueue the progress write and drain.
    /// (Adapt to the bot's IAssignmentChangeSink.)
    /// </summary>
    public Task OnAssignmentChangedAsync(AssignmentRecord record, CancellationToken ct = default) => OnAssignmentChangedAsync(record, null, ct);

    /// <param name="label">The assignment's official state code after the change (<see cref="PlannerLabels"/>), written as
    /// the task's label with the progress; null leaves the label alone.</param>
    /// <param name="revision">What else the label depends on besides the state's version (the bot passes the last history entry
    /// of the assignment: a report returned, then handed in again, relabels the same version twice).</param>
    public async Task OnAssignmentChangedAsync(AssignmentRecord record, string? label, CancellationToken ct = default, string? revision = null)
    {
        await EnqueueProgressAsync(record, label, ct, revision);
        await DrainOutboxAsync(ct);
    }

    /// <summary>
    /// Enqueues the progress and label write of one assignment without draining (a pass over many assignments drains once).
    /// The key holds the label and <paramref name="revision"/>: the same version relabelled (a deadline passed, a report
    /// returned) is a new write; a replay of the same change is not.
    /// </summary>
    /// <returns>False when the same write was enqueued before.</returns>
    public Task<bool> EnqueueProgressAsync(AssignmentRecord record, string? label, CancellationToken ct = default, string? revision = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var percent = record.State.Status switch
        {
            AssignmentStatus.Done => 100,
            AssignmentStatus.InProgress => 50, // Planner's "in progress"; the board keeps 0/50/100
            _ => 0,
        };
        // Issue 15: a task whose report awaits review never shows completed.
        if (label == PlannerLabels.AwaitingReview) percent = Math.Min(percent, 50);
        var key = $"{record.TenantId}|{record.PlanId}|{record.AssignmentId}|progress|{percent}|v{record.State.Version}"
            + $"|{label ?? "-"}|{revision ?? "-"}";
        return queue.EnqueueAsync(record.TenantId, Outbox, "planner.progress", key,
            JsonSerializer.Serialize(new ProgressPayload(record.PlanId, record.AssignmentId, percent, label), Json), null, ct);
    }

    /// <summary>Claims due outbox items and performs them: per plan, one board ensure + one batched upsert.</summary>
    public async Task<OutboxDrainResult> DrainOutboxAsync(CancellationToken ct = default)
    {
        using var op = GraphSyncTelemetry.Start("drain");
        int completed = 0, retried = 0, failed = 0, created = 0, updated = 0, adopted = 0, conflicts = 0;
        var changes = new List<RemoteChange>();
        var failures = new List<string>();
        for (var round = 0; round < 100; round++)
        {
            var items = await queue.ClaimAsync(Outbox, _owner, 1000, Lease, ct);
            if (items.Count == 0) break;
            foreach (var group in items.GroupBy(i => (i.TenantId, PlanOf(i))))
            {
                var (tenantId, planId) = group.Key;
                var upserts = group.Where(i => i.Kind == "planner.upsert")
                    .Select(i => (Item: i, P: JsonSerializer.Deserialize<UpsertPayload>(i.PayloadJson, Json)!)).ToList();
                var progress = group.Where(i => i.Kind == "planner.progress")
                    .Select(i => (Item: i, P: JsonSerializer.Deserialize<ProgressPayload>(i.PayloadJson, Json)!)).ToList();
                var other = group.Where(i => i.Kind is not ("planner.upsert" or "planner.progress")).ToList();
                foreach (var o in other) { await queue.FailAsync(o.Id, _owner, WorkState.Failed, $"Unknown kind {o.Kind}", ct); failed++; }
                try
                {
                    if (upserts.Count > 0)
                    {
                        // The latest item per task wins; older ones are superseded.
                        var latest = upserts.GroupBy(u => u.P.Task.Key).Select(g => g.OrderBy(u => u.Item.Id).Last()).ToList();
                        var b = await board.EnsureBoardAsync(tenantId, planId, latest[0].P.BoardTitle, ct);
                        var s = await board.UpsertTasksAsync(b, latest.Select(u => u.P.Task).ToList(), ct);
                        created += s.Created; updated += s.Updated; adopted += s.Adopted; conflicts += s.Conflicts;
                        changes.AddRange(s.RemoteChanges);
                        foreach (var u in latest)
                            await sync.PutAsync(new SyncEntry(tenantId, SentScope(planId), u.P.Task.Key, "", u.P.Hash, null, time.GetUtcNow()), ct);
                        foreach (var u in upserts) { await queue.CompleteAsync(u.Item.Id, _owner, null, ct); completed++; }
                    }
                    if (progress.Count > 0)
                    {
                        var known = await sync.GetAsync(tenantId, "board-plan", planId, ct);
                        foreach (var p in progress.GroupBy(p => p.P.TaskKey).Select(g => g.OrderBy(x => x.Item.Id).Last()))
                        {
                            if (known is not null)
                            {
                                try
                                {
                                    var s = await board.SetProgressAsync(new BoardRef(tenantId, planId, known.RemoteId), p.P.TaskKey, p.P.Percent,
                                        p.P.Label, ct);
                                    updated += s.Updated; conflicts += s.Conflicts; changes.AddRange(s.RemoteChanges);
                                }
                                catch (GraphSyncException ex) when (ex.Code == "board.unknownTask")
                                {
                                    // Not on the board yet: the next SyncPlanAsync creates it with the assignment's progress.
                                    logger.LogInformation("Task {TaskKey} of plan {PlanId} not on the board yet; " +
                                        "its progress goes with the next sync", p.P.TaskKey, planId);
                                }
                            }
                            else logger.LogInformation("No board yet for plan {PlanId}; progress of {TaskKey} kept for the next sync", planId,
                                p.P.TaskKey);
                        }
                        foreach (var p in progress) { await queue.CompleteAsync(p.Item.Id, _owner, null, ct); completed++; }
                    }
                }
                catch (PlannerLimitException ex)
                {
                    logger.LogError(ex, "Planner limit for plan {PlanId} in tenant {TenantId}: {Code}", planId, tenantId, ex.Code);
                    failures.Add(ex.Message);
                    foreach (var i in group.Except(other)) { await queue.FailAsync(i.Id, _owner, WorkState.Failed, ex.Message, ct); failed++; }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Outbox items for plan {PlanId} in tenant {TenantId} will be retried", planId, tenantId);
                    failures.Add(ex.Message);
                    var retryAfter = RetryAfterOf(ex);
                    foreach (var i in group.Except(other))
                    {
                        if (i.Attempts + 1 >= MaxAttempts)
                        {
                            logger.LogError("Outbox item {ItemId} of plan {PlanId} failed for good after {Attempts} attempts", i.Id, planId,
                                i.Attempts + 1);
                            await queue.FailAsync(i.Id, _owner, WorkState.Failed,
                                $"Đã thử {i.Attempts + 1} lần, không thành công / gave up after {i.Attempts + 1} attempts: {ex.Message}", ct);
                            failed++;
                            continue;
                        }
                        await queue.RetryAsync(i.Id, _owner, time.GetUtcNow() + RetryDelay(i.Attempts, retryAfter), ex.Message, ct);
                        retried++;
                    }
                }
            }
        }
        if (changes.Count > 0) await StashAsync(changes, ct);
        op.Complete(completed);
        return new OutboxDrainResult(completed, retried, failed, created, updated, adopted, conflicts, changes, failures);
    }

    /// <summary>
    /// When a failed outbox / inbox item is tried again: 30 s doubling per attempt, at most an hour, and never sooner than
    /// the Retry-After the service asked for.
    /// </summary>
    internal static TimeSpan RetryDelay(int attempts, TimeSpan retryAfter)
    {
        var wait = TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, attempts)));
        return retryAfter > wait ? retryAfter : wait;
    }

    /// <summary>The Retry-After of a Graph error that outlived the in-request retries (429/503), else zero.</summary>
    internal static TimeSpan RetryAfterOf(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is GraphSyncException { RetryAfter: { } ra }) return ra;
            if (e is Microsoft.Kiota.Abstractions.ApiException api
                && GraphRetryHandler.RemainingRetryAfter(api.ResponseHeaders.FirstOrDefault(
                    h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault()) is { } remaining)
                return remaining;
        }
        return TimeSpan.Zero;
    }

    static string PlanOf(WorkItem i)
    {
        using var doc = JsonDocument.Parse(i.PayloadJson);
        return doc.RootElement.TryGetProperty("planId", out var p) ? p.GetString() ?? "" : "";
    }

    // Remote edits found while merging a conflict are kept until the next poll hands them to the bot.
    async Task StashAsync(IEnumerable<RemoteChange> changes, CancellationToken ct)
    {
        foreach (var c in changes)
            await sync.PutAsync(new SyncEntry(c.TenantId, "remote-changes", $"{c.PlanId}|{c.TaskKey}|{c.Kind}|{Guid.NewGuid():N}", c.RemoteId, null,
                JsonSerializer.Serialize(c, Json), time.GetUtcNow()), ct);
    }

    /// <summary>
    /// Polls every board of the tenant (Planner has no app-only delta: paged list of tasks, ETags compared with the
    /// stored ones) and returns what changed there — plus changes met while merging conflicts — once each.
    /// </summary>
    public async Task<IReadOnlyList<RemoteChange>> PollAsync(string tenantId, CancellationToken ct = default)
    {
        using var op = GraphSyncTelemetry.Start("poll", tenantId);
        var result = new List<RemoteChange>();
        foreach (var stashed in await sync.ListAsync(tenantId, "remote-changes", ct))
        {
            if (stashed.DataJson is { } j && JsonSerializer.Deserialize<RemoteChange>(j, Json) is { } c) result.Add(c);
            await sync.DeleteAsync(tenantId, "remote-changes", stashed.Key, ct);
        }
        foreach (var b in await sync.ListAsync(tenantId, "board-plan", ct))
            result.AddRange(await board.ReadChangesAsync(new BoardRef(tenantId, b.Key, b.RemoteId), ct));
        if (result.Count > 0) logger.LogInformation("{Count} remote board changes for tenant {TenantId}", result.Count, tenantId);
        op.Complete(result.Count);
        return result;
    }

    /// <summary>
    /// Discovers plan documents dropped in the plan library and hands each to <paramref name="import"/>; the cursor is
    /// stored only after all were imported (a failure finds them again). Without a queue: the host's polling uses the
    /// durable, exactly-once <see cref="PlanDocumentInbox"/>.
    /// </summary>
    public static async Task<int> DiscoverAndImportAsync(IDocumentLibrary library, string tenantId,
        Func<LibraryFile, Stream, CancellationToken, Task> import, CancellationToken ct = default)
    {
        var found = await library.PeekNewPlanDocumentsAsync(tenantId, ct);
        foreach (var f in found.Files)
        {
            await using var s = await library.OpenAsync(tenantId, f, ct);
            await import(f, s, ct);
        }
        await library.CommitDiscoveryAsync(tenantId, found, ct);
        return found.Files.Count;
    }
}
