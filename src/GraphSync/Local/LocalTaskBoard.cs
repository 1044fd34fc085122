using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Local;

/// <summary>A task row of the embedded board (kept in the state store, scope "local-tasks:{boardId}", ETag = version).</summary>
internal sealed record LocalTaskRow(string Id, string Title, string? BucketId, DateTimeOffset? DueAt, int PercentComplete, string[] AssigneeIds,
    string Description, string[] Checklist, string? ReferenceUrl, int Version, string? Label = null);

/// <summary>
/// The embedded task board: the same ITaskBoard behaviour as Planner (ETags, field-level merge, adoption after a crash)
/// kept in the state store — for schools without Planner and for development.
/// </summary>
internal sealed class LocalTaskBoard(ISyncStateStore sync, TimeProvider time, ILogger<LocalTaskBoard> logger) : SnapshotTaskBoard(sync, time, logger)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    static string TasksScope(string boardId) => $"local-tasks:{boardId}";
    static string ETagOf(int v) => $"W/\"local-{v.ToString(CultureInfo.InvariantCulture)}\"";
    readonly SemaphoreSlim _gate = new(1, 1);

    public override async Task<BoardRef> EnsureBoardAsync(string tenantId, string planId, string title, CancellationToken ct = default)
    {
        var e = await Sync.GetAsync(tenantId, BoardScope, planId, ct);
        if (e is null)
        {
            e = new SyncEntry(tenantId, BoardScope, planId, $"local-{planId}", null, JsonSerializer.Serialize(new { title }, Json), Time.GetUtcNow());
            await Sync.PutAsync(e, ct);
        }
        return new BoardRef(tenantId, planId, e.RemoteId);
    }

    public override async Task<IReadOnlyDictionary<string, string>> EnsureBucketsAsync(BoardRef board, IReadOnlyList<string> names,
        CancellationToken ct = default)
    {
        var known = (await Sync.ListAsync(board.TenantId, BucketScope(board.PlanId), ct))
            .ToDictionary(x => x.Key, x => x.RemoteId, StringComparer.Ordinal);
        var missing = names.Where(n => !known.ContainsKey(n)).Distinct().ToList();
        if (known.Count + missing.Count > PlannerLimits.MaxBucketsPerPlan)
            throw new PlannerLimitException("planner.buckets",
                $"Bảng cần {known.Count + missing.Count} nhóm (bucket); tối đa {PlannerLimits.MaxBucketsPerPlan}.",
                $"The board needs {known.Count + missing.Count} buckets; at most {PlannerLimits.MaxBucketsPerPlan} are allowed.");
        foreach (var n in missing)
        {
            var id = $"b{known.Count + 1}";
            known[n] = id;
            await Sync.PutAsync(new SyncEntry(board.TenantId, BucketScope(board.PlanId), n, id, null, null, Time.GetUtcNow()), ct);
        }
        return known;
    }

    static RemoteTask ToRemote(LocalTaskRow r) =>
        new(r.Id, ETagOf(r.Version), r.Title, r.BucketId, r.DueAt, r.PercentComplete, r.AssigneeIds) { Label = r.Label };

    async Task<LocalTaskRow?> ReadAsync(BoardRef b, string id, CancellationToken ct)
    {
        var e = await Sync.GetAsync(b.TenantId, TasksScope(b.BoardId), id, ct);
        return e?.DataJson is { } j ? JsonSerializer.Deserialize<LocalTaskRow>(j, Json) : null;
    }

    Task WriteAsync(BoardRef b, LocalTaskRow r, CancellationToken ct) =>
        Sync.PutAsync(new SyncEntry(b.TenantId, TasksScope(b.BoardId), r.Id, r.Id, ETagOf(r.Version), JsonSerializer.Serialize(r, Json),
            Time.GetUtcNow()), ct);

    protected override async Task<IReadOnlyList<Outcome<RemoteTask>>> CreateTasksAsync(BoardRef board,
        IReadOnlyList<(BoardTask Task, string? BucketId)> items, CancellationToken ct)
    {
        var list = new List<Outcome<RemoteTask>>();
        foreach (var (t, bucket) in items)
        {
            var row = new LocalTaskRow(Guid.NewGuid().ToString("N"), t.Title, bucket, t.DueAt, t.PercentComplete ?? 0, t.AssigneeIds.ToArray(), "",
                [], null, 1, t.Label);
            await WriteAsync(board, row, ct);
            list.Add(new(ToRemote(row), 201, null));
        }
        return list;
    }

    protected override async Task<IReadOnlyList<Outcome<RemoteTask>>> PatchTasksAsync(BoardRef board,
        IReadOnlyList<(string Id, string ETag, TaskPatch Patch)> items, CancellationToken ct)
    {
        var list = new List<Outcome<RemoteTask>>();
        await _gate.WaitAsync(ct);
        try
        {
            foreach (var (id, etag, p) in items)
            {
                var row = await ReadAsync(board, id, ct);
                if (row is null) { list.Add(new(null, 404, "not found")); continue; }
                if (ETagOf(row.Version) != etag) { list.Add(new(null, 412, "ETag mismatch")); continue; }
                row = row with
                {
                    Title = p.Title ?? row.Title, DueAt = p.SetDue ? p.DueAt : row.DueAt, PercentComplete = p.PercentComplete ?? row.PercentComplete,
                    AssigneeIds = row.AssigneeIds.Except(p.RemoveAssignees, StringComparer.OrdinalIgnoreCase).Concat(p.AddAssignees)
                        .Distinct().ToArray(),
                    Version = row.Version + 1, Label = p.Label ?? row.Label,
                };
                await WriteAsync(board, row, ct);
                list.Add(new(ToRemote(row), 200, null));
            }
        }
        finally { _gate.Release(); }
        return list;
    }

    protected override async Task<IReadOnlyList<Outcome<RemoteTask>>> GetTasksAsync(BoardRef board, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var list = new List<Outcome<RemoteTask>>();
        foreach (var id in ids)
            list.Add(await ReadAsync(board, id, ct) is { } r ? new(ToRemote(r), 200, null) : new(null, 404, "not found"));
        return list;
    }

    protected override async Task<IReadOnlyList<RemoteTask>> ListTasksAsync(BoardRef board, CancellationToken ct) =>
        (await Sync.ListAsync(board.TenantId, TasksScope(board.BoardId), ct))
            .Select(e => JsonSerializer.Deserialize<LocalTaskRow>(e.DataJson!, Json)!).Select(ToRemote).ToList();

    protected override async Task<IReadOnlyList<Outcome<string>>> WriteDetailsAsync(BoardRef board,
        IReadOnlyList<(string Id, string? DetailsETag, BoardTask Task, bool IsNew, int? PreviousChecklist)> items, CancellationToken ct)
    {
        var list = new List<Outcome<string>>();
        foreach (var (id, _, t, _, _) in items)
        {
            var row = await ReadAsync(board, id, ct);
            if (row is null) { list.Add(new(null, 404, "not found")); continue; }
            // Details have their own version in Planner; here they do not move the task ETag.
            row = row with { Description = $"{t.Description}\n\n{DescriptionMarker(t.Key)}", Checklist = t.Checklist.ToArray(),
                ReferenceUrl = t.ReferenceUrl };
            await Sync.PutAsync(new SyncEntry(board.TenantId, TasksScope(board.BoardId), row.Id, row.Id, ETagOf(row.Version),
                JsonSerializer.Serialize(row, Json), Time.GetUtcNow()), ct);
            list.Add(new("local", 200, null));
        }
        return list;
    }

    /// <summary>All rows of a board (admin views, tests).</summary>
    public async Task<IReadOnlyList<LocalTaskRow>> ListRowsAsync(BoardRef board, CancellationToken ct = default) =>
        (await Sync.ListAsync(board.TenantId, TasksScope(board.BoardId), ct))
            .Select(e => JsonSerializer.Deserialize<LocalTaskRow>(e.DataJson!, Json)!).ToList();

    /// <summary>An edit made on the board itself (admin CLI, or a person working on the embedded board): bumps the ETag.</summary>
    public async Task<LocalTaskRow> EditAsync(BoardRef board, string taskId, Func<LocalTaskRow, LocalTaskRow> edit, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var row = await ReadAsync(board, taskId, ct) ?? throw new GraphSyncException("local.task", "Không tìm thấy nhiệm vụ.", "Task not found.");
            var next = edit(row) with { Id = row.Id, Version = row.Version + 1 };
            await WriteAsync(board, next, ct);
            return next;
        }
        finally { _gate.Release(); }
    }
}
