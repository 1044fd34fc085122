using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;
using static TeamsPlans.Bot.Tests.Units.UnitHandOverTests;

namespace TeamsPlans.Bot.Tests.Units;

/// <summary>
/// Issue 14/15 bug: a unit head who accepts a member's report sends it up in the unit's name; that is not a new review
/// round. Seed 004 (Phòng Thủ Thừa) published, the head of THCS01 passes the third duty to Thầy An. An hands in; the head
/// sends it up: the Phòng's review card says round 1 with no earlier round. The Phòng returns it; An hands in again, the
/// head sends it up again: round 2, and the one earlier round is An's first, with the Phòng's reason. Through /api/messages.
/// </summary>
public sealed class UnitReportForwardRoundTests
{
    private static string Round(JsonObject review) => TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(review)["Lần nộp"].Split(" · ")[0];

    private static JsonObject ReviewCardIn(BotHarness h, TestUser u) =>
        h.Connector.CardsIn(u.Conversation).Last(c => Objects(c).Any(o => o["verb"]?.GetValue<string>() == CardVerbs.Accept));

    private static async Task<JsonObject> HandInAndSendUpAsync(BotHarness h, string assignmentId, string summary)
    {
        var data = new JsonObject
        {
            ["assignmentId"] = assignmentId, [CardVerbs.ReportPeriodInput] = "2023-06-05", [CardVerbs.ReportSummaryInput] = summary,
        };
        Assert.Equal(200, (await h.InvokeAsync(An, CardVerbs.Report, data)).Body["statusCode"]!.GetValue<int>());
        await h.DeliverQueuedAsync();
        var phongCards = h.Connector.CardsIn(Hung.Conversation).Count;
        var (_, up) = await h.InvokeAsync(Head, CardVerbs.Accept, ActionData(ReviewCardIn(h, Head), CardVerbs.Accept));
        Assert.Equal(200, up["statusCode"]!.GetValue<int>());
        await h.DeliverQueuedAsync();
        Assert.True(h.Connector.CardsIn(Hung.Conversation).Count > phongCards, "the Phòng gets the review card");
        return ReviewCardIn(h, Hung);
    }

    [Fact]
    public async Task A_report_the_unit_head_sends_up_is_the_same_round_not_a_new_one()
    {
        await using var h = await PublishedAsync();
        var duty = (await HeldAsync(h, Head.Aad))[2];
        await h.SayAsync(Head, "phân công 3 cho Nguyễn Văn An: Thầy An làm báo cáo kết quả");

        var first = await HandInAndSendUpAsync(h, duty.AssignmentId, "Báo cáo kết quả thông tin đối ngoại của trường.");
        Assert.Equal("1", Round(first));
        Assert.DoesNotContain(Objects(first), o => o["id"]?.GetValue<string>() == "earlierRounds");

        var back = ActionData(first, CardVerbs.Return);
        back[CardVerbs.ReturnReasonInput] = "Thiếu số liệu tháng 5.";
        Assert.Equal(200, (await h.InvokeAsync(Hung, CardVerbs.Return, back)).Body["statusCode"]!.GetValue<int>());
        await h.DeliverQueuedAsync();

        var second = await HandInAndSendUpAsync(h, duty.AssignmentId, "Báo cáo kết quả (đã bổ sung số liệu tháng 5).");
        Assert.Equal("2", Round(second));
        var earlier = Objects(second).Where(o => o["id"]?.GetValue<string>() is { } id && id.StartsWith("round-", StringComparison.Ordinal)).ToList();
        var only = Assert.Single(earlier);
        Assert.StartsWith("Lần 1: Nguyễn Văn An nộp", only["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Thiếu số liệu tháng 5.", only["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // The history keeps both steps of each round: An's hand-in and the head's sending up.
        var history = await HistoryStoreFactory.For(h.Store).ListByAssignmentAsync(Tenant, duty.AssignmentId);
        Assert.Equal(2, history.Count(e => e.Event == HistoryEvent.ReportHandedIn));
        Assert.Equal(2, history.Count(e => e.Event == HistoryEvent.ReportForwarded && e.Actor == Head.Aad));

        // The Phòng accepts: done, one acceptance of the second round.
        Assert.Equal(200, (await h.InvokeAsync(Hung, CardVerbs.Accept, ActionData(second, CardVerbs.Accept))).Body["statusCode"]!.GetValue<int>());
        Assert.Equal(AssignmentStatus.Done, (await h.Store.Assignments.GetAsync(Tenant, duty.AssignmentId))!.State.Status);
    }
}
