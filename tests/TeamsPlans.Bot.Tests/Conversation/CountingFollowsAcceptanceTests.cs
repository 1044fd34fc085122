using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Sync;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;
using static TeamsPlans.Bot.Tests.Tab.TabTestSupport;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// Issue 15, counting follows acceptance, not hand-in, through POST /api/messages and the tab's API: plan 82 published with
/// its third duty (the report "về Sở") to Lan, re-dated to Friday 14/04/2023. Lan marks it done, then hands in her report:
/// the duty re-opens, and while the report awaits review — even when she presses "Hoàn thành" again — it is "Chưa hoàn thành"
/// (within the deadline, then over it on Monday 17/04) on her card, the status card, the tab, the board (50 %, "Chờ duyệt")
/// and the Excel export; accepted on Monday it is "Hoàn thành quá hạn" everywhere.
/// </summary>
public sealed class CountingFollowsAcceptanceTests
{
    private const string A3 = Plan82 + "-a3";
    private const string Open = "Chưa hoàn thành, còn trong hạn";
    private const string Overdue = "Chưa hoàn thành, quá hạn";
    private const string DoneLate = "Hoàn thành quá hạn";

    private static string? TextOf(JsonNode card, string id) => Objects(card).FirstOrDefault(o => o["id"]?.GetValue<string>() == id)?["text"]?.GetValue<string>();

    private static Task IdleAsync(BotHarness h) => h.Services.GetRequiredService<SyncLane>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    private static async Task<JsonObject> PressAsync(BotHarness h, string verb, JsonObject? data = null)
    {
        var (_, current) = await h.InvokeAsync(Lan, "refresh", ActionData(AssignmentCardOf(h, Lan), "refresh"), trigger: "automatic");
        var (_, body) = await h.InvokeAsync(Lan, verb, data ?? ActionData(current["value"]!.AsObject(), verb));
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        return body["value"]!.AsObject();
    }

    private static async Task<JsonObject> TabRowAsync(BotHarness h)
    {
        var (status, page) = await GetAsync(h, $"/tab/api/plans/{Plan82}/assignments", localUser: Hung.Aad);
        Assert.Equal(200, status);
        return page!["items"]!.AsArray().Single(r => r!["assignmentId"]!.GetValue<string>() == A3)!.AsObject();
    }

    private static async Task<(int Percent, string? Label)> BoardAsync(BotHarness h)
    {
        await IdleAsync(h);
        var board = Assert.IsType<LocalTaskBoard>(h.Services.GetRequiredService<ITaskBoard>());
        var rows = await board.ListRowsAsync(await board.EnsureBoardAsync(Tenant, Plan82, "ignored: the board exists"));
        var nv3 = rows.Single(r => r.Title.StartsWith("[NV03]", StringComparison.Ordinal));
        return (nv3.PercentComplete, nv3.Label);
    }

    private static async Task<string> ExportedStateAsync(BotHarness h)
    {
        var file = Path.Combine(Path.GetDirectoryName(h.LibraryDir)!, $"plan-{Guid.NewGuid():N}.xlsx");
        Assert.Equal(0, await TeamsPlans.Bot.Cli.ExportCommand.RunAsync(h.Store, Tenant, Plan82, file, h.Time, new StringWriter(), default));
        var sheet = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Phân công").Cast<IDictionary<string, object>>().ToList();
        return (string)sheet.Single(r => (string)r["Người thực hiện"] == Lan.Name)["Trạng thái"];
    }

    private static async Task<Dictionary<string, string>> StatusCountsAsync(BotHarness h)
    {
        await h.SayAsync(Hung, "tình hình");
        return TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(Objects(h.Connector.CardsIn(Hung.Conversation).Last())
            .Single(o => o["id"]?.GetValue<string>() == "officialStates-" + Plan82));
    }

    [Fact]
    public async Task A_report_handed_in_but_not_accepted_is_not_done_on_the_card_status_tab_board_and_export_until_it_is_accepted()
    {
        await using var h = await StartAsync(key: null);
        var a3 = (await h.Store.Assignments.GetAsync(Tenant, A3))!;
        await h.Store.Assignments.UpsertManyAsync([a3 with { Deadlines = [new Deadline(DueDate.OnDate(new DateOnly(2023, 4, 14)), null, "Báo cáo", "Sở GD&ĐT", null)] }]);

        // Marked done without a report: nothing to review, done on time.
        Assert.Equal("Tình trạng theo hạn: Hoàn thành đúng hạn", TextOf(await PressAsync(h, CardVerbs.Done), "officialState"));
        Assert.Equal("done-on-time", (await TabRowAsync(h))["state"]!.GetValue<string>());

        // Her report handed in: awaiting review, so the duty re-opens (50 %), and pressing "Hoàn thành" again keeps it open.
        var (_, current) = await h.InvokeAsync(Lan, "refresh", ActionData(AssignmentCardOf(h, Lan), "refresh"), trigger: "automatic");
        var handedIn = await PressAsync(h, "report", ReviewFlowTests.HandIn(current["value"]!.AsObject(), "Đã gửi báo cáo về Sở."));
        Assert.Equal("Tình trạng theo hạn: " + Open, TextOf(handedIn, "officialState"));
        var held = await PressAsync(h, CardVerbs.Done);
        Assert.Equal(("Tình trạng theo hạn: " + Open, "⏳ Báo cáo đang chờ duyệt"), (TextOf(held, "officialState"), TextOf(held, "reviewState")));
        var stored = (await h.Store.Assignments.GetAsync(Tenant, A3))!.State;
        Assert.Equal((AssignmentStatus.InProgress, 50), (stored.Status, stored.PercentComplete));

        var counts = await StatusCountsAsync(h);
        Assert.Equal(("0", "3"), (counts["Hoàn thành đúng hạn"], counts[Open]));
        var row = await TabRowAsync(h);
        Assert.Equal(("open", 50), (row["state"]!.GetValue<string>(), row["progress"]!.GetValue<int>()));
        Assert.Equal((50, PlannerLabels.AwaitingReview), await BoardAsync(h));
        Assert.Equal(Open, await ExportedStateAsync(h));

        // Monday 17/04/2023, after the deadline (Friday 14/04), still awaiting review: not done and overdue.
        h.Time.SetUtcNow(new DateTimeOffset(2023, 4, 17, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal("1", (await StatusCountsAsync(h))[Overdue]);
        Assert.Equal("overdue", (await TabRowAsync(h))["state"]!.GetValue<string>());
        Assert.Equal(Overdue, await ExportedStateAsync(h));

        // Accepted on Monday: done late, 100 % on the board.
        var review = ReviewFlowTests.ReviewCardOf(h);
        Assert.Equal(200, (await h.InvokeAsync(Hung, CardVerbs.Accept, ActionData(review, CardVerbs.Accept))).Body["statusCode"]!.GetValue<int>());
        Assert.Equal("1", (await StatusCountsAsync(h))[DoneLate]);
        Assert.Equal("done-late", (await TabRowAsync(h))["state"]!.GetValue<string>());
        Assert.Equal((100, "done-late"), await BoardAsync(h));
        Assert.Equal(DoneLate, await ExportedStateAsync(h));
    }
}
