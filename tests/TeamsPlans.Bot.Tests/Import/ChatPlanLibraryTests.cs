using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.GraphSync;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Import;

/// <summary>
/// Issue 12: a plan document a principal sends in chat and imports is kept in the tenant's plan library, like one dropped
/// into the folder (local mode: "&lt;library&gt;/&lt;tenant&gt;/Kế hoạch"; Graph mode: through the library abstraction);
/// a re-send of the same plan is not stored twice, and the library's discovery does not import the bot's copy again.
/// </summary>
public sealed class ChatPlanLibraryTests
{
    private static async Task ImportByChatAsync(BotHarness h)
    {
        await h.SendFileAsync(Hung, "Kế hoạch 82.txt", h.Connector.ServiceUrl + "files/kh-82.txt");
        var ask = h.Connector.CardsIn(Hung.Conversation).Last();
        var (status, body) = await h.InvokeAsync(Hung, CardVerbs.FileAsPlan, ActionData(ask, CardVerbs.FileAsPlan));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"verb\":\"publish\"", Json(body["value"]!));
    }

    private static async Task<BotHarness> StartWithFileAsync(Action<IServiceCollection>? services = null)
    {
        var h = await StartAsync(services: services);
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u);
        h.Connector.Files["kh-82.txt"] = await File.ReadAllBytesAsync(SeedPath("001"));
        return h;
    }

    [Fact]
    public async Task Local_mode_keeps_the_sent_plan_in_the_tenants_plan_folder_once()
    {
        await using var h = await StartWithFileAsync();
        await ImportByChatAsync(h);

        var folder = Path.Combine(h.LibraryDir, Tenant, "Kế hoạch");
        var kept = Assert.Single(Directory.GetFiles(folder), f => !f.EndsWith(".meta.json", StringComparison.Ordinal));
        // The seed's number "Số: 82 /KH-THPT BK", made path-safe: the plan library's deterministic name.
        Assert.Equal("82-KH-THPT BK.txt", Path.GetFileName(kept));
        Assert.Equal(await File.ReadAllBytesAsync(SeedPath("001")), await File.ReadAllBytesAsync(kept));
        var plan = Assert.Single(await h.Store.Plans.ListAsync(Tenant));
        Assert.Equal(new Uri(kept).AbsoluteUri, plan.DocumentUri);

        // The same file sent again and imported again: still one copy, still one plan.
        await ImportByChatAsync(h);
        Assert.Single(Directory.GetFiles(folder), f => !f.EndsWith(".meta.json", StringComparison.Ordinal));
        Assert.Single(await h.Store.Plans.ListAsync(Tenant));
        // The bot's own copy is no new drop: the folder's discovery finds nothing to import.
        var library = h.Services.GetRequiredService<IDocumentLibrary>();
        Assert.Empty((await library.PeekNewPlanDocumentsAsync(Tenant)).Files);
        // "nhập kế hoạch" lists it for this tenant like a file dropped into the folder.
        await h.SayAsync(Hung, "nhập kế hoạch");
        Assert.Contains("82-KH-THPT BK.txt", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
    }

    [Fact]
    public async Task Graph_mode_keeps_the_sent_plan_through_the_library_abstraction()
    {
        var sharePoint = new RecordingLibrary();
        await using var h = await StartWithFileAsync(s => s.AddSingleton<IDocumentLibrary>(sharePoint));
        await ImportByChatAsync(h);
        await ImportByChatAsync(h);

        Assert.Equal(2, sharePoint.Uploads.Count); // the same deterministic path both times: replaced, not a second file
        Assert.Single(sharePoint.Uploads.Select(u => u.Path).Distinct());
        Assert.All(sharePoint.Uploads, u => Assert.Equal("82/KH-THPT BK", u.Number));
        var plan = Assert.Single(await h.Store.Plans.ListAsync(Tenant));
        Assert.Equal(RecordingLibrary.Web + sharePoint.Uploads[0].Path, plan.DocumentUri);
    }

    private sealed class RecordingLibrary : IDocumentLibrary
    {
        public const string Web = "https://contoso.sharepoint.com/sites/bk/Ke%20hoach/";
        public List<(string Path, string Number)> Uploads { get; } = [];

        public Task<LibraryFile> UploadPlanDocumentAsync(string tenantId, string fileName, Stream content, PlanDocumentMetadata metadata,
            CancellationToken ct = default)
        {
            var path = LibraryPaths.PlanDocumentPath(metadata, fileName);
            lock (Uploads) Uploads.Add((path, metadata.PlanNumber));
            return Task.FromResult(new LibraryFile("sp-" + path, fileName, path, Web + path, content.Length, new Dictionary<string, string?>()));
        }

        public Task<LibraryFile> UploadReportAsync(string tenantId, string period, string fileName, Stream content, ReportMetadata metadata,
            CancellationToken ct = default) =>
            throw new NotSupportedException();

        public Task<DiscoveredDocuments> PeekNewPlanDocumentsAsync(string tenantId, CancellationToken ct = default) =>
            Task.FromResult(new DiscoveredDocuments([], null));

        public Task CommitDiscoveryAsync(string tenantId, DiscoveredDocuments discovered, CancellationToken ct = default) => Task.CompletedTask;

        public Task<Stream> OpenAsync(string tenantId, LibraryFile file, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<string> GetLinkAsync(string tenantId, string fileId, CancellationToken ct = default) => Task.FromResult(Web + fileId);
    }
}
