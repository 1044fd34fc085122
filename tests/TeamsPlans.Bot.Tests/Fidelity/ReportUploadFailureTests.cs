using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Local;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// Issue 19: a report handed in from a card is uploaded by the durable queue. When SharePoint keeps refusing it (every
/// attempt of Delivery:MaxAttempts fails), the member is told in their language, the file is kept, and both the member's
/// "Thử lại" on that notice and the principal's "gửi lại" put the upload back in the queue.
/// </summary>
public sealed class ReportUploadFailureTests
{
    private const string A3 = Plan82 + "-a3";

    private static async Task<(BotHarness H, RefusingLibrary Library)> FailedUploadAsync()
    {
        RefusingLibrary? library = null;
        var h = await StartAsync(new Dictionary<string, string> { ["Delivery:MaxAttempts"] = "2" },
            s => s.AddSingleton<IDocumentLibrary>(sp => library = new RefusingLibrary(ActivatorUtilities.CreateInstance<LocalDocumentLibrary>(sp))));
        await PublishAsync(h);
        var (_, current) = await h.InvokeAsync(Cuc, "refresh", ActionData(AssignmentCardOf(h, Cuc), "refresh"), trigger: "automatic");
        library!.Refusing = true;
        Assert.Equal(200, (await h.InvokeAsync(Cuc, "report", ReviewFlowTests.HandIn(current["value"]!.AsObject(), "Đã họp 2 buổi.")))
            .Body["statusCode"]!.GetValue<int>());
        for (var i = 0; i < 3; i++)
        {
            h.Time.Advance(TimeSpan.FromMinutes(10)); // past the queue's backoff
            await h.DeliverQueuedAsync();
        }
        Assert.Equal(2, library.Refused);
        return (h, library);
    }

    private static JsonObject FailureNotice(BotHarness h) =>
        h.Connector.CardsIn(Cuc.Conversation).Last(c => Json(c).Contains("Chưa lưu được báo cáo", StringComparison.Ordinal));

    [Fact]
    public async Task A_report_SharePoint_keeps_refusing_is_told_to_the_member_kept_and_stored_when_they_click_Thu_lai()
    {
        var (h, library) = await FailedUploadAsync();
        await using var _ = h;
        var report = Assert.Single(await h.Store.Reports.ListByAssignmentAsync(Tenant, A3));
        Assert.Null(report.FileUri);

        var notice = FailureNotice(h);
        Assert.Contains("sau 2 lần thử", Json(notice), StringComparison.Ordinal);
        Assert.Contains("Tệp vẫn được giữ", Json(notice), StringComparison.Ordinal);
        var retry = ActionData(notice, CardVerbs.Report);

        library.Refusing = false;
        var (_, answer) = await h.InvokeAsync(Cuc, CardVerbs.Report, retry);
        Assert.Equal(200, answer["statusCode"]!.GetValue<int>());
        Assert.Contains("xếp lại", Json(answer["value"]!), StringComparison.Ordinal);
        Assert.Equal(1, library.Uploaded);
        var stored = Assert.Single(await h.Store.Reports.ListByAssignmentAsync(Tenant, A3));
        Assert.Equal(library.LastUrl, stored.FileUri);
        // Someone else cannot re-queue Cúc's upload.
        Assert.Equal("NotSubmitter", (await h.InvokeAsync(Lan, CardVerbs.Report, retry)).Body["value"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_principals_resend_puts_a_failed_report_upload_back_in_the_queue()
    {
        var (h, library) = await FailedUploadAsync();
        await using var _ = h;
        library.Refusing = false;

        await h.SayAsync(Hung, "gửi lại");

        Assert.Equal(1, library.Uploaded);
        var stored = Assert.Single(await h.Store.Reports.ListByAssignmentAsync(Tenant, A3));
        Assert.Equal(library.LastUrl, stored.FileUri);
        // The resend card says so (the reviewer's card for the stored report may come after it).
        Assert.Contains(h.Connector.CardsIn(Hung.Conversation), c => Json(c).Contains("1 báo cáo chờ lưu", StringComparison.Ordinal));
    }

    /// <summary>The reports library refusing every upload while <see cref="Refusing"/> (SharePoint answering 503 for good).</summary>
    private sealed class RefusingLibrary(IDocumentLibrary inner) : IDocumentLibrary
    {
        public volatile bool Refusing;
        public int Refused;
        public int Uploaded;
        public string? LastUrl;

        public async Task<LibraryFile> UploadReportAsync(string tenantId, string period, string fileName, Stream content, ReportMetadata metadata,
            CancellationToken ct = default)
        {
            if (Refusing)
            {
                Interlocked.Increment(ref Refused);
                throw new GraphSyncException("serviceNotAvailable", "SharePoint đang bận (503)", "SharePoint is busy (503)");
            }
            var file = await inner.UploadReportAsync(tenantId, period, fileName, content, metadata, ct);
            Interlocked.Increment(ref Uploaded);
            LastUrl = file.WebUrl;
            return file;
        }

        public Task<LibraryFile> UploadPlanDocumentAsync(string tenantId, string fileName, Stream content, PlanDocumentMetadata metadata,
            CancellationToken ct = default) => inner.UploadPlanDocumentAsync(tenantId, fileName, content, metadata, ct);
        public Task<DiscoveredDocuments> PeekNewPlanDocumentsAsync(string tenantId, CancellationToken ct = default) => inner.PeekNewPlanDocumentsAsync(tenantId, ct);
        public Task CommitDiscoveryAsync(string tenantId, DiscoveredDocuments discovered, CancellationToken ct = default) =>
            inner.CommitDiscoveryAsync(tenantId, discovered, ct);
        public Task<Stream> OpenAsync(string tenantId, LibraryFile file, CancellationToken ct = default) => inner.OpenAsync(tenantId, file, ct);
        public Task<string> GetLinkAsync(string tenantId, string fileId, CancellationToken ct = default) => inner.GetLinkAsync(tenantId, fileId, ct);
    }
}
