using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

/// <summary>
/// Shared sync logic for every ITaskBoard: snapshots in ISyncStateStore (scope "board:{planId}"), writes only of the
/// fields that changed on our side, three-way merge on ETag conflicts, create intents for crash-safe adoption.
/// Subclasses provide the remote primitives (Graph: $batch; local: state store rows).
/// </summary>
public abstract class SnapshotTaskBoard(ISyncStateStore sync, TimeProvider time, ILogger logger) : ITaskBoard
{
    protected ISyncStateStore Sync { get; } = sync;
    protected TimeProvider Time { get; } = time;
    protected ILogger Logger { get; } = logger;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected static string SnapshotScope(string planId) => $"board:{planId}";
    protected static string IntentScope(string planId) => $"board-intent:{planId}";
    protected static string BucketScope(string planId) => $"board-buckets:{planId}";
    protected const string BoardScope = "board-plan";

    public abstract Task<BoardRef> EnsureBoardAsync(string tenantId, string planId, string title, CancellationToken ct = default);
    public abstract Task<IReadOnlyDictionary<string, string>> EnsureBucketsAsync(BoardRef board, IReadOnlyList<string> names,
        CancellationToken ct = default);

    protected abstract Task<IReadOnlyList<Outcome<RemoteTask>>> CreateTasksAsync(BoardRef board,
        IReadOnlyList<(BoardTask Task, string? BucketId)> items, CancellationToken ct);
    protected abstract Task<IReadOnlyList<Outcome<RemoteTask>>> PatchTasksAsync(BoardRef board,
        IReadOnlyList<(string Id, string ETag, TaskPatch Patch)> items, CancellationToken ct);
    protected abstract Task<IReadOnlyList<Outcome<RemoteTask>>> GetTasksAsync(BoardRef board, IReadOnlyList<string> ids, CancellationToken ct);
    protected abstract Task<IReadOnlyList<RemoteTask>> ListTasksAsync(BoardRef board, CancellationToken ct);
    /// <summary>True when a details write moves the task's ETag (Planner does; the stored ETag stays usable, see UpsertTasksAsync).</summary>
    protected virtual bool DetailsChangeTaskETag => false;

    /// <summary>Writes checklist/references/description; returns the new details etag per item.</summary>

    protected abstract Task<IReadOnlyList<Outcome<string>>> WriteDetailsAsync(BoardRef board,
        IReadOnlyList<(string Id, string? DetailsETag, BoardTask Task, bool IsNew, int? PreviousChecklist)> items, CancellationToken ct);

    public static string DetailsHash(BoardTask t)
    {
        var s = string.Join("\u001f", t.Checklist) + "\u001e" + t.ReferenceUrl + "\u001e" + t.ReferenceAlias + "\u001e" + t.Description;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..16];
    }

    static string[] Sorted(IEnumerable<string> ids) =>
        ids.Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(x => x, StringComparer.Ordinal).ToArray();
    static TaskFieldsSnapshot Fields(RemoteTask r) => new(r.Title, r.DueAt, r.PercentComplete, Sorted(r.AssigneeIds), r.Label);

    static void Validate(BoardTask t)
    {
        if (t.AssigneeIds.Count > PlannerLimits.MaxAssigneesPerTask)
            throw new PlannerLimitException("planner.assignees",
                $"Nhiệm vụ \"{t.Title}\" có {t.AssigneeIds.Count} người thực hiện; Planner cho phép tối đa {PlannerLimits.MaxAssigneesPerTask}. " +
                    "Hãy tách nhiệm vụ theo tổ/nhóm.",
                $"Task \"{t.Title}\" has {t.AssigneeIds.Count} assignees; Planner allows at most {PlannerLimits.MaxAssigneesPerTask}. " +
                    "Split the task by team/group.");
        if (t.Checklist.Count > PlannerLimits.MaxChecklistItems)
            throw new PlannerLimitException("planner.checklist",
                $"Nhiệm vụ \"{t.Title}\" có {t.Checklist.Count} mục kiểm tra; Planner cho phép tối đa {PlannerLimits.MaxChecklistItems}.",
                $"Task \"{t.Title}\" has {t.Checklist.Count} checklist items; Planner allows at most {PlannerLimits.MaxChecklistItems}.");
        if (t.Title.Length > PlannerLimits.MaxTitleLength)
            throw new PlannerLimitException("planner.title", $"Tiêu đề nhiệm vụ dài quá {PlannerLimits.MaxTitleLength} ký tự.",
                $"Task title longer than {PlannerLimits.MaxTitleLength} characters.");
    }

    protected async Task<Dictionary<string, (SyncEntry Entry, TaskSnapshot Snap)>> LoadSnapshotsAsync(BoardRef board, CancellationToken ct)
    {
        var list = await Sync.ListAsync(board.TenantId, SnapshotScope(board.PlanId), ct);
        var d = new Dictionary<string, (SyncEntry, TaskSnapshot)>(StringComparer.Ordinal);
        foreach (var e in list)
            if (e.DataJson is not null && JsonSerializer.Deserialize<TaskSnapshot>(e.DataJson, Json) is { } s) d[e.Key] = (e, s);
        return d;
    }

    Task SaveAsync(BoardRef board, string remoteId, string etag, TaskSnapshot snap, CancellationToken ct) =>
        Sync.PutAsync(new SyncEntry(board.TenantId, SnapshotScope(board.PlanId), snap.Key, remoteId, etag, JsonSerializer.Serialize(snap, Json),
            Time.GetUtcNow()), ct);

    static TaskPatch Diff(BoardTask t, TaskFieldsSnapshot sent)
    {
        var desiredAssignees = Sorted(t.AssigneeIds);
        var add = desiredAssignees.Except(sent.Assignees, StringComparer.OrdinalIgnoreCase).ToArray();
        var remove = sent.Assignees.Except(desiredAssignees, StringComparer.OrdinalIgnoreCase).ToArray();
        return new TaskPatch(
            t.Title != sent.Title ? t.Title : null,
            t.DueAt != sent.DueAt, t.DueAt,
            t.PercentComplete is { } p && p != sent.PercentComplete ? p : null,
            add, remove)
        { Label = t.Label is { } l && l != sent.Label ? l : null };
    }

    static TaskFieldsSnapshot ApplyToSent(TaskFieldsSnapshot sent, TaskPatch p) => new(
        p.Title ?? sent.Title, p.SetDue ? p.DueAt : sent.DueAt, p.PercentComplete ?? sent.PercentComplete,
        Sorted(sent.Assignees.Except(p.RemoveAssignees, StringComparer.OrdinalIgnoreCase).Concat(p.AddAssignees)), p.Label ?? sent.Label);

    /// <summary>
    /// Three-way merge on a conflict. Base = remote state last seen; theirs = remote now; ours = the patch.
    /// A field only we changed is written; a field only they changed is kept and reported; a field both changed:
    /// progress takes the higher value (work done is never undone), title and due date keep theirs (the later,
    /// human edit) and are reported. Assignees merge as sets (our additions/removals applied on top of theirs).
    /// </summary>
    internal static TaskPatch Merge(TaskFieldsSnapshot baseline, RemoteTask theirs, TaskPatch ours, out List<RemoteChangeKind> theirChanges)
    {
        theirChanges = [];
        if (theirs.Title != baseline.Title) theirChanges.Add(RemoteChangeKind.Title);
        if (theirs.DueAt != baseline.DueAt) theirChanges.Add(RemoteChangeKind.DueDate);
        if (theirs.PercentComplete != baseline.PercentComplete) theirChanges.Add(RemoteChangeKind.Progress);
        if (!Sorted(theirs.AssigneeIds).SequenceEqual(baseline.Assignees, StringComparer.OrdinalIgnoreCase)) theirChanges.Add(
            RemoteChangeKind.Assignees);

        var title = ours.Title is not null && !theirChanges.Contains(RemoteChangeKind.Title) && ours.Title != theirs.Title ? ours.Title : null;
        var setDue = ours.SetDue && !theirChanges.Contains(RemoteChangeKind.DueDate) && ours.DueAt != theirs.DueAt;
        int? pct = ours.PercentComplete is { } p
            ? (theirChanges.Contains(RemoteChangeKind.Progress) ? Math.Max(p, theirs.PercentComplete) : p) : null;
        if (pct == theirs.PercentComplete) pct = null;
        var add = ours.AddAssignees.Except(theirs.AssigneeIds, StringComparer.OrdinalIgnoreCase).ToArray();
        var remove = ours.RemoveAssignees.Intersect(theirs.AssigneeIds, StringComparer.OrdinalIgnoreCase).ToArray();
        return new TaskPatch(title, setDue, ours.DueAt, pct, add, remove) { Label = ours.Label != theirs.Label ? ours.Label : null };
    }

    /// <summary>
    /// 412 (the ETag is not a version the service knows) and 409 (an older ETag whose version was since changed in a
    /// way that conflicts with the write) both mean: read the current entity, merge, write again.
    /// </summary>
    protected static bool IsConflict(int status) => status is 412 or 409;

    /// <summary>The fields in which the entity the service returned differs from what our write should have produced.</summary>
    internal static List<RemoteChangeKind> Unexpected(TaskFieldsSnapshot expected, RemoteTask returned)
    {
        var kinds = new List<RemoteChangeKind>();
        if (returned.Title != expected.Title) kinds.Add(RemoteChangeKind.Title);
        if (returned.DueAt != expected.DueAt) kinds.Add(RemoteChangeKind.DueDate);
        if (returned.PercentComplete != expected.PercentComplete) kinds.Add(RemoteChangeKind.Progress);
        if (!Sorted(returned.AssigneeIds).SequenceEqual(expected.Assignees, StringComparer.OrdinalIgnoreCase)) kinds.Add(RemoteChangeKind.Assignees);
        return kinds;
    }

    RemoteChange Change(BoardRef b, TaskSnapshot s, RemoteTask r, RemoteChangeKind k) =>
        new(b.TenantId, b.PlanId, s.Key, s.AssignmentId, r.Id, k, r.PercentComplete, r.DueAt, r.Title, Sorted(r.AssigneeIds));

    public async Task<UpsertSummary> UpsertTasksAsync(BoardRef board, IReadOnlyList<BoardTask> tasks, CancellationToken ct = default)
    {
        foreach (var t in tasks) Validate(t);
        var dupKey = tasks.GroupBy(t => t.Key).FirstOrDefault(g => g.Count() > 1);
        if (dupKey is not null) throw new GraphSyncException("board.duplicateKey", $"Khóa nhiệm vụ trùng: {dupKey.Key}.",
            $"Duplicate task key: {dupKey.Key}.");
        var snaps = await LoadSnapshotsAsync(board, ct);
        if (snaps.Count + tasks.Count(t => !snaps.ContainsKey(t.Key)) > PlannerLimits.MaxTasksPerPlan)
            throw new PlannerLimitException("planner.tasks",
                $"Kế hoạch có hơn {PlannerLimits.MaxTasksPerPlan} nhiệm vụ; Planner không cho phép. Hãy chia kế hoạch thành nhiều bảng.",
                $"The plan has more than {PlannerLimits.MaxTasksPerPlan} tasks, which Planner does not allow. Split it into several boards.");

        var active = snaps.Values.Count(v => v.Snap.Remote.PercentComplete < 100)
            + tasks.Count(t => !snaps.ContainsKey(t.Key) && t.PercentComplete is not 100);
        if (active > PlannerLimits.MaxActiveTasksPerPlan)
            throw new PlannerLimitException("planner.activeTasks",
                $"Bảng sẽ có {active} nhiệm vụ chưa hoàn thành; Planner cho phép tối đa {PlannerLimits.MaxActiveTasksPerPlan} mỗi bảng. " +
                    "Hãy chia kế hoạch thành nhiều bảng.",
                $"The board would hold {active} tasks not completed; Planner allows at most {PlannerLimits.MaxActiveTasksPerPlan} per plan. " +
                    "Split the plan into several boards.");

        var buckets = await EnsureBucketsAsync(board, tasks.Select(t => t.Bucket).Distinct().ToList(), ct);
        var creates = tasks.Where(t => !snaps.ContainsKey(t.Key)).ToList();
        int adopted = 0, created = 0, updated = 0, conflicts = 0;
        var changes = new List<RemoteChange>();
        var detailWrites = new List<(string Id, string? DetailsETag, BoardTask Task, bool IsNew, int? PreviousChecklist)>();

        // Crash recovery: a create intent without a snapshot means the create may have reached the remote side.
        if (creates.Count > 0)
        {
            var intents = (await Sync.ListAsync(board.TenantId, IntentScope(board.PlanId), ct)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            var inDoubt = creates.Where(t => intents.Contains(t.Key)).ToList();
            if (inDoubt.Count > 0)
            {
                Logger.LogInformation("Recovering {Count} in-doubt creates for plan {PlanId} in tenant {TenantId}", inDoubt.Count, board.PlanId,
                    board.TenantId);
                var remote = await ListTasksAsync(board, ct);
                foreach (var t in inDoubt)
                {
                    var marker = MarkerOf(t);
                    var match = remote.Where(r => marker is null ? r.Title == t.Title
                        : r.Title.StartsWith(marker, StringComparison.Ordinal)).ToList();
                    if (match.Count == 0) continue;
                    var r = match[0];
                    // Adopt: what the remote holds is what we sent before the crash; details are rewritten (idempotent).
                    var snap = new TaskSnapshot(t.Key, t.AssignmentId, Fields(r), "", Fields(r), null);
                    await SaveAsync(board, r.Id, r.ETag, snap, ct);
                    await Sync.DeleteAsync(board.TenantId, IntentScope(board.PlanId), t.Key, ct);
                    snaps[t.Key] = (new SyncEntry(board.TenantId, SnapshotScope(board.PlanId), t.Key, r.Id, r.ETag, null, Time.GetUtcNow()), snap);
                    adopted++;
                }
                creates = creates.Where(t => !snaps.ContainsKey(t.Key)).ToList();
            }
        }

        if (creates.Count > 0)
        {
            foreach (var t in creates)
                await Sync.PutAsync(new SyncEntry(board.TenantId, IntentScope(board.PlanId), t.Key, "", null, null, Time.GetUtcNow()), ct);
            var results = await CreateTasksAsync(board, creates.Select(t => (t, buckets.TryGetValue(t.Bucket, out var b) ? b : null)).ToList(), ct);
            var errors = new List<string>();
            for (var i = 0; i < creates.Count; i++)
            {
                var t = creates[i];
                if (results[i].Value is not { } r) { errors.Add($"{t.Key}: {results[i].Status} {results[i].Error}"); continue; }
                var snap = new TaskSnapshot(t.Key, t.AssignmentId, Fields(r) with { Title = t.Title }, "", Fields(r), null);
                await SaveAsync(board, r.Id, r.ETag, snap, ct);
                await Sync.DeleteAsync(board.TenantId, IntentScope(board.PlanId), t.Key, ct);
                snaps[t.Key] = (new SyncEntry(board.TenantId, SnapshotScope(board.PlanId), t.Key, r.Id, r.ETag, null, Time.GetUtcNow()), snap);
                created++;
                detailWrites.Add((r.Id, null, t, true, null));
            }
            if (results.FirstOrDefault(r => r.Code is "MaximumActiveTasksInProject" or "MaximumTasksInProject") is { } limit)
                throw limit.Code == "MaximumActiveTasksInProject"
                    ? new PlannerLimitException("planner.activeTasks",
                        $"Bảng Planner đã có tối đa số nhiệm vụ chưa hoàn thành ({PlannerLimits.MaxActiveTasksPerPlan}); " +
                            $"{errors.Count} nhiệm vụ chưa được tạo. Hãy đánh dấu hoàn thành hoặc chia kế hoạch.",
                        $"The Planner plan holds the maximum number of tasks not completed ({PlannerLimits.MaxActiveTasksPerPlan}); " +
                            $"{errors.Count} tasks were not created. Complete some or split the plan.")
                    : new PlannerLimitException("planner.tasks",
                        $"Bảng Planner đã có tối đa {PlannerLimits.MaxTasksPerPlan} nhiệm vụ; {errors.Count} nhiệm vụ chưa được tạo.",
                        $"The Planner plan holds the maximum of {PlannerLimits.MaxTasksPerPlan} tasks; {errors.Count} tasks were not created.");
            if (errors.Count > 0) throw new GraphSyncException("board.create", "Không tạo được nhiệm vụ: " + string.Join("; ", errors),
                "Could not create tasks: " + string.Join("; ", errors))
            { RetryAfter = results.Max(r => r.RetryAfter) };
        }

        // Updates: only the fields that changed on our side since the last sync.
        var pending = new List<(BoardTask Task, string Id, string ETag, TaskPatch Patch, TaskSnapshot Snap)>();
        foreach (var t in tasks)
        {
            var (entry, snap) = snaps[t.Key];
            var patch = Diff(t, snap.Sent);
            if (!patch.IsEmpty)
            {
                // Adopted or re-sent: drop parts the remote already has.
                var effective = patch with
                {
                    Title = patch.Title == snap.Remote.Title ? null : patch.Title,
                    SetDue = patch.SetDue && patch.DueAt != snap.Remote.DueAt,
                    PercentComplete = patch.PercentComplete == snap.Remote.PercentComplete ? null : patch.PercentComplete,
                    AddAssignees = patch.AddAssignees.Except(snap.Remote.Assignees, StringComparer.OrdinalIgnoreCase).ToArray(),
                    RemoveAssignees = patch.RemoveAssignees.Intersect(snap.Remote.Assignees, StringComparer.OrdinalIgnoreCase).ToArray(),
                    Label = patch.Label == snap.Remote.Label ? null : patch.Label,
                };
                if (effective.IsEmpty)
                {
                    var s2 = snap with { Sent = ApplyToSent(snap.Sent, patch) };
                    await SaveAsync(board, entry.RemoteId, entry.ETag ?? "", s2, ct);
                    snaps[t.Key] = (entry, s2);
                }
                else pending.Add((t, entry.RemoteId, entry.ETag ?? "", effective, snap with { Sent = ApplyToSent(snap.Sent, patch) }));
            }
            if (!detailWrites.Any(d => d.Task.Key == t.Key) && snaps[t.Key].Snap.SentDetailsHash != DetailsHash(t))
                detailWrites.Add((entry.RemoteId, snaps[t.Key].Snap.DetailsETag, t, false, snaps[t.Key].Snap.SentChecklist));
        }

        for (var round = 0; pending.Count > 0; round++)
        {
            if (round >= 4) throw new GraphSyncException("board.conflict", "Nhiệm vụ liên tục bị sửa đồng thời; sẽ thử lại sau.",
                "Tasks keep being edited concurrently; will retry later.");
            var results = await PatchTasksAsync(board, pending.Select(p => (p.Id, p.ETag, p.Patch)).ToList(), ct);
            var conflicted = new List<(BoardTask Task, string Id, string ETag, TaskPatch Patch, TaskSnapshot Snap)>();
            var errors = new List<string>();
            for (var i = 0; i < pending.Count; i++)
            {
                var p = pending[i];
                if (results[i].Value is { } r)
                {
                    // Planner accepts an older ETag when the write does not conflict with the changes made since: the
                    // returned task may then carry a remote edit (a re-date, a completion) that must be reported, not absorbed.
                    foreach (var k in Unexpected(ApplyToSent(p.Snap.Remote, p.Patch), r)) changes.Add(Change(board, p.Snap, r, k));
                    var s = p.Snap with { Remote = Fields(r) };
                    await SaveAsync(board, r.Id, r.ETag, s, ct);
                    snaps[p.Task.Key] = (snaps[p.Task.Key].Entry with { ETag = r.ETag }, s);
                    updated++;
                }
                else if (IsConflict(results[i].Status)) conflicted.Add(p);
                else errors.Add($"{p.Task.Key}: {results[i].Status} {results[i].Error}");
            }
            if (errors.Count > 0) throw new GraphSyncException("board.update", "Không cập nhật được nhiệm vụ: " + string.Join("; ", errors),
                "Could not update tasks: " + string.Join("; ", errors));
            pending = [];
            if (conflicted.Count == 0) break;
            conflicts += conflicted.Count;
            var current = await GetTasksAsync(board, conflicted.Select(c => c.Id).ToList(), ct);
            for (var i = 0; i < conflicted.Count; i++)
            {
                var c = conflicted[i];
                if (current[i].Value is not { } theirs) throw new GraphSyncException("board.reread", $"Không đọc lại được nhiệm vụ {c.Task.Key}.",
                    $"Could not re-read task {c.Task.Key}.");
                var merged = Merge(c.Snap.Remote, theirs, c.Patch, out var theirChanges);
                Logger.LogInformation("ETag conflict on task {TaskKey} of plan {PlanId}: remote changed {Fields}; merged", c.Task.Key, board.PlanId,
                    string.Join(",", theirChanges));
                foreach (var k in theirChanges) changes.Add(Change(board, c.Snap, theirs, k));
                var s = c.Snap with { Remote = Fields(theirs) };
                if (merged.IsEmpty)
                {
                    await SaveAsync(board, theirs.Id, theirs.ETag, s, ct);
                    snaps[c.Task.Key] = (snaps[c.Task.Key].Entry with { ETag = theirs.ETag }, s);
                }
                else pending.Add((c.Task, theirs.Id, theirs.ETag, merged, s));
            }
        }

        if (detailWrites.Count > 0)
        {
            var results = await WriteDetailsAsync(board, detailWrites, ct);
            var errors = new List<string>();
            for (var i = 0; i < detailWrites.Count; i++)
            {
                var d = detailWrites[i];
                if (results[i].Value is not { } etag) { errors.Add($"{d.Task.Key}: {results[i].Status} {results[i].Error}"); continue; }
                var (entry, snap) = snaps[d.Task.Key];
                var s = snap with { SentDetailsHash = DetailsHash(d.Task), DetailsETag = etag, SentChecklist = d.Task.Checklist.Count };
                await SaveAsync(board, entry.RemoteId, entry.ETag ?? "", s, ct);
                snaps[d.Task.Key] = (entry, s);
            }
            if (errors.Count > 0) throw new GraphSyncException("board.details", "Không cập nhật được chi tiết nhiệm vụ: " + string.Join("; ", errors),
                "Could not update task details: " + string.Join("; ", errors))
            { RetryAfter = results.Max(r => r.RetryAfter) };
            // Writing details changes the task's counters (hasDescription, checklistItemCount, referenceCount) and so its
            // ETag. The stored task ETag stays usable: Planner accepts an older ETag for a write that does not conflict
            // with the changes made since (the counters are never written by us), and any remote edit a later write
            // meets is reported from the returned task (see Unexpected). No refresh listing.
        }

        var unchanged = tasks.Count - created - adopted - updated;
        Logger.LogInformation("Board sync of plan {PlanId} in tenant {TenantId}: {Created} created, {Adopted} adopted, {Updated} updated, " +
            "{Conflicts} conflicts",
            board.PlanId, board.TenantId, created, adopted, updated, conflicts);
        return new UpsertSummary(created, updated, adopted, Math.Max(0, unchanged), conflicts, changes);
    }

    public Task<UpsertSummary> SetProgressAsync(BoardRef board, string taskKey, int percentComplete, CancellationToken ct = default) =>
        SetProgressAsync(board, taskKey, percentComplete, null, ct);

    public async Task<UpsertSummary> SetProgressAsync(BoardRef board, string taskKey, int percentComplete, string? label,
        CancellationToken ct = default)
    {
        if (percentComplete is not (0 or 50 or 100))
            throw new GraphSyncException("board.percent", "Tiến độ chỉ nhận 0, 50 hoặc 100.", "Progress is 0, 50 or 100.");
        var e = await Sync.GetAsync(board.TenantId, SnapshotScope(board.PlanId), taskKey, ct);
        if (e?.DataJson is null || JsonSerializer.Deserialize<TaskSnapshot>(e.DataJson, Json) is not { } snap)
            throw new GraphSyncException("board.unknownTask", $"Chưa có nhiệm vụ {taskKey} trên bảng.", $"Task {taskKey} is not on the board yet.");
        var t = new BoardTask(taskKey, snap.Sent.Title, "", snap.Sent.DueAt, snap.Sent.Assignees, [], null, null, percentComplete,
            "") { AssignmentId = snap.AssignmentId, Label = label };
        // Reuse the upsert path for the field write and the merge, without touching details or buckets.
        return await PatchOnlyAsync(board, e, snap, t, ct);
    }

    async Task<UpsertSummary> PatchOnlyAsync(BoardRef board, SyncEntry entry, TaskSnapshot snap, BoardTask t, CancellationToken ct)
    {
        var patch = Diff(t, snap.Sent);
        var newSent = ApplyToSent(snap.Sent, patch);
        if (patch.PercentComplete == snap.Remote.PercentComplete) patch = patch with { PercentComplete = null };
        if (patch.Label == snap.Remote.Label) patch = patch with { Label = null };
        if (patch.IsEmpty)
        {
            await SaveAsync(board, entry.RemoteId, entry.ETag ?? "", snap with { Sent = newSent }, ct);
            return new UpsertSummary(0, 0, 0, 1, 0, []);
        }
        var id = entry.RemoteId; var etag = entry.ETag ?? ""; var s = snap with { Sent = newSent };
        var changes = new List<RemoteChange>(); var conflicts = 0;
        for (var round = 0; round < 4; round++)
        {
            var r = (await PatchTasksAsync(board, [(id, etag, patch)], ct))[0];
            if (r.Value is { } ok)
            {
                foreach (var k in Unexpected(ApplyToSent(s.Remote, patch), ok)) changes.Add(Change(board, s, ok, k));
                await SaveAsync(board, ok.Id, ok.ETag, s with { Remote = Fields(ok) }, ct);
                return new UpsertSummary(0, 1, 0, 0, conflicts, changes);
            }
            if (!IsConflict(r.Status)) throw new GraphSyncException("board.update", $"Không cập nhật được nhiệm vụ {t.Key}: {r.Status} {r.Error}",
                $"Could not update task {t.Key}: {r.Status} {r.Error}");
            conflicts++;
            var theirs = (await GetTasksAsync(board, [id], ct))[0].Value
                ?? throw new GraphSyncException("board.reread", $"Không đọc lại được nhiệm vụ {t.Key}.", $"Could not re-read task {t.Key}.");
            patch = Merge(s.Remote, theirs, patch, out var kinds);
            foreach (var k in kinds) changes.Add(Change(board, s, theirs, k));
            s = s with { Remote = Fields(theirs) }; etag = theirs.ETag;
            if (patch.IsEmpty) { await SaveAsync(board, id, etag, s, ct); return new UpsertSummary(0, 0, 0, 1, conflicts, changes); }
        }
        throw new GraphSyncException("board.conflict", "Nhiệm vụ liên tục bị sửa đồng thời; sẽ thử lại sau.",
            "The task keeps being edited concurrently; will retry later.");
    }

    public async Task<IReadOnlyList<RemoteChange>> ReadChangesAsync(BoardRef board, CancellationToken ct = default)
    {
        var snaps = await LoadSnapshotsAsync(board, ct);
        if (snaps.Count == 0) return [];
        var byId = snaps.Values.ToDictionary(v => v.Entry.RemoteId, StringComparer.Ordinal);
        var remote = await ListTasksAsync(board, ct);
        var changes = new List<RemoteChange>();
        foreach (var r in remote)
        {
            if (!byId.TryGetValue(r.Id, out var v) || v.Entry.ETag == r.ETag) continue;
            var before = v.Snap.Remote;
            var kinds = new List<RemoteChangeKind>();
            if (r.PercentComplete != before.PercentComplete) kinds.Add(RemoteChangeKind.Progress);
            if (r.DueAt != before.DueAt) kinds.Add(RemoteChangeKind.DueDate);
            if (r.Title != before.Title) kinds.Add(RemoteChangeKind.Title);
            if (!Sorted(r.AssigneeIds).SequenceEqual(before.Assignees, StringComparer.OrdinalIgnoreCase)) kinds.Add(RemoteChangeKind.Assignees);
            foreach (var k in kinds) changes.Add(Change(board, v.Snap, r, k));
            await SaveAsync(board, r.Id, r.ETag, v.Snap with { Remote = Fields(r) }, ct);
        }
        return changes;
    }

    /// <summary>The deterministic title prefix ("[NV03]") used to find a task created before a crash.</summary>
    public static string? MarkerOf(BoardTask t)
    {
        if (!t.Title.StartsWith('[')) return null;
        var end = t.Title.IndexOf(']');
        return end > 0 ? t.Title[..(end + 1)] : null;
    }

    /// <summary>The deterministic description marker "tp:&lt;key&gt;" written into task details.</summary>
    public static string DescriptionMarker(string key) => $"tp:{key}";
}
