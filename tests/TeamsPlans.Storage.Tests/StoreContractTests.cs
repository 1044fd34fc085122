using System.Data.Common;
using Microsoft.Extensions.Time.Testing;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage.Tests;

/// <summary>The same contract, run against every provider (derived classes at the bottom).</summary>
public abstract partial class StoreContractTests<TProvider> : IClassFixture<TProvider>, IAsyncLifetime
    where TProvider : StoreProvider
{
    protected readonly TProvider Provider;
    protected readonly FakeTimeProvider Time = new(TestData.Start);
    protected IStateStore Store = null!;
    private readonly List<IStateStore> _extra = [];

    protected StoreContractTests(TProvider provider) => Provider = provider;

    public async Task InitializeAsync()
    {
        Store = Provider.Create(Time);
        await Store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var s in _extra) await s.DisposeAsync();
        await Store.DisposeAsync();
    }

    /// <summary>Another store object on the same database: a second "instance".</summary>
    protected IStateStore NewInstance(TimeProvider? time = null, StateStoreOptions? options = null)
    {
        var s = Provider.Create(time ?? Time, options);
        _extra.Add(s);
        return s;
    }

    protected async Task<long> ScalarAsync(string sql, StateStoreOptions? options = null)
    {
        await using var c = await Provider.OpenRawAsync(options);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    // ---- migrations ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Provider_name_and_ping()
    {
        Assert.Equal(Provider.Name, Store.Provider);
        Assert.True(await Store.PingAsync());
    }

    [Fact]
    public async Task Migrations_are_idempotent_and_safe_when_run_concurrently()
    {
        var fresh = await Provider.NewDatabaseAsync();
        var instances = Enumerable.Range(0, 6).Select(_ => NewInstance(options: fresh)).ToList();
        await Task.WhenAll(instances.Select(s => s.MigrateAsync()));
        await Task.WhenAll(instances.Select(s => s.MigrateAsync()));

        var expected = Directory.GetFiles(Path.Combine(RepoRoot(), "src/Storage/Migrations", Provider.Name == "sqlite" ? "Sqlite" : "Postgres"), "*.sql").Length;
        Assert.True(expected >= 1);
        Assert.Equal(expected, await ScalarAsync("SELECT COUNT(*) FROM schema_migrations", fresh));
        Assert.Equal(expected, await ScalarAsync("SELECT COUNT(DISTINCT version) FROM schema_migrations", fresh));
        // The schema works after the race.
        Assert.True(await instances[0].Queue.EnqueueAsync("t", "q", "k", "key", "{}"));
        Assert.Single(await instances[5].Queue.ListAsync("t", "q"));
    }

    protected async Task<string?> TextAsync(string sql)
    {
        await using var c = await Provider.OpenRawAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (string?)await cmd.ExecuteScalarAsync();
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TeamsPlans.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    // ---- plans ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Plans_round_trip_the_parsed_document_and_find_by_number()
    {
        var t = TestData.Tenant("school");
        var plan = TestData.Plan(t, "p1", "82/KH-THPT BK", "Hoạt động đối ngoại năm 2024", "15/KH-SGDĐT");
        await Store.Plans.UpsertAsync(plan);

        var got = await Store.Plans.GetAsync(t, "p1");
        Assert.NotNull(got);
        Assert.Equal(StorageJson.Serialize(plan.Document), StorageJson.Serialize(got.Document));
        Assert.Equal(DueDate.Yearly(5, 10), got.Document.Deadlines[0].Due);
        Assert.Equal(Recurrence.Yearly, got.Document.Deadlines[0].Recurrence);
        Assert.Equal(DueDate.InQuarter(2024, 2), got.Document.Deadlines[1].Due);
        Assert.Equal("III.1", got.Document.Assignments[0].SectionId);
        Assert.Equal(new DateOnly(2024, 1, 15), got.Document.IssuedOn);
        Assert.Equal("Hoạt động đối ngoại năm 2024", got.Title);
        Assert.Equal(plan with { Document = got.Document }, got);

        foreach (var spelled in new[] { "82/KH-THPT BK", "82/kh-thpt bk", "82/KH-THPTBK", " 82 / KH-THPT  BK " })
            Assert.Equal("p1", (await Store.Plans.FindByNumberAsync(t, spelled))?.PlanId);
        Assert.Null(await Store.Plans.FindByNumberAsync(t, "83/KH-THPT BK"));
        Assert.Null(await Store.Plans.FindByNumberAsync(t, "   "));
        Assert.Null(await Store.Plans.GetAsync(t, "missing"));

        // Upsert replaces the document, keeps CreatedAt, and re-indexes number and citations.
        var later = TestData.Start.AddDays(1);
        var changed = TestData.Plan(t, "p1", "90/KH-THPT BK", "Sửa đổi", "16/KH-SGDĐT") with { CreatedAt = later, UpdatedAt = later, Status = PlanStatus.Archived };
        await Store.Plans.UpsertAsync(changed);
        var again = await Store.Plans.GetAsync(t, "p1");
        Assert.Equal("Sửa đổi", again!.Title);
        Assert.Equal(TestData.Start, again.CreatedAt);
        Assert.Equal(later, again.UpdatedAt);
        Assert.Equal(PlanStatus.Archived, again.Status);
        Assert.Null(await Store.Plans.FindByNumberAsync(t, "82/KH-THPT BK"));
        Assert.Equal("p1", (await Store.Plans.FindByNumberAsync(t, "90/kh-thpt bk"))?.PlanId);
        Assert.Empty(await Store.Plans.ListImplementingAsync([t], "15/KH-SGDĐT"));
        Assert.Single(await Store.Plans.ListImplementingAsync([t], "16/KH-SGDĐT"));

        await Store.Plans.UpsertAsync(TestData.Plan(t, "p2", null, "Không số"));
        var all = await Store.Plans.ListAsync(t);
        Assert.Equal(["p1", "p2"], all.Select(p => p.PlanId).Order().ToArray());
    }

    [Fact]
    public async Task Plan_document_column_holds_the_PlanJson_format()
    {
        var t = TestData.Tenant("school");
        var plan = TestData.Plan(t, "pj", "82/KH-THPT BK", "Kế hoạch đối ngoại", "15/KH-SGDĐT");
        await Store.Plans.UpsertAsync(plan);
        var raw = await TextAsync($"SELECT CAST(document_json AS text) FROM plans WHERE tenant_id = '{t}' AND plan_id = 'pj'");
        Assert.NotNull(raw);
        Assert.Contains("Kế hoạch đối ngoại", raw); // Vietnamese is not escaped
        using var json = System.Text.Json.JsonDocument.Parse(raw);
        Assert.Equal("--05-10", json.RootElement.GetProperty("deadlines")[0].GetProperty("due").GetString());
        Assert.Equal("yearly", json.RootElement.GetProperty("deadlines")[0].GetProperty("recurrence").GetString());
        Assert.Equal(TeamsPlans.Plans.Json.PlanJson.Serialize(plan.Document), TeamsPlans.Plans.Json.PlanJson.Serialize(TeamsPlans.Plans.Json.PlanJson.Deserialize(raw)));
    }

    [Fact]
    public async Task ListImplementing_finds_plans_citing_the_number_in_the_given_tenants_only()
    {
        var dept = TestData.Tenant("dept");
        var a = TestData.Tenant("a");
        var b = TestData.Tenant("b");
        var c = TestData.Tenant("c");
        await Store.Plans.UpsertAsync(TestData.Plan(dept, "d1", "15/KH-SGDĐT", "Kế hoạch của Sở"));
        await Store.Plans.UpsertAsync(TestData.Plan(a, "a1", "20/KH-THPT", "Trường A thực hiện", "15/KH-SGDĐT", "1/QĐ-UBND"));
        await Store.Plans.UpsertAsync(TestData.Plan(a, "a2", "21/KH-THPT", "Trường A khác", "99/KH-SGDĐT"));
        await Store.Plans.UpsertAsync(TestData.Plan(b, "b1", "5/KH-THCS", "Trường B thực hiện", "15/kh-sgdđt"));
        await Store.Plans.UpsertAsync(TestData.Plan(c, "c1", "7/KH-THCS", "Trường C (not asked for)", "15/KH-SGDĐT"));

        var found = await Store.Plans.ListImplementingAsync([a, b], "15 / KH-SGDĐT");
        Assert.Equal(["a1", "b1"], found.Select(p => p.PlanId).Order().ToArray());
        Assert.Empty(await Store.Plans.ListImplementingAsync([], "15/KH-SGDĐT"));
        Assert.Empty(await Store.Plans.ListImplementingAsync([a, b], ""));
        Assert.Single(await Store.Plans.ListImplementingAsync([c], "15/KH-SGDĐT"));
    }

    // ---- members / conversations -----------------------------------------------------------------------------

    [Fact]
    public async Task Members_crud()
    {
        var t = TestData.Tenant("school");
        var m1 = new Member(t, "u1", "Nguyễn Văn Ân", "an@school.edu.vn", "Giáo viên", "Tổ Toán", MemberRoles.Member, "vi-VN");
        var m2 = new Member(t, "u2", "Bùi Thị Bình", null, null, null, MemberRoles.Principal | MemberRoles.Admin, null);
        await Store.Members.UpsertAsync(m1);
        await Store.Members.UpsertAsync(m2);
        Assert.Equal(m1, await Store.Members.GetAsync(t, "u1"));
        Assert.Equal(m2, await Store.Members.GetAsync(t, "u2"));
        Assert.True((await Store.Members.GetAsync(t, "u2"))!.CanSeeOthers);
        await Store.Members.UpsertAsync(m1 with { Roles = MemberRoles.Member | MemberRoles.CommitteeHead, JobTitle = "Tổ trưởng" });
        Assert.Equal("Tổ trưởng", (await Store.Members.GetAsync(t, "u1"))!.JobTitle);
        // The chosen card language round-trips and wins over the client locale; a refresh of the member keeps it.
        await Store.Members.UpsertAsync(m2 with { Locale = "en-US" });
        Assert.True(await Store.Members.SetLanguageAsync(t, "u2", "vi"));
        var chosen = (await Store.Members.GetAsync(t, "u2"))!;
        Assert.Equal(("en-US", "vi", "vi-VN"), (chosen.Locale, chosen.Language, chosen.PreferredLocale));
        await Store.Members.UpsertAsync(m2 with { Locale = "en-GB" }); // a stale copy without the choice
        Assert.Equal(("en-GB", "vi"), ((await Store.Members.GetAsync(t, "u2"))!.Locale, (await Store.Members.GetAsync(t, "u2"))!.Language));
        Assert.True(await Store.Members.SetLanguageAsync(t, "u2", null));
        Assert.Equal("en-GB", (await Store.Members.GetAsync(t, "u2"))!.PreferredLocale);
        Assert.False(await Store.Members.SetLanguageAsync(t, "nobody", "en"));
        Assert.False(await Store.Members.SetLanguageAsync(TestData.Tenant("other"), "u2", "en")); // another tenant's member: untouched
        Assert.Null((await Store.Members.GetAsync(t, "u2"))!.Language);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.Members.SetLanguageAsync(t, "u2", "fr"));
        var list = await Store.Members.ListAsync(t);
        Assert.Equal(2, list.Count);
        Assert.Null(await Store.Members.GetAsync(t, "nobody"));
    }

    [Fact]
    public async Task Conversations_crud_and_block()
    {
        var t = TestData.Tenant("school");
        var r = new ConversationRef(t, "u1", "29:abc", "a:conv1", "https://smba.trafficmanager.net/apac/", "28:bot", "msteams", TestData.Start);
        await Store.Conversations.UpsertAsync(r);
        Assert.Equal(r, await Store.Conversations.GetAsync(t, "u1"));

        Time.Advance(TimeSpan.FromMinutes(5));
        await Store.Conversations.MarkBlockedAsync(t, "u1", "403 bot blocked by user");
        var blocked = await Store.Conversations.GetAsync(t, "u1");
        Assert.True(blocked!.Blocked);
        Assert.Equal("403 bot blocked by user", blocked.BlockedReason);
        Assert.Equal(TestData.Start.AddMinutes(5), blocked.UpdatedAt);

        // Re-installing the bot gives a fresh, unblocked reference.
        await Store.Conversations.UpsertAsync(r with { ConversationId = "a:conv2", UpdatedAt = Time.GetUtcNow() });
        var back = await Store.Conversations.GetAsync(t, "u1");
        Assert.False(back!.Blocked);
        Assert.Equal("a:conv2", back.ConversationId);
        Assert.Single(await Store.Conversations.ListAsync(t));
        Assert.Null(await Store.Conversations.GetAsync(t, "u2"));
    }

    // ---- assignments ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Assignments_crud_member_card()
    {
        var t = TestData.Tenant("school");
        await Store.Assignments.UpsertManyAsync([
            TestData.Assignment(t, "a2", "p1", 2),
            TestData.Assignment(t, "a1", "p1", 1, member: "u1"),
            TestData.Assignment(t, "b1", "p2", 1, member: "u1"),
        ]);
        var a1 = await Store.Assignments.GetAsync(t, "a1");
        Assert.NotNull(a1);
        Assert.Equal("Tổ Toán", a1.Assignee.Unit);
        Assert.Equal(DueDate.Yearly(5, 10), a1.Deadlines.Single().Due);
        Assert.Equal(AssignmentState.New, a1.State);
        Assert.Equal(["a1", "a2"], (await Store.Assignments.ListByPlanAsync(t, "p1")).Select(a => a.AssignmentId).ToArray());
        Assert.Equal(["a1", "b1"], (await Store.Assignments.ListByMemberAsync(t, "u1")).Select(a => a.AssignmentId).Order().ToArray());

        Time.Advance(TimeSpan.FromHours(1));
        await Store.Assignments.SetMemberAsync(t, "a2", "u2");
        await Store.Assignments.SetCardAsync(t, "a2", "act-1", "a:conv");
        var a2 = await Store.Assignments.GetAsync(t, "a2");
        Assert.Equal("u2", a2!.MemberAadObjectId);
        Assert.Equal("act-1", a2.CardActivityId);
        Assert.Equal("a:conv", a2.CardConversationId);
        Assert.Equal(TestData.Start.AddHours(1), a2.UpdatedAt);
        await Store.Assignments.SetMemberAsync(t, "a2", null);
        Assert.Null((await Store.Assignments.GetAsync(t, "a2"))!.MemberAadObjectId);

        // Upsert replaces by id.
        await Store.Assignments.UpsertManyAsync([TestData.Assignment(t, "a1", "p1", 1, member: "u3") with { Duty = "Mới" }]);
        var replaced = await Store.Assignments.GetAsync(t, "a1");
        Assert.Equal("Mới", replaced!.Duty);
        Assert.Equal("u3", replaced.MemberAadObjectId);
        Assert.Null(await Store.Assignments.GetAsync(t, "zz"));
    }

    [Fact]
    public async Task TryUpdateState_is_a_compare_and_swap_on_version()
    {
        var t = TestData.Tenant("school");
        await Store.Assignments.UpsertManyAsync([TestData.Assignment(t, "a1", "p1", 1)]);
        var now = Time.GetUtcNow();
        var ack = AssignmentState.New.Apply(AssignmentAction.Acknowledge, now);
        Assert.Equal(2, ack.Version);

        var (ok, current) = await Store.Assignments.TryUpdateStateAsync(t, "a1", 1, ack);
        Assert.True(ok);
        Assert.Equal(ack, current!.State);

        // A second writer that read version 1 loses and sees the winner's state.
        var stale = AssignmentState.New.Apply(AssignmentAction.Done, now, comment: "xong");
        var (ok2, current2) = await Store.Assignments.TryUpdateStateAsync(t, "a1", 1, stale);
        Assert.False(ok2);
        Assert.Equal(ack, current2!.State);

        var done = current2.State.Apply(AssignmentAction.Done, now.AddMinutes(1), comment: "Đã nộp");
        var (ok3, current3) = await Store.Assignments.TryUpdateStateAsync(t, "a1", 2, done);
        Assert.True(ok3);
        Assert.Equal(AssignmentStatus.Done, current3!.State.Status);
        Assert.Equal(3, current3.State.Version);
        Assert.Equal("Đã nộp", current3.State.LastComment);
        Assert.Equal(now.AddMinutes(1), current3.State.CompletedAt);

        var (ok4, current4) = await Store.Assignments.TryUpdateStateAsync(t, "missing", 1, ack);
        Assert.False(ok4);
        Assert.Null(current4);
    }

    [Fact]
    public async Task TryUpdateState_lets_exactly_one_of_many_concurrent_writers_win()
    {
        var t = TestData.Tenant("school");
        await Store.Assignments.UpsertManyAsync([TestData.Assignment(t, "a1", "p1", 1)]);
        var instances = Enumerable.Range(0, 4).Select(_ => NewInstance()).ToList();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            instances[i % 4].Assignments.TryUpdateStateAsync(t, "a1", 1, AssignmentState.New with { Version = 2, LastComment = $"w{i}" })));
        Assert.Single(results, r => r.Updated);
        var winner = results.Single(r => r.Updated).Current!.State.LastComment;
        Assert.Equal(winner, (await Store.Assignments.GetAsync(t, "a1"))!.State.LastComment);
    }

    // ---- reports / sync -------------------------------------------------------------------------------------

    [Fact]
    public async Task Reports_add_and_list()
    {
        var a = TestData.Tenant("a");
        var b = TestData.Tenant("b");
        var r1 = new ReportSubmission(a, "r1", "as1", "2024-05-10", "bao-cao.docx", "https://sp/r1", "u1", TestData.Start);
        var r2 = new ReportSubmission(a, "r2", "as2", "2024-11-10", "bc2.pdf", null, "u2", TestData.Start.AddDays(1));
        var r3 = new ReportSubmission(b, "r3", "as1", "2024-05-10", "bc3.pdf", null, "u3", TestData.Start.AddDays(2));
        foreach (var r in new[] { r1, r2, r3 }) await Store.Reports.AddAsync(r);
        await Store.Reports.AddAsync(r1); // a replayed submission does not duplicate

        Assert.Equal([r1], await Store.Reports.ListByAssignmentAsync(a, "as1"));
        Assert.Equal([r1, r2, r3], (await Store.Reports.ListByTenantsAsync([a, b])).OrderBy(r => r.ReportId).ToArray());
        Assert.Equal([r3], await Store.Reports.ListByTenantsAsync([b]));
        Assert.Empty(await Store.Reports.ListByTenantsAsync([]));
    }

    [Fact]
    public async Task Sync_entries_crud()
    {
        var t = TestData.Tenant("school");
        var e = new SyncEntry(t, "planner", "a1", "task-1", "W/\"etag1\"", "{ \"bucket\": \"b1\" }", TestData.Start);
        await Store.Sync.PutAsync(e);
        Assert.Equal(e, await Store.Sync.GetAsync(t, "planner", "a1"));
        var e2 = e with { ETag = "W/\"etag2\"", DataJson = null, UpdatedAt = TestData.Start.AddMinutes(1) };
        await Store.Sync.PutAsync(e2);
        Assert.Equal(e2, await Store.Sync.GetAsync(t, "planner", "a1"));
        await Store.Sync.PutAsync(e with { Key = "a0" });
        await Store.Sync.PutAsync(e with { Scope = "sharepoint" });
        Assert.Equal(["a0", "a1"], (await Store.Sync.ListAsync(t, "planner")).Select(x => x.Key).ToArray());
        await Store.Sync.DeleteAsync(t, "planner", "a1");
        Assert.Null(await Store.Sync.GetAsync(t, "planner", "a1"));
        Assert.Single(await Store.Sync.ListAsync(t, "planner"));
        Assert.Single(await Store.Sync.ListAsync(t, "sharepoint"));
    }
}

public sealed class SqliteStoreTests(SqliteProvider provider) : StoreContractTests<SqliteProvider>(provider)
{
    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_unix_millisecond_times()
    {
        Assert.Equal("wal", await TextAsync("PRAGMA journal_mode"));
        Assert.True(await Store.Queue.EnqueueAsync("t", "wal", "k", "key", "{}"));
        Assert.Equal(TestData.Start.ToUnixTimeMilliseconds(), await ScalarAsync("SELECT not_before FROM work_items WHERE queue = 'wal'"));
    }

    [Fact]
    public async Task Sqlite_writer_waits_for_another_process_lock_instead_of_failing_busy()
    {
        // A raw connection (as another process would) holds the write lock for 700 ms; the store's write waits on
        // busy_timeout and then succeeds, with no SQLITE_BUSY surfacing to the caller.
        await using var other = (Microsoft.Data.Sqlite.SqliteConnection)await Provider.OpenRawAsync();
        await using var tx = other.BeginTransaction(deferred: false);
        await using (var cmd = other.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO sync_entries (tenant_id, scope, entry_key, remote_id, updated_at) VALUES ('x', 's', 'k', 'r', 0)";
            await cmd.ExecuteNonQueryAsync();
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var write = Task.Run(() => Store.Queue.EnqueueAsync("t", "busy", "k", "key", "{}"));
        await Task.Delay(700);
        Assert.False(write.IsCompleted);
        await tx.CommitAsync();
        Assert.True(await write.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.True(sw.ElapsedMilliseconds >= 600);
        Assert.NotNull(await Store.Sync.GetAsync("x", "s", "k"));
    }

    [Fact]
    public void Migration_scripts_are_ordered_by_version_per_provider()
    {
        foreach (var folder in new[] { "sqlite", "postgres" })
        {
            var m = TeamsPlans.Storage.Sql.SqlDb.LoadMigrations(folder);
            Assert.Equal(1, m[0].Version);
            Assert.Equal(m.Select(x => x.Version).Order().ToArray(), m.Select(x => x.Version).ToArray());
            Assert.Contains("CREATE TABLE work_items", m[0].Sql);
        }
    }

    [Fact]
    public void Sqlite_refuses_an_in_memory_database()
    {
        var ex = Assert.Throws<ArgumentException>(() => StateStoreFactory.Create(new StateStoreOptions { Provider = "sqlite", ConnectionString = "Data Source=:memory:" }, Time));
        Assert.Contains(":memory:", ex.Message);
    }
}

public sealed class PostgresStoreTests(PostgresProvider provider) : StoreContractTests<PostgresProvider>(provider)
{
    [Fact]
    public async Task Postgres_stores_times_as_timestamptz_and_documents_as_jsonb()
    {
        Assert.Equal("timestamp with time zone", await TextAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'work_items' AND column_name = 'lease_until'"));
        Assert.Equal("jsonb", await TextAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'plans' AND column_name = 'document_json'"));
    }
}
