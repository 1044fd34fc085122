using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Sync;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Corrections;

/// <summary>
/// Issue 12, a correction that drops a duty, through /api/messages: seed 001 (82/KH-THPT BK) is published with Cúc's
/// report duty ("thực hiện báo cáo … trước ngày 20/5 và 01/11/2023"); a revised copy without that line (same number), and
/// an "điều chỉnh, bổ sung Kế hoạch số 82/KH-THPT BK" under another number, are corrections of that plan.
/// </summary>
public sealed class PlanWithdrawalTests
{
    private const string CucLine = "- Cô Hồ Thị Thu Cúc - Phó hiệu trưởng:";

    /// <summary>The seed without Cúc's duty (its whole line).</summary>
    private static string WithoutCuc(string seed)
    {
        var start = seed.IndexOf(CucLine, StringComparison.Ordinal);
        Assert.True(start > 0);
        var end = seed.IndexOf('\n', start);
        return seed[..start] + seed[(end + 1)..];
    }

    private static async Task<JsonObjectPair> ImportAsync(BotHarness h, string name, string text)
    {
        await File.WriteAllTextAsync(Path.Combine(h.LibraryDir, name + ".txt"), text);
        await h.SayAsync(Hung, "nhập kế hoạch " + name);
        var diff = h.Connector.CardsIn(Hung.Conversation).Last();
        return new JsonObjectPair(diff, Json(diff));
    }

    private sealed record JsonObjectPair(System.Text.Json.Nodes.JsonObject Card, string Text);

    [Fact]
    public async Task A_duty_dropped_by_the_correction_is_withdrawn_its_card_says_so_and_it_is_no_longer_counted()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        await h.Services.GetRequiredService<SyncLane>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var a3 = (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!;
        Assert.NotNull(a3.CardActivityId);

        var diff = await ImportAsync(h, "82-bo-nhiem-vu", WithoutCuc(await File.ReadAllTextAsync(SeedPath("001"))));
        Assert.Contains("Nhiệm vụ bị bỏ (1)", diff.Text);
        Assert.Contains("Hồ Thị Thu Cúc", diff.Text);
        Assert.Contains("2 nhiệm vụ không đổi", diff.Text);
        var (status, body) = await h.InvokeAsync(Hung, CardVerbs.CorrectPlan, ActionData(diff.Card, CardVerbs.CorrectPlan));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        await h.Services.GetRequiredService<SyncLane>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // Not stored as a live assignment any more; kept as withdrawn, with its history and a "Withdrawn" line.
        Assert.Equal([Plan82 + "-a1", Plan82 + "-a2"], (await h.Store.Assignments.ListByPlanAsync(Tenant, Plan82)).Select(a => a.AssignmentId).Order());
        Assert.Null(await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"));
        Assert.True(await AssignmentWithdrawals.For(h.Store)!.IsWithdrawnAsync(Tenant, Plan82 + "-a3"));
        var history = await h.Services.GetRequiredService<IHistoryStore>().ListByAssignmentAsync(Tenant, Plan82 + "-a3");
        Assert.Contains(history, e => e.Event == HistoryEvent.Created || e.Event == HistoryEvent.Delivered);
        Assert.Equal(HistoryEvent.Withdrawn, history[^1].Event);

        // Cúc's card is replaced in place by the withdrawn card (no buttons) and she is told.
        var put = h.Connector.Posts.Last(p => p.ConversationId == Cuc.Conversation && p.Method == "PUT" && p.ActivityId == a3.CardActivityId);
        var card = Json(put.Body);
        Assert.Contains("Đã rút/thu hồi theo văn bản điều chỉnh", card);
        Assert.DoesNotContain("\"verb\"", card);
        Assert.Contains("không còn giao cho bạn", h.Connector.TextsIn(Cuc.Conversation).Last());

        // Not counted: the plan's status has two assignments, no deadline of Cúc's is listed, her own list is empty.
        await h.SayAsync(Hung, "trạng thái kế hoạch 82/KH-THPT BK");
        Assert.Equal("2", TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(h.Connector.CardsIn(Hung.Conversation).Last())["Tổng số nhiệm vụ"]);
        await h.SayAsync(Hung, "hạn sắp tới");
        Assert.DoesNotContain("Hồ Thị Thu Cúc", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        await h.SayAsync(Cuc, "hạn sắp tới");
        Assert.Contains("Không còn hạn nào sắp tới.", Json(h.Connector.CardsIn(Cuc.Conversation).Last()));

        // The board task of the assignment is closed (100 %) through the progress path.
        var board = Assert.IsType<LocalTaskBoard>(h.Services.GetRequiredService<ITaskBoard>());
        var rows = await board.ListRowsAsync(await board.EnsureBoardAsync(Tenant, Plan82, "ignored: the board exists"));
        Assert.Equal(100, rows.Single(r => r.Title.StartsWith("[NV03]", StringComparison.Ordinal)).PercentComplete);
        Assert.Equal(0, rows.Single(r => r.Title.StartsWith("[NV02]", StringComparison.Ordinal)).PercentComplete);
    }

    [Fact]
    public async Task A_plan_with_another_number_that_adjusts_the_published_one_is_offered_as_its_correction()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var seed = await File.ReadAllTextAsync(SeedPath("001"));
        Assert.Contains("Số: 82 /KH-THPT BK", seed);
        Assert.Contains("KẾ HOẠCH Hoạt động đối ngoại và hội nhập quốc tế năm 2023", seed);
        var amending = WithoutCuc(seed)
            .Replace("Số: 82 /KH-THPT BK", "Số: 95/KH-THPT BK", StringComparison.Ordinal)
            .Replace("KẾ HOẠCH Hoạt động đối ngoại và hội nhập quốc tế năm 2023",
                "KẾ HOẠCH Điều chỉnh, bổ sung Kế hoạch số 82/KH-THPT BK ngày 03 tháng 4 năm 2023 về hoạt động đối ngoại và hội nhập quốc tế năm 2023",
                StringComparison.Ordinal);

        var diff = await ImportAsync(h, "95-dieu-chinh", amending);
        Assert.Contains("Điều chỉnh kế hoạch 82/KH-THPT BK", diff.Text);
        Assert.Contains("Văn bản 95/KH-THPT BK điều chỉnh, bổ sung kế hoạch 82/KH-THPT BK", diff.Text);
        Assert.Contains("Nhiệm vụ bị bỏ (1)", diff.Text);
        // No new plan was stored for number 95.
        Assert.Null(await h.Store.Plans.FindByNumberAsync(Tenant, "95/KH-THPT BK"));
        Assert.Single(await h.Store.Plans.ListAsync(Tenant));

        var (_, body) = await h.InvokeAsync(Hung, CardVerbs.CorrectPlan, ActionData(diff.Card, CardVerbs.CorrectPlan));
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        var plan = (await h.Store.Plans.GetAsync(Tenant, Plan82))!;
        Assert.Equal("82/KH-THPT BK", plan.Number); // the corrected plan keeps its number
        Assert.Equal(2, (await h.Store.Assignments.ListByPlanAsync(Tenant, Plan82)).Count);

        // The same amending document again: nothing left to correct, still no plan 95.
        await ImportAsync(h, "95-dieu-chinh", amending);
        Assert.Contains("Kế hoạch này đã được gửi trước đó; không nhập lại.", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        Assert.Single(await h.Store.Plans.ListAsync(Tenant));
    }
}
