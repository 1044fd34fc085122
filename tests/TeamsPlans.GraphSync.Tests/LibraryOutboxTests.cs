using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.GraphSync.Tests.Fakes;
using TeamsPlans.Storage;
using static TeamsPlans.GraphSync.Tests.TestUtil;

namespace TeamsPlans.GraphSync.Tests;

/// <summary>
/// Uploads through the durable library outbox, with the real SQLite state store (closed and reopened as a process
/// restart would) and the real Graph SDK against the fake Graph server.
/// </summary>
public sealed class LibraryOutboxTests : IAsyncLifetime
{
    GraphHarness _h = null!;
    string _dir = "";
    IStateStore _store = null!;
    const string Tenant = GraphHarness.Tenant;

    public async Task InitializeAsync()
    {
        _h = await GraphHarness.StartAsync();
        _dir = Path.Combine(Path.GetTempPath(), "tp-libout-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        _store = await OpenStoreAsync();
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _h.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    async Task<IStateStore> OpenStoreAsync()
    {
        var s = StateStoreFactory.Create(new StateStoreOptions { Provider = "sqlite", ConnectionString = Path.Combine(_dir, "state.db") }, _h.Clock);
        await s.MigrateAsync();
        return s;
    }

    string Spool => Path.Combine(_dir, "spool");

    LibraryOutbox Outbox()
    {
        _h.Options.SpoolRoot = Spool;
        var opts = Microsoft.Extensions.Options.Options.Create(_h.Options);
        var library = new GraphDocumentLibrary(_h.Client, opts, _store.Sync, _h.Clock, NullLogger<GraphDocumentLibrary>.Instance);
        return new LibraryOutbox(library, _store.Queue, opts, _h.Clock, NullLogger<LibraryOutbox>.Instance);
    }

    static ReportMetadata Meta(DateTimeOffset at) => new("82/KH-THPT BK", "Trần Thị Lan", new DateOnly(2024, 5, 10), at);
    static MemoryStream Bytes(string s) => new(Encoding.UTF8.GetBytes(s));

    [Fact]
    public async Task A_crash_between_the_upload_and_the_commit_repeats_it_to_the_same_path_after_a_restart_never_a_second_file()
    {
        var at = _h.Clock.GetUtcNow();
        _h.Crash.When = (req, _) => req.Method == HttpMethod.Put; // the server stores the content; the process dies before hearing back
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Outbox().SubmitReportAsync(Tenant, "HK1", "Báo cáo tháng 3.docx", Bytes("bản 1"), Meta(at)));
        var half = Assert.Single(_h.Server.FilesIn("Báo cáo"));
        Assert.Null(half.Fields["Assignee"]); // metadata never written
        Assert.Single(Directory.GetFiles(Spool));

        // Restart: new process, the SQLite store reopened.
        await _store.DisposeAsync();
        _h.Restart();
        _store = await OpenStoreAsync();
        var outbox = Outbox();
        _h.Server.ClearLog();
        Assert.Equal((0, 0, 0), await outbox.DrainAsync()); // the dead process's lease still holds
        Assert.Empty(_h.Server.Requests);

        _h.Clock.Advance(outbox.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal((1, 0, 0), await outbox.DrainAsync());
        SequenceEqual([
            "PUT /drives/{drive}/root:/82-KH-THPT BK/HK1/Báo cáo tháng 3.docx:/content?@microsoft.graph.conflictBehavior=replace",
            "PATCH /drives/{drive}/items/{item}/listItem/fields",
        ], Sequence(_h.Server.Requests));
        var file = Assert.Single(_h.Server.FilesIn("Báo cáo"));
        Assert.Equal("bản 1", Encoding.UTF8.GetString(file.Content));
        Assert.Equal("Trần Thị Lan", (string?)file.Fields["Assignee"]);
        Assert.Empty(Directory.GetFiles(Spool));

        // The bot submitting the same report again (e.g. a retried Teams activity): answered from the outbox, no request.
        _h.Server.ClearLog();
        var again = await outbox.SubmitReportAsync(Tenant, "HK1", "Báo cáo tháng 3.docx", Bytes("bản 1"), Meta(at));
        Assert.Equal(UploadStatus.Uploaded, again.Status);
        Assert.StartsWith("https://school.sharepoint.com/", again.File!.WebUrl);
        Assert.Empty(_h.Server.Requests);
        Assert.Empty(Directory.GetFiles(Spool));
    }

    [Fact]
    public async Task A_throttled_upload_stays_queued_until_its_Retry_After_and_a_new_version_replaces_the_file()
    {
        var outbox = Outbox();
        var at = _h.Clock.GetUtcNow();
        _h.Server.ThrottleNext((m, p, inBatch) => !inBatch && m == "PUT", 7, 90);
        var first = await outbox.SubmitReportAsync(Tenant, "Quý II", "bc.pdf", Bytes("%PDF-1"), Meta(at));
        Assert.Equal(UploadStatus.Queued, first.Status);
        Assert.Equal("82-KH-THPT BK/Quý II/bc.pdf", first.TargetPath);
        Assert.NotNull(first.Error);
        var item = Assert.Single(await _store.Queue.ListAsync(Tenant, LibraryOutbox.Queue, WorkState.Queued));
        Assert.Equal(_h.Clock.GetUtcNow() + TimeSpan.FromSeconds(90), item.NotBefore); // Retry-After beats the 30 s backoff
        Assert.Empty(_h.Server.FilesIn("Báo cáo"));

        _h.Clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal((1, 0, 0), await outbox.DrainAsync());
        Assert.Equal("%PDF-1", Encoding.UTF8.GetString(Assert.Single(_h.Server.FilesIn("Báo cáo")).Content));

        var second = await outbox.SubmitReportAsync(Tenant, "Quý II", "bc.pdf", Bytes("%PDF-2"), Meta(at.AddHours(1)));
        Assert.Equal(UploadStatus.Uploaded, second.Status);
        var file = Assert.Single(_h.Server.FilesIn("Báo cáo"));
        Assert.Equal("%PDF-2", Encoding.UTF8.GetString(file.Content));
        Assert.Equal(2, (await _store.Queue.ListAsync(Tenant, LibraryOutbox.Queue, WorkState.Done)).Count);
    }
}
