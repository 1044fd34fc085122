using System.Text.Json.Nodes;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using static TeamsPlans.GraphSync.Tests.TestUtil;

namespace TeamsPlans.GraphSync.Tests;

/// <summary>Planner sync of seed 002 through the real Graph SDK against the fake Graph server.</summary>
public sealed class PlannerSyncTests : IAsyncLifetime
{
    GraphHarness _h = null!;
    const string Tenant = GraphHarness.Tenant;
    const string PlanId = "plan-002";
    string _vp1 = "", _vp2 = "";
    PlanDocument _plan = null!;
    IReadOnlyList<AssignmentRecord> _records = null!;

    public async Task InitializeAsync()
    {
        _h = await GraphHarness.StartAsync();
        _vp1 = _h.Server.AddUser("Trần Thị Lan", "Chánh Văn phòng", "Văn phòng Sở");
        _vp2 = _h.Server.AddUser("Lê Văn Minh", "Chuyên viên", "Văn phòng Sở");
        _h.Server.AddUser("Nguyễn Văn Hiếu", "Giám đốc", "Ban Giám đốc");
        _plan = await Seed002.ReadAsync();
        _records = PlanTaskBuilder.RecordsFor(Tenant, PlanId, _plan, _h.Clock.GetUtcNow());
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    async Task<LibraryFile> UploadSeedAsync()
    {
        await using var f = File.OpenRead(Seed002.Path);
        return await _h.Library.UploadPlanDocumentAsync(Tenant, "002_f5ffa53c17f34042.txt", f,
            new PlanDocumentMetadata(_plan.Number ?? PlanId, _plan.Issuer, _plan.Year, _plan.Title, "Published"));
    }

    async Task<PlanSyncReport> FirstSyncAsync()
    {
        var file = await UploadSeedAsync();
        return await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
    }

    JsonObject TaskByCode(string code) => _h.Server.TasksOfPlan(_h.Server.Plans.Keys.Single()).Single(t => ((string)t["title"]!).StartsWith($"[{code}]", StringComparison.Ordinal));

    [Fact]
    public async Task First_sync_of_seed_002_sends_the_expected_requests_and_builds_the_board()
    {
        var report = await FirstSyncAsync();
        Assert.Empty(report.Failures);

        // Derived from the parsed seed: 3 duties (one with two report deadlines, 10/5 and 15/10 yearly) → 5 tasks, 3 buckets.
        Assert.Equal(3, _plan.Assignments.Count);
        var tasks = PlanTaskBuilder.Build(_plan, _records, new Dictionary<string, IReadOnlyList<string>>(), null);
        var n = tasks.Count;
        var nb = tasks.Select(t => t.Bucket).Distinct().Count();
        Assert.Equal((5, 3), (n, nb));
        string[] expected =
        [
            "GET /sites/site-1/lists?$select=id,displayName",
            "POST /sites/site-1/lists",
            "GET /sites/site-1/lists/{list}/columns?$select=name",
            .. Times(5, "POST /sites/site-1/lists/{list}/columns"),
            "GET /sites/site-1/lists/{list}/drive?$select=id",
            "PUT /drives/{drive}/root:/plan-002.txt:/content?@microsoft.graph.conflictBehavior=replace",
            "PATCH /drives/{drive}/items/{item}/listItem/fields",
            "GET /users?$select=id,displayName,jobTitle,department,mail,userPrincipalName&$top=999",
            "POST /planner/plans",       // no listing of the group's plans: no create intent left by a crash
            "GET /planner/plans/{plan}/details",   // the labels 1–4 are named after the four official states (issue 15)
            "PATCH /planner/plans/{plan}/details",
            "POST /$batch",              // no listing of buckets: a plan we just created has none but ours
            .. Times(3, "  POST /planner/buckets"),
            "POST /$batch",
            .. Times(5, "  POST /planner/tasks"),
            "POST /$batch",
            .. Times(5, "  GET /planner/tasks/{task}/details"),
            "POST /$batch",
            .. Times(5, "  PATCH /planner/tasks/{task}/details"),
            // No ETag refresh listing: the details writes moved the task ETags, but Planner accepts the older ones for
            // writes that do not touch the counters they changed.
        ];
        SequenceEqual(expected, Sequence(_h.Server.Requests));

        Assert.Equal(5, report.Created);
        Assert.Equal(5, report.TasksPlanned);
        // "Các phòng thuộc Sở, các đơn vị giáo dục" and "Các đơn vị" are not people or departments: reported, not guessed.
        Assert.Equal(2, report.Unresolved.Count);
        Assert.All(report.Unresolved, u => Assert.Equal(ResolutionStatus.Unresolved, u.Status));
        Assert.All(report.Unresolved, u => Assert.Contains("Không tìm thấy", u.MessageVi));

        var nv1 = TaskByCode("NV01");
        Assert.Equal(new[] { _vp1, _vp2 }.Order(), ((JsonObject)nv1["assignments"]!).Select(kv => kv.Key).Order());
        Assert.Null((string?)nv1["dueDateTime"]);
        var d1 = _h.Server.TaskDetails((string)nv1["id"]!);
        Assert.Equal(4, ((JsonObject)d1["checklist"]!).Count); // duty split on ';'
        Assert.Contains("tp:plan-002:a1", (string)d1["description"]!);
        var refKey = ((JsonObject)d1["references"]!).Single().Key;
        Assert.StartsWith("https%3A//school%2Esharepoint%2Ecom/", refKey);
        Assert.Equal("checklist", (string?)d1["previewType"]);

        // "trước ngày 10/5 và 15/10 hàng năm" in a 2024 plan: due at the start of the day in Asia/Ho_Chi_Minh.
        Assert.Equal("2024-05-09T17:00:00Z", (string?)TaskByCode("NV02")["dueDateTime"]);
        Assert.Equal("2024-05-09T17:00:00Z", (string?)TaskByCode("BC02-1")["dueDateTime"]);
        Assert.Equal("2024-10-14T17:00:00Z", (string?)TaskByCode("BC02-2")["dueDateTime"]);
        var buckets = _h.Server.Buckets.Values.Select(b => (string)b.Json["name"]!).Order().ToList();
        Assert.Equal(["Hạn 10/05/2024", "Hạn 15/10/2024", PlanTaskBuilder.UndatedBucket], buckets);
        // Every PATCH carried If-Match.
        Assert.All(_h.Server.Operations().Where(r => r.Method == "PATCH" && r.Path.StartsWith("/planner")), r => Assert.StartsWith("W/\"", r.IfMatch));
        var library = _h.Server.FilesIn("Kế hoạch").Single();
        Assert.Equal("plan-002", (string?)library.Fields["PlanNumber"]);
        Assert.Equal(2024, (int?)library.Fields["PlanYear"]);
    }

    [Fact]
    public async Task A_sync_with_no_changes_sends_nothing_and_after_a_restart_writes_nothing()
    {
        var file = await UploadSeedAsync();
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        _h.Server.ClearLog();

        var again = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        Assert.Empty(_h.Server.Requests);
        Assert.Equal(0, again.Enqueued);

        _h.Restart();
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        Assert.Empty(_h.Server.Writes());
        SequenceEqual(["GET /users?$select=id,displayName,jobTitle,department,mail,userPrincipalName&$top=999"], Sequence(_h.Server.Requests));
    }

    [Fact]
    public async Task Progress_from_Teams_while_Planner_redated_the_task_is_accepted_with_the_old_ETag_and_the_redate_is_reported()
    {
        await FirstSyncAsync();
        var nv2 = TaskByCode("NV02");
        var id = (string)nv2["id"]!;
        _h.Server.EditTask(id, t => t["dueDateTime"] = "2024-05-19T17:00:00Z"); // a head moves it to 20/05 in Planner
        _h.Server.ClearLog();

        var rec = _records[1] with { State = _records[1].State.Apply(AssignmentAction.Progress, _h.Clock.GetUtcNow(), 50) };
        await _h.Sync.OnAssignmentChangedAsync(rec);

        // Planner accepts the older ETag: percentComplete did not change since that version (no 409), and the returned
        // task carries the re-date, which must be reported rather than silently stored as "what we last saw".
        SequenceEqual(["POST /$batch", "  PATCH /planner/tasks/{task}"], Sequence(_h.Server.Requests));
        var patch = Assert.Single(_h.Server.Operations(), r => r.Method == "PATCH");
        Assert.Equal(200, patch.Status);
        Assert.DoesNotContain("dueDateTime", patch.Body);
        var after = TaskByCode("NV02");
        Assert.Equal(50, (int)after["percentComplete"]!);                 // ours
        Assert.Equal("2024-05-19T17:00:00Z", (string?)after["dueDateTime"]); // theirs, kept

        var changes = await _h.Sync.PollAsync(Tenant);
        var due = Assert.Single(changes, c => c.Kind == RemoteChangeKind.DueDate);
        Assert.Equal("plan-002:a2", due.AssignmentId);
        Assert.Equal(new DateOnly(2024, 5, 20), PlannerDueDates.ToVietnamDay(due.DueAt!.Value));
        Assert.Empty(await _h.Sync.PollAsync(Tenant));
    }

    [Fact]
    public async Task Reimport_changing_a_duty_while_Planner_completed_the_task_keeps_both()
    {
        var file = await UploadSeedAsync();
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        var id = (string)TaskByCode("NV03")["id"]!;
        _h.Server.EditTask(id, t => { t["percentComplete"] = 100; t["completedDateTime"] = "2024-03-02T00:00:00Z"; });

        var edited = _records.Select(r => r.Ordinal == 3 ? r with { Duty = "Kịp thời phản hồi, đề xuất bằng văn bản về Văn phòng Sở" } : r).ToList();
        var report = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, edited, file.WebUrl);

        Assert.Equal(0, report.Conflicts); // the title write does not conflict with the completion: the old ETag is accepted
        var t = TaskByCode("NV03");
        Assert.Equal(100, (int)t["percentComplete"]!);                           // theirs
        Assert.Contains("Kịp thời phản hồi, đề xuất bằng văn bản", (string)t["title"]!); // ours
        Assert.Contains(report.RemoteChanges, c => c.Kind == RemoteChangeKind.Progress && c.PercentComplete == 100 && c.AssignmentId == "plan-002:a3");
    }

    [Fact]
    public async Task Planner_edits_are_found_by_polling_ETags_with_paging()
    {
        _h.Server.PageSize = 2;
        await FirstSyncAsync();
        var id = (string)TaskByCode("BC02-2")["id"]!;
        _h.Server.EditTask(id, t => t["percentComplete"] = 100);
        _h.Server.ClearLog();

        var changes = await _h.Sync.PollAsync(Tenant);

        SequenceEqual(["GET /planner/plans/{plan}/tasks", "GET /planner/plans/{plan}/tasks?$skiptoken=2", "GET /planner/plans/{plan}/tasks?$skiptoken=4"], Sequence(_h.Server.Requests));
        var c = Assert.Single(changes);
        Assert.Equal((RemoteChangeKind.Progress, 100, "plan-002:a2:d2"), (c.Kind, c.PercentComplete, c.TaskKey));
        Assert.Empty(await _h.Sync.PollAsync(Tenant));
    }

    [Fact]
    public async Task Done_in_Teams_sets_percentComplete_100_with_IfMatch()
    {
        await FirstSyncAsync();
        _h.Server.ClearLog();
        var rec = _records[0] with { State = _records[0].State.Apply(AssignmentAction.Done, _h.Clock.GetUtcNow()) };
        await _h.Sync.OnAssignmentChangedAsync(rec);
        await _h.Sync.OnAssignmentChangedAsync(rec); // replay: same version, nothing sent
        var patch = Assert.Single(_h.Server.Writes());
        Assert.NotNull(patch.IfMatch);
        Assert.Equal(100, (int)TaskByCode("NV01")["percentComplete"]!);
    }

    [Fact]
    public async Task A_crash_after_tasks_were_created_does_not_duplicate_them_on_restart()
    {
        var file = await UploadSeedAsync();
        _h.Crash.When = (req, body) => req.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) && body.Contains("\"/planner/tasks\"", StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl));
        var planId = _h.Server.Plans.Keys.Single();
        Assert.Equal(5, _h.Server.TasksOfPlan(planId).Count); // Graph created them; we never heard back
        Assert.Equal(5, (await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.InFlight)).Count);

        _h.Restart();
        _h.Clock.Advance(TimeSpan.FromMinutes(6)); // the dead owner's lease expires
        _h.Server.ClearLog();
        var report = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);

        // The restart: directory (new process cache), one listing finds the 5 tasks by their [code] (no POST), their
        // details are written (idempotent: deterministic checklist ids); no refresh listing afterwards.
        SequenceEqual([
            "GET /users?$select=id,displayName,jobTitle,department,mail,userPrincipalName&$top=999",
            "GET /planner/plans/{plan}/tasks",
            "POST /$batch",
            .. Times(5, "  GET /planner/tasks/{task}/details"),
            "POST /$batch",
            .. Times(5, "  PATCH /planner/tasks/{task}/details"),
        ], Sequence(_h.Server.Requests));
        Assert.Equal(5, report.Adopted);
        Assert.Equal(0, report.Created);
        Assert.Equal(5, _h.Server.TasksOfPlan(planId).Count);
        Assert.Equal(5, _h.Server.TasksOfPlan(planId).Select(t => (string)t["title"]!).Distinct().Count());
        Assert.DoesNotContain(_h.Server.Operations(), r => r.Method == "POST" && r.Path == "/planner/tasks");
        Assert.Contains(_h.Server.Operations(), r => r.Method == "GET" && r.Path.StartsWith("/planner/plans/" + planId + "/tasks", StringComparison.Ordinal));
        Assert.All(_h.Server.TasksOfPlan(planId), t => Assert.Contains("tp:plan-002:", (string)_h.Server.TaskDetails((string)t["id"]!)["description"]!));
        Assert.Empty(await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.InFlight));
        Assert.Empty(await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.Queued));
    }

    [Fact]
    public async Task A_crash_after_the_Planner_plan_was_created_adopts_it_on_restart()
    {
        var file = await UploadSeedAsync();
        _h.Crash.When = (req, _) => req.Method == HttpMethod.Post && req.RequestUri!.AbsolutePath.EndsWith("/planner/plans", StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl));
        _h.Restart();
        _h.Clock.Advance(TimeSpan.FromMinutes(6));
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        Assert.Single(_h.Server.Plans);
        Assert.Equal(5, _h.Server.Tasks.Count);
    }

    [Fact]
    public async Task A_504_after_Planner_created_tasks_in_a_batch_does_not_create_them_twice()
    {
        var file = await UploadSeedAsync();
        _h.Server.FailAfterActing((m, p, inBatch) => inBatch && m == "POST" && p == "/planner/tasks", 2);

        var report = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        Assert.NotEmpty(report.Failures);               // two creates answered 504: in doubt, not re-sent blindly
        Assert.Equal(5, _h.Server.Tasks.Count);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        _h.Server.ClearLog();
        var d = await _h.Sync.DrainOutboxAsync();

        Assert.Equal(5, _h.Server.Tasks.Count);         // the two in doubt were found by their [code] and adopted
        Assert.Equal((0, 2), (d.Created, d.Adopted));
        Assert.DoesNotContain(_h.Server.Operations(), r => r.Method == "POST" && r.Path == "/planner/tasks");
        Assert.Equal(5, _h.Server.Tasks.Values.Select(t => (string)t.Json["title"]!).Distinct().Count());
        Assert.All(_h.Server.Tasks.Keys, id => Assert.Contains("tp:plan-002:", (string)_h.Server.TaskDetails(id)["description"]!));
    }

    [Fact]
    public async Task A_504_on_the_batch_envelope_after_it_ran_does_not_create_the_tasks_twice()
    {
        var file = await UploadSeedAsync();
        // The first $batch creates the buckets; the second (the task creates) runs and is then answered 504.
        _h.Server.FailAfterActing((m, p, inBatch) => !inBatch && p == "/$batch", 1, skip: 1);

        var report = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        Assert.NotEmpty(report.Failures);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        var d = await _h.Sync.DrainOutboxAsync();

        Assert.Equal(5, _h.Server.Tasks.Count);
        Assert.Equal(5, d.Adopted);
        Assert.Empty(await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.Queued));
    }

    [Fact]
    public async Task A_throttled_batch_envelope_is_resent_after_its_Retry_After_and_runs_once()
    {
        var file = await UploadSeedAsync();
        _h.Server.ThrottleNext((m, p, inBatch) => !inBatch && p == "/$batch", 1, 9);

        var report = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);

        Assert.Empty(report.Failures);
        Assert.Contains(TimeSpan.FromSeconds(9), _h.Clock.Delays);
        Assert.Equal(5, _h.Server.Tasks.Count);
        Assert.Equal(3, _h.Server.Buckets.Count);
    }

    [Fact]
    public async Task Top_level_429_is_retried_after_Retry_After()
    {
        var file = await UploadSeedAsync();
        _h.Server.ThrottleNext((m, p, inBatch) => !inBatch && p == "/planner/plans", 1, 7);
        _h.Server.ClearLog();
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        var groupCalls = _h.Server.Requests.Where(r => r.Path == "/planner/plans").OrderBy(r => r.Seq).ToList();
        Assert.Equal([429, 201], groupCalls.Select(r => r.Status));
        Assert.Contains(TimeSpan.FromSeconds(7), _h.Clock.Delays);
        Assert.Equal(5, _h.Server.Tasks.Count);
    }

    [Fact]
    public async Task A_429_inside_a_batch_retries_only_the_throttled_requests_after_their_Retry_After()
    {
        var file = await UploadSeedAsync();
        _h.Server.ThrottleNext((m, p, inBatch) => inBatch && m == "POST" && p == "/planner/tasks", 2, 3);
        _h.Server.ClearLog();
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        var posts = _h.Server.Operations().Where(r => r.Method == "POST" && r.Path == "/planner/tasks").ToList();
        Assert.Equal(7, posts.Count);
        Assert.Equal(2, posts.Count(p => p.Status == 429));
        Assert.Equal(2, posts.Select(p => p.BatchSeq).Distinct().Count()); // first batch of 5, retry batch of 2
        Assert.Contains(TimeSpan.FromSeconds(3), _h.Board.BatchWaits);
        Assert.Equal(5, _h.Server.Tasks.Count);
    }

    [Fact]
    public async Task Too_many_assignees_fails_with_a_bilingual_error_and_sends_no_task()
    {
        var file = await UploadSeedAsync();
        var many = Enumerable.Range(0, 21).Select(i => _h.Server.AddUser($"Giáo viên {i}", "Giáo viên", "Tổ Toán")).ToList();
        // A unit is assigned as a whole (21 members); a job title held by 21 would be ambiguous instead (issue 18).
        var recs = _records.Select(r => r.Ordinal == 1 ? r with { Assignee = new Assignee(null, null, "Tổ Toán") } : r).ToList();
        _h.Restart(); // fresh directory cache with the new users
        var report = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, recs, file.WebUrl);
        var failure = Assert.Single(report.Failures);
        Assert.Contains("tối đa 20", failure);
        Assert.Contains("at most 20", failure);
        Assert.DoesNotContain(_h.Server.Operations(), r => r.Path == "/planner/tasks");
        Assert.Equal(5, (await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.Failed)).Count);
    }

    [Fact]
    public async Task More_than_200_deadlines_or_9000_tasks_or_20_checklist_items_are_refused_before_any_request()
    {
        var start = new DateOnly(2024, 1, 1);
        var deadlines = Enumerable.Range(0, 201).Select(i => new Deadline(DueDate.OnDate(start.AddDays(i)), null, $"Báo cáo {i}", null, null)).ToList();
        var big = _plan with { Deadlines = deadlines };
        var ex = await Assert.ThrowsAsync<PlannerLimitException>(() => _h.Sync.SyncPlanAsync(Tenant, PlanId, big, _records, null));
        Assert.Contains("tối đa 200", ex.MessageVi);
        Assert.Contains("at most 200", ex.MessageEn);

        var huge = _plan with { Deadlines = Enumerable.Range(0, 9001).Select(i => new Deadline(DueDate.OnDate(start.AddDays(i % 150)), null, $"Báo cáo {i}", null, null)).ToList() };
        var ex2 = await Assert.ThrowsAsync<PlannerLimitException>(() => _h.Sync.SyncPlanAsync(Tenant, PlanId, huge, _records, null));
        Assert.Equal("planner.tasks", ex2.Code);

        var board = await _h.Board.EnsureBoardAsync(Tenant, "p-limits", "Giới hạn");
        _h.Server.ClearLog();
        var task = new BoardTask("k1", "[NV01] x", "b", null, [], Enumerable.Range(0, 21).Select(i => $"mục {i}").ToList(), null, null, null, "");
        var ex3 = await Assert.ThrowsAsync<PlannerLimitException>(() => _h.Board.UpsertTasksAsync(board, [task]));
        Assert.Equal("planner.checklist", ex3.Code);
        Assert.Empty(_h.Server.Requests);
    }

    [Fact]
    public async Task Throttling_that_outlives_the_batch_retries_reschedules_the_outbox_after_Retry_After_without_duplicates()
    {
        var file = await UploadSeedAsync();
        // 5 creates × 7 attempts: every in-batch retry is throttled too, the batch gives up with 429 + Retry-After 120.
        _h.Server.ThrottleNext((m, p, inBatch) => inBatch && m == "POST" && p == "/planner/tasks", 35, 120);
        var report = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        Assert.Equal(0, report.Created);
        Assert.Contains("429", Assert.Single(report.Failures));
        Assert.Equal(6, _h.Board.BatchWaits.Count(w => w == TimeSpan.FromSeconds(120)));
        var queued = await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.Queued);
        Assert.Equal(5, queued.Count);
        var failedAt = _h.Clock.GetUtcNow();
        Assert.All(queued, q => Assert.Equal(failedAt + TimeSpan.FromSeconds(120), q.NotBefore)); // Retry-After beats the 30 s backoff
        Assert.Empty(_h.Server.Tasks);

        // Not due yet: a drain does nothing.
        _h.Server.ClearLog();
        Assert.Equal(0, (await _h.Sync.DrainOutboxAsync()).Completed);
        Assert.Empty(_h.Server.Requests);

        _h.Clock.Advance(TimeSpan.FromSeconds(120));
        var d = await _h.Sync.DrainOutboxAsync();
        Assert.Equal((5, 5, 0), (d.Completed, d.Created, d.Adopted));
        Assert.Equal(5, _h.Server.Tasks.Count);
    }

    [Fact]
    public async Task A_top_level_429_beyond_the_retries_reschedules_the_outbox_after_its_Retry_After()
    {
        var file = await UploadSeedAsync();
        _h.Server.ThrottleNext((m, p, inBatch) => !inBatch && p == "/planner/plans", 7, 600);
        var report = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        Assert.Single(report.Failures);
        var queued = await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.Queued);
        Assert.Equal(5, queued.Count);
        Assert.All(queued, q => Assert.Equal(_h.Clock.GetUtcNow() + TimeSpan.FromSeconds(600), q.NotBefore));
        Assert.Equal(7, _h.Server.Requests.Count(r => r.Path == "/planner/plans" && r.Status == 429));

        _h.Clock.Advance(TimeSpan.FromSeconds(600));
        var d = await _h.Sync.DrainOutboxAsync();
        Assert.Equal(5, d.Created);
        Assert.Single(_h.Server.Plans);
        Assert.Equal(5, _h.Server.Tasks.Count);
    }

    [Fact]
    public async Task A_reworded_duty_updates_details_without_a_read_and_a_tick_made_in_Planner_survives_the_409()
    {
        var file = await UploadSeedAsync();
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        var nv1 = (string)TaskByCode("NV01")["id"]!;
        var nv2 = (string)TaskByCode("NV02")["id"]!;
        var items = ((JsonObject)_h.Server.TaskDetails(nv1)["checklist"]!).Select(kv => kv.Key).ToList();
        var first = GraphTaskBoard.ChecklistId("plan-002:a1", 0);
        Assert.Contains(first, items);
        // A head ticks the first checklist item of NV01 in Planner.
        _h.Server.EditDetails(nv1, d => d["checklist"]![first]!["isChecked"] = true);
        _h.Server.ClearLog();

        // Re-import: NV01 and NV02 reworded (title, checklist and description change).
        var edited = _records.Select(r => r.Ordinal is 1 or 2 ? r with { Duty = r.Duty.Replace("theo dõi", "theo dõi sát", StringComparison.Ordinal).Replace("căn cứ chức năng", "dựa trên chức năng", StringComparison.Ordinal) } : r).ToList();
        var report = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, edited, file.WebUrl);

        SequenceEqual([
            "POST /$batch", "  PATCH /planner/tasks/{task}", "  PATCH /planner/tasks/{task}",      // old task ETags accepted: the tick moved only counters
            "POST /$batch", "  PATCH /planner/tasks/{task}/details", "  PATCH /planner/tasks/{task}/details", // stored details ETags: no read
            "POST /$batch", "  GET /planner/tasks/{task}/details",                                  // NV01's ticked item is ours too: 409, read
            "POST /$batch", "  PATCH /planner/tasks/{task}/details",
        ], Sequence(_h.Server.Requests));
        var taskPatches = _h.Server.Operations().Where(r => r.Method == "PATCH" && !r.Path.EndsWith("/details", StringComparison.Ordinal)).ToList();
        Assert.All(taskPatches, p => Assert.Equal(200, p.Status));
        var detailPatches = _h.Server.Operations().Where(r => r.Method == "PATCH" && r.Path.EndsWith("/details", StringComparison.Ordinal)).ToList();
        Assert.Equal([200, 200, 409], detailPatches.Select(p => p.Status).Order());
        Assert.Equal(0, report.Conflicts);
        Assert.Empty(report.RemoteChanges); // a tick is not a title/date/progress/assignee change
        Assert.NotEqual(_records[0].Duty, edited[0].Duty);
        Assert.NotEqual(_records[1].Duty, edited[1].Duty);
        Assert.Contains("theo dõi sát", (string)TaskByCode("NV01")["title"]!);
        var d1 = (JsonObject)_h.Server.TaskDetails(nv1)["checklist"]!;
        Assert.True((bool)d1[first]!["isChecked"]!);                          // theirs: the tick
        Assert.Contains("theo dõi sát", (string)d1[first]!["title"]!);       // ours: the new wording
        Assert.Contains("dựa trên chức năng", (string)_h.Server.TaskDetails(nv2)["description"]!);

        _h.Server.ClearLog();
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, edited, file.WebUrl);
        Assert.Empty(_h.Server.Writes());
    }

    [Fact]
    public async Task A_reimport_rewording_a_task_renamed_in_Planner_meets_409_keeps_their_title_and_reports_it()
    {
        var file = await UploadSeedAsync();
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records, file.WebUrl);
        var id = (string)TaskByCode("NV03")["id"]!;
        _h.Server.EditTask(id, t => t["title"] = "[NV03] Phản hồi ý kiến (trưởng phòng sửa)"); // renamed in Planner
        _h.Server.ClearLog();

        var edited = _records.Select(r => r.Ordinal == 3 ? r with { Duty = "Kịp thời phản hồi bằng văn bản về Văn phòng Sở" } : r).ToList();
        var report = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, edited, file.WebUrl);

        // Our title write meets their rename since the stored version: 409, read, merge (the human edit is kept).
        var patches = _h.Server.Operations().Where(r => r.Method == "PATCH" && r.Path == $"/planner/tasks/{id}").ToList();
        Assert.Equal(409, patches[0].Status);
        Assert.Empty(report.Failures);
        Assert.Equal(1, report.Conflicts);
        Assert.Equal("[NV03] Phản hồi ý kiến (trưởng phòng sửa)", (string)TaskByCode("NV03")["title"]!);
        Assert.Contains(report.RemoteChanges, c => c.Kind == RemoteChangeKind.Title && c.AssignmentId == "plan-002:a3");
    }

    [Fact]
    public async Task Acknowledge_writes_nothing_and_progress_from_Teams_is_50_in_Planner()
    {
        await FirstSyncAsync();
        _h.Server.ClearLog();
        var now = _h.Clock.GetUtcNow();
        var ack = _records[2] with { State = _records[2].State.Apply(AssignmentAction.Acknowledge, now) };
        await _h.Sync.OnAssignmentChangedAsync(ack);
        Assert.Empty(_h.Server.Writes()); // acknowledged = 0 %, which Planner already has
        var progress = ack with { State = ack.State.Apply(AssignmentAction.Progress, now, 50) };
        await _h.Sync.OnAssignmentChangedAsync(progress);
        var patch = Assert.Single(_h.Server.Writes());
        Assert.Contains("\"percentComplete\":50", patch.Body);
        Assert.Equal(50, (int)TaskByCode("NV03")["percentComplete"]!);
    }

    [Fact]
    public async Task Progress_for_a_task_not_yet_on_the_board_waits_for_the_next_sync_instead_of_failing()
    {
        var file = await UploadSeedAsync();
        await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, _records.Take(2).ToList(), file.WebUrl); // NV03 not synced yet
        _h.Server.ClearLog();
        var done = _records[2] with { State = _records[2].State.Apply(AssignmentAction.Done, _h.Clock.GetUtcNow()) };
        await _h.Sync.OnAssignmentChangedAsync(done);
        Assert.Empty(_h.Server.Requests);
        Assert.Empty(await _h.Stores.ListAsync(Tenant, PlannerSyncService.Outbox, WorkState.Queued)); // not retried forever

        var report = await _h.Sync.SyncPlanAsync(Tenant, PlanId, _plan, [_records[0], _records[1], done], file.WebUrl);
        Assert.Equal(1, report.Created);
        Assert.Equal(100, (int)TaskByCode("NV03")["percentComplete"]!);
    }
}
