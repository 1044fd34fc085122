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
        var n = await PlannerSyncService.DiscoverAndImportAsync(_h.Library, Tenant, async (f, s, ct) =>
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
}
