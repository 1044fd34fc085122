using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync.Tests;

/// <summary>
/// The same interface-level behaviour from the Graph implementations (fake Graph server) and the local ones
/// (folder + state store): ITaskBoard, IDocumentLibrary, IDirectory.
/// </summary>
public sealed class ContractTests : IAsyncLifetime
{
    GraphHarness _h = null!;
    string _root = "";
    const string Tenant = GraphHarness.Tenant;

    public async Task InitializeAsync()
    {
        _h = await GraphHarness.StartAsync();
        _root = Path.Combine(Path.GetTempPath(), "tp-graphsync-" + Guid.NewGuid().ToString("N"));
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    sealed record BoardUnderTest(ITaskBoard Board, Func<BoardRef, string, Action<RemoteTask, Dictionary<string, object?>>, Task> EditRemote, Func<BoardRef, Task<IReadOnlyList<RemoteTask>>> Remote);

    BoardUnderTest Make(string kind)
    {
        if (kind == "graph")
            return new(_h.Board,
                (b, id, edit) =>
                {
                    var changes = new Dictionary<string, object?>();
                    edit(null!, changes);
                    _h.Server.EditTask(id, j => { foreach (var (k, v) in changes) j[k] = v is null ? null : JsonValue.Create(v); });
                    return Task.CompletedTask;
                },
                b => Task.FromResult<IReadOnlyList<RemoteTask>>(_h.Server.TasksOfPlan(b.BoardId).Select(j => new RemoteTask((string)j["id"]!, "", (string)j["title"]!, (string?)j["bucketId"],
                    j["dueDateTime"] is { } d ? DateTimeOffset.Parse((string)d!, System.Globalization.CultureInfo.InvariantCulture) : null, (int)j["percentComplete"]!,
                    ((JsonObject)j["assignments"]!).Select(kv => kv.Key).ToList())).ToList()));
        var local = new LocalTaskBoard(_h.Stores, _h.Clock, NullLogger<LocalTaskBoard>.Instance);
        return new(local,
            async (b, id, edit) =>
            {
                var changes = new Dictionary<string, object?>();
                edit(null!, changes);
                await local.EditAsync(b, id, r => r with
                {
                    PercentComplete = changes.TryGetValue("percentComplete", out var p) ? (int)p! : r.PercentComplete,
                    DueAt = changes.TryGetValue("dueDateTime", out var d) ? (d is null ? null : DateTimeOffset.Parse((string)d, System.Globalization.CultureInfo.InvariantCulture)) : r.DueAt,
                });
            },
            async b => (await local.ListRowsAsync(b)).Select(r => new RemoteTask(r.Id, "", r.Title, r.BucketId, r.DueAt, r.PercentComplete, r.AssigneeIds)).ToList());
    }

    static BoardTask Task1(string key, string title, DateTimeOffset? due, params string[] assignees) =>
        new(key, title, PlanTaskBuilder.BucketFor(due), due, assignees, ["Xây dựng kế hoạch", "Gửi báo cáo"], "https://school.sharepoint.com/Kế hoạch/a.docx", "Kế hoạch 12/KH", null, "Nhiệm vụ");

    static readonly DateTimeOffset May10 = PlannerDueDates.StartOfDay(new DateOnly(2024, 5, 10));

    [Theory, InlineData("graph"), InlineData("local")]
    public async Task Upsert_then_nothing_changed_then_a_field_changed(string kind)
    {
        var t = Make(kind);
        var b = await t.Board.EnsureBoardAsync(Tenant, "p1", "12/KH – Kế hoạch A");
        Assert.Equal(b, await t.Board.EnsureBoardAsync(Tenant, "p1", "12/KH – Kế hoạch A"));
        var tasks = new[] { Task1("a1", "[NV01] Tổ Toán: dạy", May10, "u1"), Task1("a2", "[NV02] Tổ Văn: dạy", null, "u2", "u3") };
        var s1 = await t.Board.UpsertTasksAsync(b, tasks);
        Assert.Equal((2, 0), (s1.Created, s1.Updated));
        var s2 = await t.Board.UpsertTasksAsync(b, tasks);
        Assert.Equal((0, 0, 2), (s2.Created, s2.Updated, s2.Unchanged));
        var s3 = await t.Board.UpsertTasksAsync(b, [tasks[0], tasks[1] with { AssigneeIds = ["u2"] }]);
        Assert.Equal(1, s3.Updated);
        var remote = await t.Remote(b);
        Assert.Equal(2, remote.Count);
        Assert.Equal(["u2"], remote.Single(r => r.Title.StartsWith("[NV02]", StringComparison.Ordinal)).AssigneeIds);
        Assert.Equal(May10, remote.Single(r => r.Title.StartsWith("[NV01]", StringComparison.Ordinal)).DueAt);
    }

    [Theory, InlineData("graph"), InlineData("local")]
    public async Task Remote_redate_and_local_progress_are_both_kept_and_the_redate_is_reported(string kind)
    {
        var t = Make(kind);
        var b = await t.Board.EnsureBoardAsync(Tenant, "p2", "Kế hoạch B");
        await t.Board.UpsertTasksAsync(b, [Task1("a1", "[NV01] x", May10, "u1")]);
        var id = (await t.Remote(b)).Single().Id;
        await t.EditRemote(b, id, (_, c) => c["dueDateTime"] = "2024-05-19T17:00:00Z");

        var s = await t.Board.SetProgressAsync(b, "a1", 50);

        // Local board: 412 then merge; Planner: the older ETag is accepted (no conflicting change) and the returned
        // task shows the re-date. Either way the re-date is reported once.
        Assert.Equal(kind == "local" ? 1 : 0, s.Conflicts);
        var change = Assert.Single(s.RemoteChanges);
        Assert.Equal(RemoteChangeKind.DueDate, change.Kind);
        var r = (await t.Remote(b)).Single();
        Assert.Equal((50, DateTimeOffset.Parse("2024-05-19T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), (r.PercentComplete, r.DueAt!.Value));
        Assert.Empty(await t.Board.ReadChangesAsync(b)); // already reported
    }

    [Theory, InlineData("graph"), InlineData("local")]
    public async Task Remote_completion_is_read_once(string kind)
    {
        var t = Make(kind);
        var b = await t.Board.EnsureBoardAsync(Tenant, "p3", "Kế hoạch C");
        await t.Board.UpsertTasksAsync(b, [Task1("a1", "[NV01] x", May10), Task1("a2", "[NV02] y", null)]);
        var id = (await t.Remote(b)).Single(r => r.Title.StartsWith("[NV02]", StringComparison.Ordinal)).Id;
        await t.EditRemote(b, id, (_, c) => c["percentComplete"] = 100);
        var changes = await t.Board.ReadChangesAsync(b);
        var c = Assert.Single(changes);
        Assert.Equal(("a2", RemoteChangeKind.Progress, 100), (c.TaskKey, c.Kind, c.PercentComplete));
        Assert.Empty(await t.Board.ReadChangesAsync(b));
        // Our next upsert of the unchanged plan does not undo the completion.
        await t.Board.UpsertTasksAsync(b, [Task1("a1", "[NV01] x", May10), Task1("a2", "[NV02] y", null)]);
        Assert.Equal(100, (await t.Remote(b)).Single(r => r.Id == id).PercentComplete);
    }

    [Theory, InlineData("graph"), InlineData("local")]
    public async Task Tasks_created_before_a_crash_are_adopted_not_duplicated(string kind)
    {
        var t = Make(kind);
        var b = await t.Board.EnsureBoardAsync(Tenant, "p4", "Kế hoạch D");
        var tasks = new[] { Task1("a1", "[NV01] x", May10), Task1("a2", "[NV02] y", null) };
        await t.Board.UpsertTasksAsync(b, tasks);
        // The crash: the remote side has the tasks, our commit of the snapshots never happened, the intents remain.
        foreach (var e in await ((ISyncStateStore)_h.Stores).ListAsync(Tenant, "board:p4"))
        {
            await _h.Stores.DeleteAsync(Tenant, "board:p4", e.Key);
            await _h.Stores.PutAsync(new SyncEntry(Tenant, "board-intent:p4", e.Key, "", null, null, _h.Clock.GetUtcNow()));
        }
        var s = await t.Board.UpsertTasksAsync(b, tasks);
        Assert.Equal((2, 0), (s.Adopted, s.Created));
        Assert.Equal(2, (await t.Remote(b)).Count);
    }

    [Theory, InlineData("graph"), InlineData("local")]
    public async Task Twenty_one_assignees_is_a_clear_error(string kind)
    {
        var t = Make(kind);
        var b = await t.Board.EnsureBoardAsync(Tenant, "p5", "Kế hoạch E");
        var ex = await Assert.ThrowsAsync<PlannerLimitException>(() => t.Board.UpsertTasksAsync(b, [Task1("a1", "[NV01] x", null, Enumerable.Range(0, 21).Select(i => $"u{i}").ToArray())]));
        Assert.Contains("tối đa 20", ex.MessageVi);
        Assert.Contains("at most 20", ex.MessageEn);
        Assert.Empty(await t.Remote(b));
    }

    IDocumentLibrary Library(string kind) => kind == "graph" ? _h.Library
        : new LocalDocumentLibrary(Options.Create(new GraphSyncOptions { LocalRoot = _root }), _h.Stores, _h.Clock, NullLogger<LocalDocumentLibrary>.Instance);

    void Drop(string kind, string name, string text)
    {
        if (kind == "graph") _h.Server.DropFile("Kế hoạch", name, Encoding.UTF8.GetBytes(text));
        else
        {
            var dir = Path.Combine(_root, Tenant, "Kế hoạch");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, name), text);
        }
    }

    [Theory, InlineData("graph"), InlineData("local")]
    public async Task Library_stores_with_metadata_replaces_on_retry_and_discovers_dropped_documents(string kind)
    {
        var lib = Library(kind);
        var meta = new PlanDocumentMetadata("82/KH-THPT BK", "Trường THPT Bách Khoa", 2023, "Kế hoạch năm học", "Published");
        var f1 = await lib.UploadPlanDocumentAsync(Tenant, "kh.docx", new MemoryStream([1]), meta);
        var f2 = await lib.UploadPlanDocumentAsync(Tenant, "kh.docx", new MemoryStream([2]), meta);
        Assert.Equal(f1.Id, f2.Id);
        Assert.Equal("82-KH-THPT BK.docx", f2.Path);
        Assert.Equal("82/KH-THPT BK", f2.Metadata["PlanNumber"]);
        Assert.Equal("2023", f2.Metadata["PlanYear"]);
        await using (var s = await lib.OpenAsync(Tenant, f2)) Assert.Equal(2, s.ReadByte());

        var report = await lib.UploadReportAsync(Tenant, "HK1 2023-2024", "Báo cáo.pdf", new MemoryStream([3]), new ReportMetadata("82/KH-THPT BK", "Trần Thị Lan", new DateOnly(2024, 5, 10), _h.Clock.GetUtcNow()));
        Assert.Equal("82-KH-THPT BK/HK1 2023-2024/Báo cáo.pdf", report.Path);
        Assert.Equal("2024-05-10", report.Metadata["Deadline"]);
        Assert.False(string.IsNullOrEmpty(await lib.GetLinkAsync(Tenant, report.Id)));

        Assert.Empty(await lib.DiscoverNewPlanDocumentsAsync(Tenant));
        Drop(kind, "KH 45.docx", "KẾ HOẠCH 45");
        var found = Assert.Single(await lib.DiscoverNewPlanDocumentsAsync(Tenant));
        Assert.Equal("KH 45.docx", found.Name);
        await using (var s = await lib.OpenAsync(Tenant, found)) Assert.Equal("KẾ HOẠCH 45", await new StreamReader(s).ReadToEndAsync());
        Assert.Empty(await lib.DiscoverNewPlanDocumentsAsync(Tenant));
    }

    [Theory, InlineData("graph"), InlineData("local")]
    public async Task Directory_resolves_with_and_without_diacritics_and_reports_ambiguity(string kind)
    {
        IDirectory dir;
        var people = new[] { ("Nguyễn Văn Hiếu", "Giám đốc", "Ban Giám đốc"), ("Nguyễn Văn Hiểu", "Giáo viên", "Tổ Toán"), ("Trần Thị Lan", "Chánh Văn phòng", "Văn phòng Sở") };
        var ids = new List<string>();
        if (kind == "graph")
        {
            foreach (var (n, t, d) in people) ids.Add(_h.Server.AddUser(n, t, d));
            dir = _h.Directory;
        }
        else
        {
            var i = 0;
            foreach (var (n, t, d) in people)
            {
                var id = $"m{++i}";
                ids.Add(id);
                await ((IMemberStore)_h.Stores).UpsertAsync(new Member(Tenant, id, n, null, t, d, MemberRoles.Member, "vi"));
            }
            dir = new LocalDirectory(_h.Stores);
        }
        Assert.Equal(ids[0], Assert.Single((await dir.ResolveAsync(Tenant, new Assignee("Nguyễn Văn Hiếu", null, null))).Users).Id);
        Assert.Equal(ids[2], Assert.Single((await dir.ResolveAsync(Tenant, new Assignee("tran thi lan", null, null))).Users).Id);
        var amb = await dir.ResolveAsync(Tenant, new Assignee("Nguyen Van Hieu", null, null));
        Assert.Equal(ResolutionStatus.Ambiguous, amb.Status);
        Assert.Equal(2, amb.Candidates.Count);
        Assert.Equal(ids[2], Assert.Single((await dir.ResolveAsync(Tenant, new Assignee(null, null, "văn phòng sở"))).Users).Id);
        Assert.Equal(ResolutionStatus.Unresolved, (await dir.ResolveAsync(Tenant, new Assignee(null, null, "Phòng Kế hoạch"))).Status);
    }

    [Fact]
    public async Task The_local_mode_syncs_seed_002_end_to_end_and_a_second_sync_enqueues_nothing()
    {
        var board = new LocalTaskBoard(_h.Stores, _h.Clock, NullLogger<LocalTaskBoard>.Instance);
        await ((IMemberStore)_h.Stores).UpsertAsync(new Member(Tenant, "m1", "Trần Thị Lan", null, "Chánh Văn phòng", "Văn phòng Sở", MemberRoles.Member, "vi"));
        var sync = new PlannerSyncService(board, new LocalDirectory(_h.Stores), _h.Stores, _h.Stores, _h.Clock, NullLogger<PlannerSyncService>.Instance);
        var plan = await Seed002.ReadAsync();
        var records = PlanTaskBuilder.RecordsFor(Tenant, "p002", plan, _h.Clock.GetUtcNow());
        var r1 = await sync.SyncPlanAsync(Tenant, "p002", plan, records, null);
        Assert.Equal((5, 5), (r1.Enqueued, r1.Created));
        var r2 = await sync.SyncPlanAsync(Tenant, "p002", plan, records, null);
        Assert.Equal((0, 0, 0), (r2.Enqueued, r2.Created, r2.Updated));
        var b = await board.EnsureBoardAsync(Tenant, "p002", "");
        var rows = await board.ListRowsAsync(b);
        Assert.Equal(["m1"], rows.Single(r => r.Title.StartsWith("[NV01]", StringComparison.Ordinal)).AssigneeIds);
        await sync.OnAssignmentChangedAsync(records[0] with { State = records[0].State.Apply(AssignmentAction.Done, _h.Clock.GetUtcNow()) });
        Assert.Equal(100, (await board.ListRowsAsync(b)).Single(r => r.Title.StartsWith("[NV01]", StringComparison.Ordinal)).PercentComplete);
    }
}
