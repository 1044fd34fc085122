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

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// Issue 15, the four official states everywhere an assignment is counted, through POST /api/messages: Cúc's duty of plan
/// 82 (re-dated to Friday 14/04/2023) is handed in, returned with a reason, handed in again on Monday 17/04 and accepted
/// the same day — after the deadline, so "Hoàn thành quá hạn" on her card, My tasks, the plan summary, the status card,
/// the board task's label (the embedded board of GraphSync) and the Excel export (CLI `export plan`, the tab's mapping).
/// The two other duties name no date in seed 001: "Chưa hoàn thành, còn trong hạn".
/// </summary>
public sealed class OfficialStatesEverywhereTests
{
    private const string A3 = Plan82 + "-a3";
    private const string DoneLate = "Hoàn thành quá hạn";
    private const string Open = "Chưa hoàn thành, còn trong hạn";

    private static string? TextOf(JsonNode card, string id) => Objects(card).FirstOrDefault(o => o["id"]?.GetValue<string>() == id)?["text"]?.GetValue<string>();

    private static Dictionary<string, string> Facts(JsonNode n) => TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(n);

    private static Task IdleAsync(BotHarness h) => h.Services.GetRequiredService<SyncLane>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Hand in → return with a reason → (Monday 17/04/2023) hand in again → accept; returns Cúc's last card.</summary>
    internal static async Task<JsonObject> ReturnedThenAcceptedLateAsync(BotHarness h)
    {
        await PublishAsync(h);
        var a3 = (await h.Store.Assignments.GetAsync(Tenant, A3))!;
        await h.Store.Assignments.UpsertManyAsync([a3 with { Deadlines = [new Deadline(DueDate.OnDate(new DateOnly(2023, 4, 14)), null, "Báo cáo", "Sở GD&ĐT", null)] }]);
        foreach (var round in new[] { "Đã tổ chức 2 buổi sinh hoạt chuyên đề.", "Bổ sung số liệu khối 12." })
        {
            if (round.StartsWith("Bổ sung", StringComparison.Ordinal)) h.Time.SetUtcNow(new DateTimeOffset(2023, 4, 17, 2, 0, 0, TimeSpan.Zero));
            var (_, current) = await h.InvokeAsync(Cuc, "refresh", ActionData(AssignmentCardOf(h, Cuc), "refresh"), trigger: "automatic");
            var (_, handedIn) = await h.InvokeAsync(Cuc, "report", ReviewFlowTests.HandIn(current["value"]!.AsObject(), round));
            Assert.Equal(200, handedIn["statusCode"]!.GetValue<int>());
            var decision = ActionData(ReviewFlowTests.ReviewCardOf(h), CardVerbs.Accept);
            decision[CardVerbs.ReturnReasonInput] = "Thiếu số liệu khối 12";
            var verb = round.StartsWith("Bổ sung", StringComparison.Ordinal) ? CardVerbs.Accept : CardVerbs.Return;
            Assert.Equal(200, (await h.InvokeAsync(Hung, verb, decision)).Body["statusCode"]!.GetValue<int>());
        }
        await IdleAsync(h);
        return h.Connector.Posts.Last(p => p.ConversationId == Cuc.Conversation && p.Method == "PUT").Body["attachments"]![0]!["content"]!.AsObject();
    }

    [Fact]
    public async Task A_report_accepted_after_the_deadline_is_done_late_on_the_card_my_tasks_summary_status_board_and_export()
    {
        await using var h = await StartAsync();
        var card = await ReturnedThenAcceptedLateAsync(h);
        Assert.Equal("Tình trạng theo hạn: " + DoneLate, TextOf(card, "officialState"));

        // My tasks ("việc của tôi"): the task line ends with the state.
        await h.SayAsync(Cuc, "việc của tôi");
        var mine = h.Connector.CardsIn(Cuc.Conversation).Last();
        Assert.Contains(Objects(mine), o => o["text"]?.GetValue<string>() is { } t && t.EndsWith(" · " + DoneLate, StringComparison.Ordinal));

        // The plan summary ("Xem kế hoạch"): each duty with its state, and the four counts.
        await h.InvokeAsync(Cuc, CardVerbs.OpenPlan, ActionData(card, CardVerbs.OpenPlan));
        var summary = h.Connector.CardsIn(Cuc.Conversation).Last();
        var counts = Facts(Objects(summary).Single(o => o["id"]?.GetValue<string>() == "planStates"));
        Assert.Equal(("1", "0", "2", "0"), (counts[DoneLate], counts["Hoàn thành đúng hạn"], counts[Open], counts["Chưa hoàn thành, quá hạn"]));
        Assert.Single(Objects(summary), o => o["text"]?.GetValue<string>() is { } t && t.StartsWith("• ", StringComparison.Ordinal) && t.EndsWith(" · " + DoneLate, StringComparison.Ordinal));

        // The principal's status card.
        await h.SayAsync(Hung, "tình hình");
        var status = Facts(Objects(h.Connector.CardsIn(Hung.Conversation).Last()).Single(o => o["id"]?.GetValue<string>() == "officialStates-" + Plan82));
        Assert.Equal("1", status[DoneLate]);

        // The board (GraphSync's embedded board, the Planner stand-in): Cúc's task is 100 % and labelled done late.
        var board = Assert.IsType<LocalTaskBoard>(h.Services.GetRequiredService<ITaskBoard>());
        var rows = await board.ListRowsAsync(await board.EnsureBoardAsync(Tenant, Plan82, "ignored: the board exists"));
        var nv3 = rows.Single(r => r.Title.StartsWith("[NV03]", StringComparison.Ordinal));
        Assert.Equal((100, "done-late"), (nv3.PercentComplete, nv3.Label));
        Assert.Equal("open", rows.Single(r => r.Title.StartsWith("[NV01]", StringComparison.Ordinal)).Label);

        // The Excel export (CLI `export plan`, the tab's rows and state names).
        var file = Path.Combine(Path.GetDirectoryName(h.LibraryDir)!, "plan.xlsx");
        Assert.Equal(0, await TeamsPlans.Bot.Cli.ExportCommand.RunAsync(h.Store, Tenant, Plan82, file, h.Time, new StringWriter(), default));
        var sheet = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Phân công").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(DoneLate, sheet.Single(r => (string)r["Người thực hiện"] == "Hồ Thị Thu Cúc")["Trạng thái"]);
        Assert.Equal(2, sheet.Count(r => (string)r["Trạng thái"] == Open));
    }
}
