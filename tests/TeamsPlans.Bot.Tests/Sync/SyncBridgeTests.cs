using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Sync;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;

namespace TeamsPlans.Bot.Tests.Sync;

/// <summary>
/// The host's GraphSync bridge in the embedded mode (local folder library + board in the state store), driven through
/// POST /api/messages: publishing stores the document in the plan library and mirrors the plan as board tasks, a card
/// action moves the task's progress, and a change made on the board updates the assignment and the member's card.
/// </summary>
public sealed class SyncBridgeTests
{
    private const string Plan82 = "kh-82-kh-thpt-bk";

    private static IEnumerable<JsonObject> Objects(JsonNode? n)
    {
        if (n is JsonObject o) { yield return o; foreach (var (_, v) in o) foreach (var x in Objects(v)) yield return x; }
        else if (n is JsonArray a) foreach (var x in a) foreach (var y in Objects(x)) yield return y;
    }

    private static JsonObject ActionData(JsonObject card, string verb) =>
        Objects(card).First(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)["data"]!.DeepClone().AsObject();

    private static async Task<BotHarness> PublishedAsync()
    {
        var h = await StartAsync();
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u);
        await h.SayAsync(Hung, "nhập kế hoạch 001");
        var preview = h.Connector.CardsIn(Hung.Conversation).Last();
        var data = ActionData(preview, CardVerbs.Publish);
        data[CardVerbs.MapInputPrefix + Plan82 + "-a3"] = Cuc.Aad;
        var (status, body) = await h.InvokeAsync(Hung, CardVerbs.Publish, data);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        await h.Services.GetRequiredService<SyncLane>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return h;
    }

    private static async Task<(LocalTaskBoard Board, BoardRef Ref)> BoardAsync(BotHarness h)
    {
        var board = Assert.IsType<LocalTaskBoard>(h.Services.GetRequiredService<ITaskBoard>());
        return (board, await board.EnsureBoardAsync(Tenant, Plan82, "ignored: the board exists"));
    }

    [Fact]
    public async Task Publishing_stores_the_document_in_the_plan_library_and_mirrors_assignments_and_deadlines_as_board_tasks()
    {
        await using var h = await PublishedAsync();

        // The plan now links to its copy in the tenant's "Kế hoạch" library, with the metadata columns beside it.
        var plan = (await h.Store.Plans.GetAsync(Tenant, Plan82))!;
        Assert.Equal(PlanStatus.Published, plan.Status);
        var copy = new Uri(plan.DocumentUri!).LocalPath;
        Assert.StartsWith(Path.Combine(h.LibraryDir, Tenant, "Kế hoạch"), copy);
        Assert.True(File.Exists(copy));
        Assert.Equal(await File.ReadAllTextAsync(SeedPath("001")), await File.ReadAllTextAsync(copy));
        var meta = JsonNode.Parse(await File.ReadAllTextAsync(copy + ".meta.json"))!["Fields"]!;
        Assert.Equal("82/KH-THPT BK", (string?)meta["PlanNumber"]);
        Assert.Equal("2023", (string?)meta["PlanYear"]);

        // One task per assignment, one per report deadline (Cúc's two reports), due 20/05 and 01/11/2023 in Vietnam.
        var (board, boardRef) = await BoardAsync(h);
        var rows = await board.ListRowsAsync(boardRef);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["[BC03-1]", "[BC03-2]", "[NV01]", "[NV02]", "[NV03]"], rows.Select(r => r.Title[..r.Title.IndexOf(']')] + "]").Order(StringComparer.Ordinal));
        var cucTask = rows.Single(r => r.Title.StartsWith("[NV03]", StringComparison.Ordinal));
        Assert.Equal([Cuc.Aad], cucTask.AssigneeIds);
        Assert.Equal(new DateTimeOffset(2023, 5, 20, 0, 0, 0, TimeSpan.FromHours(7)), cucTask.DueAt);
        Assert.Equal(plan.DocumentUri, cucTask.ReferenceUrl);
        Assert.Equal(new DateTimeOffset(2023, 11, 1, 0, 0, 0, TimeSpan.FromHours(7)), rows.Single(r => r.Title.StartsWith("[BC03-2]", StringComparison.Ordinal)).DueAt);

        // Publishing again changes nothing on the board (no writes: same versions).
        var (_, again) = await h.InvokeAsync(Hung, CardVerbs.Publish, new JsonObject { ["planId"] = Plan82, ["tenantId"] = Tenant });
        Assert.Equal(200, again["statusCode"]!.GetValue<int>());
        await h.Services.GetRequiredService<SyncLane>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(rows.Select(r => (r.Id, r.Version)).Order(), (await board.ListRowsAsync(boardRef)).Select(r => (r.Id, r.Version)).Order());
    }

    [Fact]
    public async Task Done_on_the_card_completes_the_board_task_and_a_board_change_comes_back_to_the_card()
    {
        await using var h = await PublishedAsync();
        await h.DeliverQueuedAsync();
        var (board, boardRef) = await BoardAsync(h);

        // Thành marks his duty done from his card → his board task is 100%.
        var card = h.Connector.CardsIn(Thanh.Conversation).Last(c => Objects(c).Any(o => o["verb"]?.GetValue<string>() == CardVerbs.Done));
        var (_, done) = await h.InvokeAsync(Thanh, CardVerbs.Done, ActionData(card, CardVerbs.Done));
        Assert.Equal(200, done["statusCode"]!.GetValue<int>());
        await h.Services.GetRequiredService<SyncLane>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var thanhTask = (await board.ListRowsAsync(boardRef)).Single(r => r.Title.StartsWith("[NV02]", StringComparison.Ordinal));
        Assert.Equal(100, thanhTask.PercentComplete);

        // On the board, Cúc's duty is completed and her first report re-dated to 25/05/2023.
        var rows = await board.ListRowsAsync(boardRef);
        await board.EditAsync(boardRef, rows.Single(r => r.Title.StartsWith("[NV03]", StringComparison.Ordinal)).Id, r => r with { PercentComplete = 100 });
        await board.EditAsync(boardRef, rows.Single(r => r.Title.StartsWith("[BC03-1]", StringComparison.Ordinal)).Id,
            r => r with { DueAt = new DateTimeOffset(2023, 5, 25, 0, 0, 0, TimeSpan.FromHours(7)) });
        var putsBefore = h.Connector.Posts.Count(p => p.Method == "PUT" && p.ConversationId == Cuc.Conversation);
        // Cúc had handed in her May report before: the refreshed card still says so.
        await h.Store.Reports.AddAsync(new ReportSubmission(Tenant, "r-cuc-1", Plan82 + "-a3", "2023-05-20", "bao-cao.md", null, Cuc.Aad, h.Time.GetUtcNow()));

        // The poll (what GraphSyncPollingService does every interval) hands the changes to the bot.
        var changes = await h.Services.GetRequiredService<PlannerSyncService>().PollAsync(Tenant);
        Assert.Contains(changes, c => c.AssignmentId == Plan82 + "-a3" && c.Kind == RemoteChangeKind.Progress);
        await h.Services.GetRequiredService<IRemoteChangeSink>().OnRemoteChangesAsync(Tenant, changes, CancellationToken.None);

        var cuc = (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!;
        Assert.Equal(AssignmentStatus.Done, cuc.State.Status);
        Assert.Equal(["2023-05-25", "2023-11-01"], cuc.Deadlines.Select(d => d.Due.ToString()));
        // Her card in Teams was updated in place (PUT of the posted activity) and shows the new state and date.
        var put = h.Connector.Posts.Where(p => p.Method == "PUT" && p.ConversationId == Cuc.Conversation).ToList();
        Assert.Equal(putsBefore + 1, put.Count);
        Assert.Equal(cuc.CardActivityId, put[^1].ActivityId);
        var json = put[^1].Body.ToJsonString(AdaptiveJson.Options);
        Assert.Contains("25/05/2023", json);
        Assert.Contains("Đã hoàn thành", json);
        Assert.Contains("Đã nộp báo cáo ngày 10/04/2023", json);

        // A second poll finds nothing new and changes nothing.
        Assert.Empty(await h.Services.GetRequiredService<PlannerSyncService>().PollAsync(Tenant));
    }

    [Fact]
    public async Task A_plan_dropped_into_the_library_is_imported_as_a_draft_and_previewed_to_the_principal()
    {
        await using var h = await StartAsync();
        await h.InstallAsync(Hung);
        await h.InstallAsync(Lan);
        var library = h.Services.GetRequiredService<IDocumentLibrary>();
        var drop = Path.Combine(h.LibraryDir, Tenant, "Kế hoạch", "2024");
        Directory.CreateDirectory(drop);
        File.Copy(SeedPath("004"), Path.Combine(drop, "kh-thu-thua.txt"));

        var imported = await PlannerSyncService.DiscoverAndImportAsync(library, Tenant,
            (f, s, ct) => h.Services.GetRequiredService<IPlanDocumentImporter>().ImportAsync(Tenant, f, s, ct));
        Assert.Equal(1, imported);

        var plans = await h.Store.Plans.ListAsync(Tenant);
        var plan = Assert.Single(plans);
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal("/KH-PGDĐT", plan.Number);
        Assert.EndsWith("kh-thu-thua.txt", new Uri(plan.DocumentUri!).LocalPath);
        Assert.Equal(4, (await h.Store.Assignments.ListByPlanAsync(Tenant, plan.PlanId)).Count);
        // The principal gets the preview card; the plain member does not.
        var preview = h.Connector.CardsIn(Hung.Conversation).Last().ToJsonString(AdaptiveJson.Options);
        Assert.Contains("kh-thu-thua.txt", preview);
        Assert.Contains("\"verb\":\"publish\"", preview);
        Assert.DoesNotContain(h.Connector.CardsIn(Lan.Conversation), c => c.ToJsonString(AdaptiveJson.Options).Contains("kh-thu-thua.txt"));

        // Nothing new on the next look.
        Assert.Equal(0, await PlannerSyncService.DiscoverAndImportAsync(library, Tenant,
            (f, s, ct) => h.Services.GetRequiredService<IPlanDocumentImporter>().ImportAsync(Tenant, f, s, ct)));
    }
}
