using System.Text;
using TeamsPlans.GraphSync.Tests.Fakes;
using static TeamsPlans.GraphSync.Tests.TestUtil;

namespace TeamsPlans.GraphSync.Tests;

public sealed class LibraryTests : IAsyncLifetime
{
    GraphHarness _h = null!;
    const string Tenant = GraphHarness.Tenant;

    public async Task InitializeAsync() => _h = await GraphHarness.StartAsync();
    public async Task DisposeAsync() => await _h.DisposeAsync();

    static ReportMetadata Meta(DateTimeOffset at) => new("82/KH-THPT BK", "Trần Thị Lan", new DateOnly(2024, 5, 10), at);

    [Fact]
    public async Task A_report_larger_than_4_MiB_goes_through_an_upload_session_in_320_KiB_multiples()
    {
        var data = new byte[5 * 1024 * 1024 + 123];
        new Random(7).NextBytes(data);
        var file = await _h.Library.UploadReportAsync(Tenant, "HK1", "Báo cáo đợt 1.pdf", new MemoryStream(data), Meta(_h.Clock.GetUtcNow()));

        var seq = Sequence(_h.Server.Requests);
        var tail = seq.SkipWhile(l => !l.Contains("createUploadSession", StringComparison.Ordinal)).ToList();
        SequenceEqual([
            "POST /drives/{drive}/root:/82-KH-THPT BK/HK1/Báo cáo đợt 1.pdf:/createUploadSession",
            "PUT /upload/{s}", "PUT /upload/{s}",
            "PATCH /drives/{drive}/items/{item}/listItem/fields"], tail);
        var puts = _h.Server.Requests.Where(r => r.Path.StartsWith("/upload/", StringComparison.Ordinal)).ToList();
        Assert.Equal([202, 201], puts.Select(p => p.Status));
        var stored = Assert.Single(_h.Server.FilesIn("Báo cáo"));
        Assert.Equal(data, stored.Content);
        Assert.Equal("82-KH-THPT BK/HK1/Báo cáo đợt 1.pdf", stored.Path);
        Assert.Equal("Trần Thị Lan", (string?)stored.Fields["Assignee"]);
        Assert.Equal("2024-05-10", (string?)stored.Fields["Deadline"]);
        Assert.Equal(data.Length, file.Size);
        Assert.Contains(_h.Server.Lists.Values.Single(l => l.Name == "Báo cáo").Columns, c => (string?)c["name"] == "SubmittedAt");
    }

    [Fact]
    public async Task A_fragment_stored_but_answered_504_is_not_restarted_the_upload_resumes_from_nextExpectedRanges()
    {
        var data = new byte[_h.Options.UploadChunkSize * 2 + 777];
        new Random(11).NextBytes(data);
        // The first fragment is stored, then answered 504: the re-sent fragment overlaps what the server has (416).
        _h.Server.FailAfterActing((m, p, _) => m == "PUT" && p == "/upload", 1);

        await _h.Library.UploadReportAsync(Tenant, "HK1", "Báo cáo lớn.pdf", new MemoryStream(data), Meta(_h.Clock.GetUtcNow()));

        var stored = Assert.Single(_h.Server.FilesIn("Báo cáo"));
        Assert.Equal(data, stored.Content);
        var upload = Sequence(_h.Server.Requests).Where(l => l.Contains("/upload/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["PUT /upload/{s}", "PUT /upload/{s}", "GET /upload/{s}", "PUT /upload/{s}", "PUT /upload/{s}"], upload);
        Assert.Equal([504, 416, 200, 202, 201], _h.Server.Requests.Where(r => r.Path.StartsWith("/upload/", StringComparison.Ordinal)).Select(r => r.Status));
    }

    [Fact]
    public async Task Reserved_SharePoint_names_and_paths_over_400_characters_are_made_acceptable_deterministically()
    {
        var longPlan = "82/KH-" + new string('T', 150);
        var longName = "Báo cáo tổng kết " + new string('x', 200) + ".docx";
        var m = new ReportMetadata(longPlan, "Trần Thị Lan", null, _h.Clock.GetUtcNow());

        var a = await _h.Library.UploadReportAsync(Tenant, "_vti_bin", "CON.docx", new MemoryStream([1]), m);
        var b = await _h.Library.UploadReportAsync(Tenant, "HK1 " + new string('k', 150), longName, new MemoryStream([2]), m);
        var c = await _h.Library.UploadReportAsync(Tenant, "HK1 " + new string('k', 150), longName, new MemoryStream([3]), m); // retried: same path

        Assert.Equal(b.Path, c.Path);
        var files = _h.Server.FilesIn("Báo cáo");
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.True($"{_h.Server.SitePath}/Báo cáo/{f.Path}".Length <= 400, f.Path));
        Assert.DoesNotContain("_vti_", a.Path, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("/CON_.docx", a.Path);
        Assert.EndsWith(".docx", b.Path);
        Assert.StartsWith("Báo cáo tổng kết", b.Path.Split('/')[^1]);
        Assert.Equal([3], files.Single(f => f.Path == b.Path).Content);
        Assert.Equal("_.lock", SharePointNames.SafeSegment(".lock"));
        Assert.Equal("ghi chú.docx", SharePointNames.SafeSegment("~$ghi chú.docx"));
    }

    [Fact]
    public async Task A_small_report_is_a_simple_PUT_and_a_retried_upload_replaces_it()
    {
        await _h.Library.UploadReportAsync(Tenant, "HK1", "bc.docx", new MemoryStream(Encoding.UTF8.GetBytes("v1")), Meta(_h.Clock.GetUtcNow()));
        // Crash after the content was stored but before the metadata: the restart uploads again to the same path.
        _h.Crash.When = (req, _) => req.Method == HttpMethod.Put;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _h.Library.UploadReportAsync(Tenant, "HK1", "bc.docx", new MemoryStream(Encoding.UTF8.GetBytes("v2")), Meta(_h.Clock.GetUtcNow())));
        _h.Restart();
        await _h.Library.UploadReportAsync(Tenant, "HK1", "bc.docx", new MemoryStream(Encoding.UTF8.GetBytes("v2")), Meta(_h.Clock.GetUtcNow()));
        var stored = Assert.Single(_h.Server.FilesIn("Báo cáo"));
        Assert.Equal("v2", Encoding.UTF8.GetString(stored.Content));
        Assert.All(_h.Server.Requests.Where(r => r.Method == "PUT"), r => Assert.Contains("conflictBehavior=replace", r.Path));
    }

    [Fact]
    public async Task Drive_delta_discovers_a_plan_document_dropped_in_the_library_once()
    {
        await _h.Library.UploadPlanDocumentAsync(Tenant, "a.docx", new MemoryStream([1, 2, 3]), new PlanDocumentMetadata("12/KH-THPT", "Trường THPT", 2024, "Kế hoạch A", "Published"));
        Assert.Empty(await _h.Library.DiscoverNewPlanDocumentsAsync(Tenant)); // our own upload is not "new"
        _h.Server.PageSize = 1;
        _h.Server.DropFile("Kế hoạch", "Kế hoạch 45-KH-SGDĐT.docx", Encoding.UTF8.GetBytes("KẾ HOẠCH ..."));
        _h.Server.DropFile("Kế hoạch", "Kế hoạch 46.pdf", Encoding.UTF8.GetBytes("%PDF"));
        _h.Server.ClearLog();

        var imported = new List<(string Name, string Text)>();
        var inbox = new PlanDocumentInbox(_h.Library, _h.Stores, _h.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<PlanDocumentInbox>.Instance);
        var n = await inbox.DiscoverAndImportAsync(Tenant, async (_, f, s, ct) =>
        {
            using var r = new StreamReader(s);
            imported.Add((f.Name, await r.ReadToEndAsync(ct)));
        });

        Assert.Equal(2, n);
        Assert.Equal(["Kế hoạch 45-KH-SGDĐT.docx", "Kế hoạch 46.pdf"], imported.Select(i => i.Name).Order());
        Assert.Contains(imported, i => i.Text == "KẾ HOẠCH ...");
        var seq = Sequence(_h.Server.Requests);
        Assert.StartsWith("GET /drives/{drive}/items/root/delta?token=", seq[0]);
        Assert.Contains(seq, l => l.Contains("$skiptoken=1", StringComparison.Ordinal)); // paged by nextLink
        Assert.Empty(await _h.Library.DiscoverNewPlanDocumentsAsync(Tenant));
        var link = await _h.Library.GetLinkAsync(Tenant, (await _h.Library.UploadPlanDocumentAsync(Tenant, "b.pdf", new MemoryStream([9]), new PlanDocumentMetadata("13/KH", null, null, "B", "Draft"))).Id);
        Assert.StartsWith("https://school.sharepoint.com/", link);
    }

    [Fact]
    public async Task An_existing_library_gets_only_its_missing_columns_found_across_pages()
    {
        _h.Server.AddLibrary("Danh sách khác");
        _h.Server.AddLibrary("Kế hoạch", "PlanNumber", "PlanYear");
        _h.Server.PageSize = 1; // lists and columns come back one per page
        await _h.Library.UploadPlanDocumentAsync(Tenant, "a.docx", new MemoryStream([1]), new PlanDocumentMetadata("12/KH-THPT", "Trường THPT Bách Khoa", 2024, "Kế hoạch A", "Published"));

        Assert.DoesNotContain(_h.Server.Requests, r => r.Method == "POST" && r.Path == "/sites/site-1/lists");
        Assert.Equal(["Issuer", "PlanStatus", "PlanTitle"], _h.Server.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/columns", StringComparison.Ordinal))
            .Select(r => (string)System.Text.Json.Nodes.JsonNode.Parse(r.Body!)!["name"]!).Order());
        Assert.Equal(6, _h.Server.Requests.Count(r => r.Method == "GET" && r.Path.Contains("/columns", StringComparison.Ordinal))); // 6 columns, one per page
        var lib = _h.Server.Lists.Values.Single(l => l.Name == "Kế hoạch");
        Assert.Equal(9, lib.Columns.Count);
        var stored = Assert.Single(_h.Server.FilesIn("Kế hoạch"));
        Assert.Equal("Trường THPT Bách Khoa", (string?)stored.Fields["Issuer"]);

        // Known from the state store afterwards: no more list/column reads.
        _h.Server.ClearLog();
        await _h.Library.UploadPlanDocumentAsync(Tenant, "b.docx", new MemoryStream([2]), new PlanDocumentMetadata("13/KH-THPT", null, 2024, "Kế hoạch B", "Draft"));
        Assert.DoesNotContain(_h.Server.Requests, r => r.Path.StartsWith("/sites/", StringComparison.Ordinal));
    }

    sealed class CrashOnCommit(IDocumentLibrary inner) : IDocumentLibrary
    {
        public bool Armed { get; set; } = true;
        public Task<LibraryFile> UploadPlanDocumentAsync(string t, string f, Stream c, PlanDocumentMetadata m, CancellationToken ct = default) => inner.UploadPlanDocumentAsync(t, f, c, m, ct);
        public Task<LibraryFile> UploadReportAsync(string t, string p, string f, Stream c, ReportMetadata m, CancellationToken ct = default) => inner.UploadReportAsync(t, p, f, c, m, ct);
        public Task<DiscoveredDocuments> PeekNewPlanDocumentsAsync(string t, CancellationToken ct = default) => inner.PeekNewPlanDocumentsAsync(t, ct);
        public Task CommitDiscoveryAsync(string t, DiscoveredDocuments d, CancellationToken ct = default)
        {
            if (Armed) { Armed = false; throw new OperationCanceledException("Simulated crash before the delta link was stored."); }
            return inner.CommitDiscoveryAsync(t, d, ct);
        }
        public Task<Stream> OpenAsync(string t, LibraryFile f, CancellationToken ct = default) => inner.OpenAsync(t, f, ct);
        public Task<string> GetLinkAsync(string t, string id, CancellationToken ct = default) => inner.GetLinkAsync(t, id, ct);
    }

    [Fact]
    public async Task A_dropped_document_is_imported_once_despite_a_crash_before_the_delta_link_and_a_failing_importer()
    {
        await _h.Library.DiscoverNewPlanDocumentsAsync(Tenant); // library created, delta link stored
        _h.Server.DropFile("Kế hoạch", "KH 45.docx", Encoding.UTF8.GetBytes("KẾ HOẠCH 45"));
        _h.Server.DropFile("Kế hoạch", "KH 46.docx", Encoding.UTF8.GetBytes("KẾ HOẠCH 46"));
        var crashing = new CrashOnCommit(_h.Library);
        var log = Microsoft.Extensions.Logging.Abstractions.NullLogger<PlanDocumentInbox>.Instance;
        var imported = new List<string>();
        var failOnce = true;
        async Task Import(string tenant, LibraryFile f, Stream s, CancellationToken ct)
        {
            Assert.Equal(Tenant, tenant);
            using var r = new StreamReader(s);
            var text = await r.ReadToEndAsync(ct);
            if (f.Name == "KH 46.docx" && failOnce) { failOnce = false; throw new InvalidDataException("Tệp hỏng / corrupt file"); }
            imported.Add(text);
        }

        // The process dies after queuing the two documents but before storing the new delta link.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PlanDocumentInbox(crashing, _h.Stores, _h.Clock, log).DiscoverAndImportAsync(Tenant, Import));
        Assert.Empty(imported);

        // Restart: the old delta link finds both again; their keys are queued already; 45 imports, 46 fails once and is retried later.
        _h.Restart();
        var inbox = new PlanDocumentInbox(_h.Library, _h.Stores, _h.Clock, log);
        _h.Server.ClearLog();
        Assert.Equal(1, await inbox.DiscoverAndImportAsync(Tenant, Import));
        Assert.StartsWith("GET /drives/{drive}/items/root/delta?token=", Sequence(_h.Server.Requests)[0]);
        Assert.Equal(["KẾ HOẠCH 45"], imported);
        Assert.Equal(2, (await ((TeamsPlans.Storage.IWorkQueue)_h.Stores).ListAsync(Tenant, PlanDocumentInbox.Queue)).Count); // two documents, queued once each
        var retry = Assert.Single(await _h.Stores.ListAsync(Tenant, PlanDocumentInbox.Queue, TeamsPlans.Storage.WorkState.Queued));
        Assert.Contains("Không nhập được văn bản \"KH 46.docx\"", retry.LastError);
        Assert.Contains("Could not import", retry.LastError);

        _h.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await inbox.DiscoverAndImportAsync(Tenant, Import));
        Assert.Equal(["KẾ HOẠCH 45", "KẾ HOẠCH 46"], imported);
        Assert.Equal(0, await inbox.DiscoverAndImportAsync(Tenant, Import));

        // A new version of 45 is a new import; the same version never is.
        _h.Server.DropFile("Kế hoạch", "KH 45.docx", Encoding.UTF8.GetBytes("KẾ HOẠCH 45 (sửa)"));
        Assert.Equal(1, await inbox.DiscoverAndImportAsync(Tenant, Import));
        Assert.Equal("KẾ HOẠCH 45 (sửa)", imported[^1]);
        Assert.Equal(3, imported.Count);
    }

    [Fact]
    public async Task Editing_a_column_of_a_dropped_plan_does_not_reimport_it_but_new_content_does()
    {
        await _h.Library.DiscoverNewPlanDocumentsAsync(Tenant);
        var id = _h.Server.DropFile("Kế hoạch", "KH 47.docx", Encoding.UTF8.GetBytes("KẾ HOẠCH 47"));
        var imported = new List<string>();
        var inbox = new PlanDocumentInbox(_h.Library, _h.Stores, _h.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<PlanDocumentInbox>.Instance);
        async Task Import(string _, LibraryFile f, Stream s, CancellationToken ct) { using var r = new StreamReader(s); imported.Add(await r.ReadToEndAsync(ct)); }
        Assert.Equal(1, await inbox.DiscoverAndImportAsync(Tenant, Import));

        // A secretary sets the PlanStatus column: SharePoint moves the eTag and lists the item in the delta (without a cTag).
        _h.Server.EditFields(id, "PlanStatus", "Đã duyệt");
        _h.Server.ClearLog();
        Assert.Equal(0, await inbox.DiscoverAndImportAsync(Tenant, Import));
        Assert.Contains(Sequence(_h.Server.Requests), l => l.Contains("GET /drives/{drive}/items/{item}", StringComparison.Ordinal)); // cTag read by GET
        Assert.Single(imported);

        // New content is a new version: imported again, once.
        _h.Server.DropFile("Kế hoạch", "KH 47.docx", Encoding.UTF8.GetBytes("KẾ HOẠCH 47 (sửa)"));
        Assert.Equal(1, await inbox.DiscoverAndImportAsync(Tenant, Import));
        Assert.Equal(["KẾ HOẠCH 47", "KẾ HOẠCH 47 (sửa)"], imported);

        // Deleted in SharePoint (delta: no name, no cTag): nothing to import, no error.
        _h.Server.DeleteFile(id);
        Assert.Equal(0, await inbox.DiscoverAndImportAsync(Tenant, Import));
    }

    [Fact]
    public async Task An_expired_delta_link_resynchronises_and_imports_only_what_is_new()
    {
        var inbox = new PlanDocumentInbox(_h.Library, _h.Stores, _h.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<PlanDocumentInbox>.Instance);
        var imported = new List<string>();
        Task Import(string t, LibraryFile f, Stream s, CancellationToken ct) { imported.Add(f.Name); return Task.CompletedTask; }
        await inbox.DiscoverAndImportAsync(Tenant, Import);
        _h.Server.DropFile("Kế hoạch", "KH 45.docx", Encoding.UTF8.GetBytes("45"));
        Assert.Equal(1, await inbox.DiscoverAndImportAsync(Tenant, Import));

        _h.Server.ExpireDeltaTokens();
        _h.Server.DropFile("Kế hoạch", "KH 47.docx", Encoding.UTF8.GetBytes("47"));
        _h.Server.ClearLog();
        Assert.Equal(1, await inbox.DiscoverAndImportAsync(Tenant, Import));
        var delta = _h.Server.Requests.Where(r => r.Path.Contains("/delta", StringComparison.Ordinal)).OrderBy(r => r.Seq).ToList();
        Assert.Equal([410, 200], delta.Select(r => r.Status));
        Assert.DoesNotContain("token=", delta[1].Path); // full enumeration
        Assert.Equal(["KH 45.docx", "KH 47.docx"], imported); // 45 seen again in the resync, not imported twice
        Assert.Equal(0, await inbox.DiscoverAndImportAsync(Tenant, Import)); // the new delta link works
    }

    [Fact]
    public async Task The_queue_free_discovery_stores_the_delta_link_only_after_every_import()
    {
        await _h.Library.DiscoverNewPlanDocumentsAsync(Tenant);
        _h.Server.DropFile("Kế hoạch", "KH 50.docx", Encoding.UTF8.GetBytes("50"));
        await Assert.ThrowsAsync<InvalidDataException>(() => PlannerSyncService.DiscoverAndImportAsync(_h.Library, Tenant, (f, s, ct) => throw new InvalidDataException("Tệp hỏng")));
        var names = new List<string>();
        Assert.Equal(1, await PlannerSyncService.DiscoverAndImportAsync(_h.Library, Tenant, (f, s, ct) => { names.Add(f.Name); return Task.CompletedTask; }));
        Assert.Equal(["KH 50.docx"], names); // found again after the failure
        Assert.Equal(0, await PlannerSyncService.DiscoverAndImportAsync(_h.Library, Tenant, (f, s, ct) => Task.CompletedTask));
    }
}
