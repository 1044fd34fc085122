using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Graph;

/// <summary>
/// Planner as an <see cref="ITaskBoard"/>: one Planner plan per imported plan in the school's group; all task writes
/// go through JSON $batch (≤ 20 per request), every PATCH carries If-Match, responses are asked for with
/// "Prefer: return=representation" so the new @odata.etag comes back without a re-read.
/// </summary>
public sealed class GraphTaskBoard(GraphServiceClient client, IOptions<GraphSyncOptions> options, ISyncStateStore sync, TimeProvider time,
    ILogger<GraphTaskBoard> logger)
    : SnapshotTaskBoard(sync, time, logger)
{
    readonly GraphBatch _batch = new(client, time, logger);
    readonly GraphSyncOptions _o = options.Value;

    public IReadOnlyList<TimeSpan> BatchWaits => _batch.Waits;
    protected override bool DetailsChangeTaskETag => true;

    const string PlanIntentScope = "board-plan-intent";
    const string FullGroupScope = "planner-group-full";
    const string BucketIntentScope = "board-bucket-intent";
    sealed record BoardInfo(string Group, bool CreatedHere);

    /// <summary>
    /// The Planner plan of an imported plan. Mapping (docs/fidelity.md, "Planner plans per group"): one Planner plan per
    /// imported plan, in the school's group; a group holds at most 200 plans, so when Planner refuses a new one with
    /// 403 MaximumProjectsOwnedByUser the group is remembered as full (for a day) and the next of
    /// GraphSync:OverflowGroupIds is used; when every group is full the sync stops with a bilingual PlannerLimitException.
    /// The group's plans are listed only to recover from a crash during a create (an intent is stored first), so a first
    /// sync costs one POST for the plan.
    /// </summary>
    public override async Task<BoardRef> EnsureBoardAsync(string tenantId, string planId, string title, CancellationToken ct = default)
    {
        var known = await Sync.GetAsync(tenantId, BoardScope, planId, ct);
        if (known is not null) return new BoardRef(tenantId, planId, known.RemoteId);
        var primary = _o.GroupId ?? throw new GraphSyncException("config.groupId", "Thiếu cấu hình GraphSync:GroupId (nhóm Microsoft 365 của " +
            "trường).", "GraphSync:GroupId (the school's Microsoft 365 group) is not configured.");
        var groups = new[] { primary }.Concat(_o.OverflowGroupIds.Where(g => !string.IsNullOrWhiteSpace(g)))
            .Distinct(StringComparer.Ordinal).ToList();
        title = title.Length > 255 ? title[..255] : title;
        PlannerPlan? found = null;
        string? foundGroup = null;
        var createdHere = false;
        if (await Sync.GetAsync(tenantId, PlanIntentScope, planId, ct) is not null)
        {
            // A create may have reached Planner before a crash: adopt the plan with the same deterministic title.
            foreach (var g in groups)
            {
                var page = await client.Groups[g].Planner.Plans.GetAsync(cancellationToken: ct);
                while (page is not null && found is null)
                {
                    found = page.Value?.FirstOrDefault(p => p.Title == title);
                    page = found is null && page.OdataNextLink is { } next ? await client.Groups[g].Planner.Plans.WithUrl(next)
                        .GetAsync(cancellationToken: ct) : null;
                }
                if (found is not null) { foundGroup = g; break; }
            }
        }
        if (found is null)
        {
            await Sync.PutAsync(new SyncEntry(tenantId, PlanIntentScope, planId, "", null, null, Time.GetUtcNow()), ct);
            foreach (var g in groups)
            {
                var full = await Sync.GetAsync(tenantId, FullGroupScope, g, ct);
                if (full is not null && Time.GetUtcNow() - full.UpdatedAt < TimeSpan.FromDays(1)) continue;
                try
                {
                    found = await client.Planner.Plans.PostAsync(new PlannerPlan
                    {
                        Title = title,
                        Container = new PlannerPlanContainer { Url = $"https://graph.microsoft.com/v1.0/groups/{g}" },
                    }, cancellationToken: ct);
                    foundGroup = g; createdHere = true;
                    Logger.LogInformation("Created Planner plan {BoardId} for plan {PlanId} in group {GroupId} of tenant {TenantId}", found?.Id,
                        planId, g, tenantId);
                    break;
                }
                catch (Microsoft.Graph.Models.ODataErrors.ODataError ex) when (ex.ResponseStatusCode == 403
                    && ex.Error?.Code == "MaximumProjectsOwnedByUser")
                {
                    Logger.LogWarning("Group {GroupId} of tenant {TenantId} holds the maximum number of Planner plans; trying the next group",
                        g, tenantId);
                    await Sync.PutAsync(new SyncEntry(tenantId, FullGroupScope, g, g, null, null, Time.GetUtcNow()), ct);
                }
            }
            if (found is null)
                throw new PlannerLimitException("planner.plansPerGroup",
                    $"Nhóm Microsoft 365 của trường đã có tối đa {PlannerLimits.MaxPlansPerGroup} bảng Planner. " +
                        "Hãy lưu trữ/xóa các kế hoạch đã xong hoặc thêm nhóm vào GraphSync:OverflowGroupIds.",
                    $"The school's Microsoft 365 group already holds the {PlannerLimits.MaxPlansPerGroup} Planner plans allowed. " +
                        "Archive/delete finished plans or add a group to GraphSync:OverflowGroupIds.");
        }
        var id = found.Id ?? throw new GraphSyncException("planner.createPlan", "Không tạo được bảng Planner.", "Could not create the Planner plan.");
        if (createdHere) await NameLabelsAsync(id, ct);
        await Sync.PutAsync(new SyncEntry(tenantId, BoardScope, planId, id, null, JsonSerializer.Serialize(new BoardInfo(foundGroup!, createdHere)),
            Time.GetUtcNow()), ct);
        await Sync.DeleteAsync(tenantId, PlanIntentScope, planId, ct);
        return new BoardRef(tenantId, planId, id);
    }

    public override async Task<IReadOnlyDictionary<string, string>> EnsureBucketsAsync(BoardRef board, IReadOnlyList<string> names,
        CancellationToken ct = default)
    {
        var known = (await Sync.ListAsync(board.TenantId, BucketScope(board.PlanId), ct))
            .ToDictionary(e => e.Key, e => e.RemoteId, StringComparer.Ordinal);
        var missing = names.Where(n => !known.ContainsKey(n)).Distinct().ToList();
        if (missing.Count == 0) return known;
        var remote = new List<PlannerBucket>();
        // A plan we created ourselves has no buckets but ours: list them only when some may be unknown to us (a board
        // adopted or made elsewhere, or a bucket create whose answer was lost).
        var info = (await Sync.GetAsync(board.TenantId, BoardScope, board.PlanId, ct))?.DataJson is { } j
            ? JsonSerializer.Deserialize<BoardInfo>(j) : null;
        var mayHaveOthers = info is not { CreatedHere: true } || await Sync.GetAsync(board.TenantId, BucketIntentScope, board.PlanId, ct) is not null;
        var page = mayHaveOthers ? await client.Planner.Plans[board.BoardId].Buckets.GetAsync(cancellationToken: ct) : null;
        while (page is not null)
        {
            remote.AddRange(page.Value ?? []);
            page = page.OdataNextLink is { } next ? await client.Planner.Plans[board.BoardId].Buckets.WithUrl(next)
                .GetAsync(cancellationToken: ct) : null;
        }
        if (!mayHaveOthers) remote.AddRange(known.Select(k => new PlannerBucket { Id = k.Value, Name = k.Key }));
        foreach (var b in remote)
            if (b.Name is not null && b.Id is not null && missing.Contains(b.Name))
            {
                known[b.Name] = b.Id;
                await Sync.PutAsync(new SyncEntry(board.TenantId, BucketScope(board.PlanId), b.Name, b.Id, null, null, Time.GetUtcNow()), ct);
            }
        missing = missing.Where(n => !known.ContainsKey(n)).ToList();
        if (missing.Count == 0) return known;
        if (remote.Count + missing.Count > PlannerLimits.MaxBucketsPerPlan)
            throw new PlannerLimitException("planner.buckets",
                $"Bảng cần {remote.Count + missing.Count} nhóm (bucket); Planner cho phép tối đa {PlannerLimits.MaxBucketsPerPlan}.",
                $"The board needs {remote.Count + missing.Count} buckets; Planner allows at most {PlannerLimits.MaxBucketsPerPlan}.");
        await Sync.PutAsync(new SyncEntry(board.TenantId, BucketIntentScope, board.PlanId, board.BoardId, null, null, Time.GetUtcNow()), ct);
        var results = await _batch.SendAsync(missing.Select(n => (Func<RequestInformation>)(() =>
            client.Planner.Buckets.ToPostRequestInformation(new PlannerBucket { Name = n, PlanId = board.BoardId, OrderHint = " !" }))).ToList(), ct);
        for (var i = 0; i < missing.Count; i++)
        {
            var r = results[i];
            if (r.Status == 403 && r.ErrorCode == "MaximumBucketsInProject")
                throw new PlannerLimitException("planner.buckets",
                    $"Bảng Planner đã có tối đa {PlannerLimits.MaxBucketsPerPlan} nhóm (bucket); không tạo được \"{missing[i]}\".",
                    $"The Planner plan already holds the maximum of {PlannerLimits.MaxBucketsPerPlan} buckets; \"{missing[i]}\" was not created.");
            if (!r.Success || r.Body is not { } body || body.GetProperty("id").GetString() is not { } id)
                throw new GraphSyncException("planner.bucket", $"Không tạo được nhóm \"{missing[i]}\": {r.Status} {r.ErrorMessage}",
                    $"Could not create bucket \"{missing[i]}\": {r.Status} {r.ErrorMessage}");
            known[missing[i]] = id;
            await Sync.PutAsync(new SyncEntry(board.TenantId, BucketScope(board.PlanId), missing[i], id, null, null, Time.GetUtcNow()), ct);
        }
        await Sync.DeleteAsync(board.TenantId, BucketIntentScope, board.PlanId, ct);
        return known;
    }

    static PlannerAssignments Assignments(IEnumerable<string> add, IEnumerable<string> remove)
    {
        var a = new PlannerAssignments();
        foreach (var u in add) a.AdditionalData[u] = new PlannerAssignment { OdataType = "#microsoft.graph.plannerAssignment", OrderHint = " !" };
        foreach (var u in remove) a.AdditionalData[u] = null!;
        return a;
    }

    static RemoteTask ParseTask(JsonElement e)
    {
        var assignees = new List<string>();
        if (e.TryGetProperty("assignments", out var a) && a.ValueKind == JsonValueKind.Object)
            foreach (var p in a.EnumerateObject()) if (p.Value.ValueKind == JsonValueKind.Object) assignees.Add(p.Name);
        DateTimeOffset? due = e.TryGetProperty("dueDateTime", out var d)
            && d.ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(d.GetString()!, CultureInfo.InvariantCulture) : null;
        var applied = e.TryGetProperty("appliedCategories", out var ac) && ac.ValueKind == JsonValueKind.Object ? ac : default;
        return new RemoteTask(e.GetProperty("id").GetString()!, e.TryGetProperty("@odata.etag", out var et) ? et.GetString() ?? "" : "",
            e.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "", e.TryGetProperty("bucketId", out var b) ? b.GetString() : null,
            due, e.TryGetProperty("percentComplete", out var pc) && pc.ValueKind == JsonValueKind.Number ? pc.GetInt32() : 0, assignees)
        {
            Label = applied.ValueKind == JsonValueKind.Object
                ? PlannerLabels.CodeOf(c => applied.TryGetProperty(c, out var v) && v.ValueKind == JsonValueKind.True) : null,
        };
    }

    static PlannerAppliedCategories AppliedCategories(string code)
    {
        var c = new PlannerAppliedCategories();
        foreach (var (category, on) in PlannerLabels.Applied(code)) c.AdditionalData[category] = on;
        return c;
    }

    static RemoteTask FromModel(PlannerTask t) => new(t.Id ?? "", t.AdditionalData.TryGetValue("@odata.etag", out var e) ? e?.ToString() ?? "" : "",
        t.Title ?? "", t.BucketId, t.DueDateTime, t.PercentComplete ?? 0,
        t.Assignments?.AdditionalData.Where(kv => kv.Value is not null).Select(kv => kv.Key).ToList() ?? [])
    { Label = t.AppliedCategories is { } ac ? PlannerLabels.CodeOf(c => ac.AdditionalData.TryGetValue(c, out var v) && IsTrue(v)) : null };

    static bool IsTrue(object? v) => v is true || (v is UntypedBoolean b && b.GetValue());

    static Outcome<RemoteTask> ToOutcome(BatchResult r) =>
        r.Success && r.Body is { ValueKind: JsonValueKind.Object } b ? new(ParseTask(b), r.Status, null)
            : new(null, r.Status, r.ErrorMessage ?? $"HTTP {r.Status}", RetryAfterOf(r)) { Code = r.ErrorCode };

    /// <summary>A request still throttled after the batch's own retries: its Retry-After, for the outbox's next attempt.</summary>
    static TimeSpan? RetryAfterOf(BatchResult r) =>
        r.Status is 429 or 503 or 504 && r.Headers.TryGetValue("Retry-After", out var h) ? GraphRetryHandler.RemainingRetryAfter(h) : null;

    protected override async Task<IReadOnlyList<Outcome<RemoteTask>>> CreateTasksAsync(BoardRef board,
        IReadOnlyList<(BoardTask Task, string? BucketId)> items, CancellationToken ct)
    {
        var results = await _batch.SendAsync(items.Select(i => (Func<RequestInformation>)(() =>
        {
            var t = new PlannerTask { PlanId = board.BoardId, BucketId = i.BucketId, Title = i.Task.Title,
                Assignments = Assignments(i.Task.AssigneeIds, []) };
            if (i.Task.DueAt is { } due) t.DueDateTime = due.ToUniversalTime();
            if (i.Task.PercentComplete is { } p and > 0) t.PercentComplete = p;
            if (i.Task.Label is { } label) t.AppliedCategories = AppliedCategories(label);
            return client.Planner.Tasks.ToPostRequestInformation(t);
        })).ToList(), ct);
        return results.Select(ToOutcome).ToList();
    }

    protected override async Task<IReadOnlyList<Outcome<RemoteTask>>> PatchTasksAsync(BoardRef board,
        IReadOnlyList<(string Id, string ETag, TaskPatch Patch)> items, CancellationToken ct)
    {
        var results = await _batch.SendAsync(items.Select(i => (Func<RequestInformation>)(() =>
        {
            var t = new PlannerTask();
            if (i.Patch.Title is { } title) t.Title = title;
            if (i.Patch.SetDue) t.DueDateTime = i.Patch.DueAt?.ToUniversalTime();
            if (i.Patch.PercentComplete is { } p) t.PercentComplete = p;
            if (i.Patch.AddAssignees.Count + i.Patch.RemoveAssignees.Count > 0) t.Assignments =
                Assignments(i.Patch.AddAssignees, i.Patch.RemoveAssignees);
            if (i.Patch.Label is { } label) t.AppliedCategories = AppliedCategories(label);
            return client.Planner.Tasks[i.Id].ToPatchRequestInformation(t, rc =>
            {
                rc.Headers.Add("If-Match", i.ETag);
                rc.Headers.Add("Prefer", "return=representation");
            });
        })).ToList(), ct);
        var outcomes = results.Select(ToOutcome).ToList();
        // A 204 (no representation) needs a read to learn the new ETag.
        var noBody = Enumerable.Range(0, items.Count).Where(i => results[i].Status == 204).ToList();
        if (noBody.Count > 0)
        {
            var reread = await GetTasksAsync(board, noBody.Select(i => items[i].Id).ToList(), ct);
            for (var k = 0; k < noBody.Count; k++) outcomes[noBody[k]] = reread[k];
        }
        return outcomes;
    }

    protected override async Task<IReadOnlyList<Outcome<RemoteTask>>> GetTasksAsync(BoardRef board, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var results = await _batch.SendAsync(ids.Select(id => (Func<RequestInformation>)(() => client.Planner.Tasks[id].ToGetRequestInformation()))
            .ToList(), ct);
        return results.Select(ToOutcome).ToList();
    }

    protected override async Task<IReadOnlyList<RemoteTask>> ListTasksAsync(BoardRef board, CancellationToken ct)
    {
        var list = new List<RemoteTask>();
        var page = await client.Planner.Plans[board.BoardId].Tasks.GetAsync(cancellationToken: ct);
        while (page is not null)
        {
            list.AddRange((page.Value ?? []).Select(FromModel));
            page = page.OdataNextLink is { } next ? await client.Planner.Plans[board.BoardId].Tasks.WithUrl(next)
                .GetAsync(cancellationToken: ct) : null;
        }
        return list;
    }

    /// <summary>
    /// Names labels 1–5 of a board TeamsPlans created after the four official states and "Chờ duyệt" (<see cref="PlannerLabels"/>): the
    /// plan details are read for their ETag and patched. A failure is logged, not thrown (the labels still apply, unnamed).
    /// </summary>
    async Task NameLabelsAsync(string boardId, CancellationToken ct)
    {
        try
        {
            var details = await client.Planner.Plans[boardId].Details.GetAsync(cancellationToken: ct);
            var etag = details?.AdditionalData.TryGetValue("@odata.etag", out var e) == true ? e?.ToString() : null;
            var n = PlannerLabels.All;
            var names = new PlannerCategoryDescriptions { Category1 = n[0].Name, Category2 = n[1].Name, Category3 = n[2].Name, Category4 = n[3].Name,
                Category5 = PlannerLabels.Awaiting.Name };
            await client.Planner.Plans[boardId].Details.PatchAsync(new PlannerPlanDetails { CategoryDescriptions = names }, rc =>
            {
                if (etag is not null) rc.Headers.Add("If-Match", etag);
            }, ct);
        }
        catch (Exception ex) when (ex is Microsoft.Graph.Models.ODataErrors.ODataError or HttpRequestException)
        {
            Logger.LogWarning(ex, "Labels of Planner plan {BoardId} not named", boardId);
        }
    }

    /// <summary>Planner reference keys are URLs with % . : @ # encoded.</summary>
    public static string EncodeReferenceKey(string url) =>
        url.Replace("%", "%25").Replace(".", "%2E").Replace(":", "%3A").Replace("@", "%40").Replace("#", "%23").Replace(" ", "%20");

    /// <summary>Deterministic checklist item ids (GUIDs from task key + position), so re-writes replace, not add.</summary>
    public static string ChecklistId(string key, int index)
    {
        var h = MD5.HashData(Encoding.UTF8.GetBytes($"{key}#{index}"));
        return new Guid(h).ToString();
    }

    protected override async Task<IReadOnlyList<Outcome<string>>> WriteDetailsAsync(BoardRef board,
        IReadOnlyList<(string Id, string? DetailsETag, BoardTask Task, bool IsNew, int? PreviousChecklist)> items, CancellationToken ct)
    {
        var outcomes = new Outcome<string>?[items.Count];
        var todo = Enumerable.Range(0, items.Count).ToList();
        for (var round = 0; todo.Count > 0; round++)
        {
            if (round >= 4) throw new GraphSyncException("board.conflict", "Chi tiết nhiệm vụ liên tục bị sửa đồng thời.",
                "Task details keep being edited concurrently.");
            // First round: a task whose details we wrote before is patched with the stored details ETag and the checklist ids
            // we know we wrote (no read; a concurrent edit answers 412 and is read in the next round). Otherwise — a new or
            // adopted task, or after a 412 — the details are read first (ETag + existing checklist keys).
            var known = round == 0 ? todo.Where(i => !string.IsNullOrEmpty(items[i].DetailsETag) && items[i].PreviousChecklist is not null)
                .ToHashSet() : [];
            var toRead = todo.Where(i => !known.Contains(i)).ToList();
            var current = toRead.Count == 0 ? [] : await _batch.SendAsync(toRead.Select(
                i => (Func<RequestInformation>)(() => client.Planner.Tasks[items[i].Id].Details.ToGetRequestInformation())).ToList(), ct);
            var state = new Dictionary<int, (string ETag, HashSet<string> Existing)>();
            foreach (var i in known)
                state[i] = (items[i].DetailsETag!, Enumerable.Range(0, Math.Min(items[i].PreviousChecklist!.Value, PlannerLimits.MaxChecklistItems))
                    .Select(n => ChecklistId(items[i].Task.Key, n)).ToHashSet());
            for (var k = 0; k < toRead.Count; k++)
            {
                var i = toRead[k]; var r = current[k];
                if (!r.Success
                    || r.Body is not { } body) { outcomes[i] = new(null, r.Status, r.ErrorMessage ?? $"HTTP {r.Status}", RetryAfterOf(r)); continue; }
                var etag = body.TryGetProperty("@odata.etag", out var e) ? e.GetString() ?? "" : "";
                state[i] = (etag, body.TryGetProperty("checklist", out var cl) && cl.ValueKind == JsonValueKind.Object ? cl.EnumerateObject()
                    .Select(p => p.Name).ToHashSet() : []);
            }
            var patches = new List<(int Index, string ETag, PlannerTaskDetails Body)>();
            foreach (var i in todo.Where(state.ContainsKey))
            {
                var (etag, existing) = state[i];
                var t = items[i].Task;
                var checklist = new PlannerChecklistItems();
                var ours = Enumerable.Range(0, PlannerLimits.MaxChecklistItems).Select(n => ChecklistId(t.Key, n)).ToList();
                for (var n = 0; n < t.Checklist.Count; n++)
                {
                    // isChecked only for a new item: never reset a tick made in Planner. (The SDK's PlannerChecklistItem
                    // model always serializes isChecked, so the item is written as an untyped object.)
                    checklist.AdditionalData[ours[n]] = ChecklistItem(Trim(t.Checklist[n], 100), existing.Contains(ours[n]) ? null : false);
                }
                for (var n = t.Checklist.Count; n < ours.Count; n++) if (existing.Contains(ours[n])) checklist.AdditionalData[ours[n]] = null!;
                var details = new PlannerTaskDetails
                {
                    Description = $"{t.Description}\n\n{DescriptionMarker(t.Key)}",
                    PreviewType = t.Checklist.Count > 1 ? PlannerPreviewType.Checklist : PlannerPreviewType.Reference,
                };
                if (checklist.AdditionalData.Count > 0) details.Checklist = checklist;
                if (t.ReferenceUrl is { } url)
                {
                    var refs = new PlannerExternalReferences();
                    refs.AdditionalData[EncodeReferenceKey(url)] = new PlannerExternalReference
                    { OdataType = "#microsoft.graph.plannerExternalReference", Alias = t.ReferenceAlias ?? "Văn bản kế hoạch", Type = "Other",
                        PreviewPriority = " !" };
                    details.References = refs;
                }
                patches.Add((i, etag, details));
            }
            var written = await _batch.SendAsync(patches.Select(p => (Func<RequestInformation>)(() =>
                client.Planner.Tasks[items[p.Index].Id].Details.ToPatchRequestInformation(p.Body, rc =>
                {
                    rc.Headers.Add("If-Match", p.ETag);
                    rc.Headers.Add("Prefer", "return=representation");
                }))).ToList(), ct);
            var again = new List<int>();
            for (var k = 0; k < patches.Count; k++)
            {
                var r = written[k]; var i = patches[k].Index;
                if (IsConflict(r.Status)) { again.Add(i); continue; }
                if (!r.Success) { outcomes[i] = new(null, r.Status, r.ErrorMessage ?? $"HTTP {r.Status}", RetryAfterOf(r)); continue; }
                var etag = r.Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("@odata.etag", out var e) ? e.GetString() ?? "" : "";
                outcomes[i] = new(etag, r.Status, null);
            }
            todo = again;
        }
        return outcomes.Select(o => o!).ToList();
    }

    static UntypedObject ChecklistItem(string title, bool? isChecked)
    {
        var d = new Dictionary<string, UntypedNode>
        {
            ["@odata.type"] = new UntypedString("#microsoft.graph.plannerChecklistItem"),
            ["title"] = new UntypedString(title),
        };
        if (isChecked is { } c) d["isChecked"] = new UntypedBoolean(c);
        return new UntypedObject(d);
    }

    static string Trim(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
