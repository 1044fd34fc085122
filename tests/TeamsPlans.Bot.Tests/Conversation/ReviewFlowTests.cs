using System.Net;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// Issue 15 through POST /api/messages: a report handed in awaits review; the plan's head (Hưng, who published it) returns
/// it with a reason, the member hands it in again after the deadline, the head accepts it: "Hoàn thành quá hạn". Every
/// step is in the history card and the CSV export. Cúc's duty is re-dated to Friday 14/04/2023 (seed 001 gives 20/5 and
/// 01/11/2023): the fake clock then moves a few days, not seven months (every host timer fires on the way).
/// </summary>
public sealed class ReviewFlowTests
{
    private const string A3 = Plan82 + "-a3";

    /// <summary>The "report" Execute data of a card with the period it offers first, and a summary.</summary>
    internal static JsonObject HandIn(JsonObject card, string summary)
    {
        var data = ActionData(card, "report");
        if (data[CardVerbs.ReportPeriodInput] is null)
            data[CardVerbs.ReportPeriodInput] = Objects(card).First(o => o["id"]?.GetValue<string>() == CardVerbs.ReportPeriodInput)["value"]!.GetValue<string>();
        data[CardVerbs.ReportSummaryInput] = summary;
        return data;
    }

    internal static JsonObject ReviewCardOf(BotHarness h) =>
        h.Connector.CardsIn(Hung.Conversation).Last(c => Objects(c).Any(o => o["verb"]?.GetValue<string>() == CardVerbs.Accept));

    private static JsonObject LastPutOf(BotHarness h, TestUser u) =>
        h.Connector.Posts.Last(p => p.ConversationId == u.Conversation && p.Method == "PUT").Body["attachments"]![0]!["content"]!.AsObject();

    private static string? TextOf(JsonObject card, string id) => Objects(card).FirstOrDefault(o => o["id"]?.GetValue<string>() == id)?["text"]?.GetValue<string>();

    [Fact]
    public async Task Handed_in_returned_with_a_reason_handed_in_again_late_and_accepted_is_done_late_with_every_round_in_the_history()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var a3 = (await h.Store.Assignments.GetAsync(Tenant, A3))!;
        await h.Store.Assignments.UpsertManyAsync([a3 with { Deadlines = [new Deadline(DueDate.OnDate(new DateOnly(2023, 4, 14)), null, "Báo cáo", "Sở GD&ĐT", null)] }]);
        var card = AssignmentCardOf(h, Cuc);
        Assert.Equal("Tình trạng theo hạn: Chưa hoàn thành, còn trong hạn", TextOf(card, "officialState"));
        Assert.Equal(200, (await h.InvokeAsync(Cuc, "ack", ActionData(card, "ack"))).Body["statusCode"]!.GetValue<int>());

        // Handed in: awaiting review, not done; the head gets the review card with the summary.
        var (_, current) = await h.InvokeAsync(Cuc, "refresh", ActionData(card, "refresh"), trigger: "automatic");
        var (_, handedIn) = await h.InvokeAsync(Cuc, "report", HandIn(current["value"]!.AsObject(), "Đã tổ chức 2 buổi sinh hoạt chuyên đề."));
        Assert.Equal(200, handedIn["statusCode"]!.GetValue<int>());
        Assert.Equal("⏳ Báo cáo đang chờ duyệt", TextOf(handedIn["value"]!.AsObject(), "reviewState"));
        Assert.NotEqual(AssignmentStatus.Done, (await h.Store.Assignments.GetAsync(Tenant, A3))!.State.Status);
        var review = ReviewCardOf(h);
        Assert.Equal("Đã tổ chức 2 buổi sinh hoạt chuyên đề.", TextOf(review, "reportSummary"));
        Assert.Equal("Hồ Thị Thu Cúc", TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(review)["Người nộp"]);
        Assert.Contains(Objects(review), o => o["type"]?.GetValue<string>() == "Action.OpenUrl" && o["title"]?.GetValue<string>() == "Mở báo cáo");

        // Only the receiver reviews, a return needs a reason.
        var data = ActionData(review, CardVerbs.Accept);
        Assert.Equal(400, (await h.InvokeAsync(Cuc, CardVerbs.Accept, data)).Body["statusCode"]!.GetValue<int>());
        Assert.Equal(400, (await h.InvokeAsync(Lan, CardVerbs.Accept, data)).Body["statusCode"]!.GetValue<int>());
        var (_, noReason) = await h.InvokeAsync(Hung, CardVerbs.Return, data);
        Assert.Equal("ReasonRequired", noReason["value"]!["code"]!.GetValue<string>());
        var withReason = data.DeepClone().AsObject();
        withReason[CardVerbs.ReturnReasonInput] = "Thiếu số liệu khối 12";
        var (_, returned) = await h.InvokeAsync(Hung, CardVerbs.Return, withReason);
        Assert.Equal(200, returned["statusCode"]!.GetValue<int>());
        Assert.StartsWith("↩ Đã trả lại — Ngô Tấn Hưng", TextOf(returned["value"]!.AsObject(), "reviewDecision"));
        Assert.DoesNotContain(Objects(returned["value"]), o => o["verb"]?.GetValue<string>() == CardVerbs.Accept);
        // The member's posted card is updated: the reason and a hand-in-again button; a notice in chat too.
        var cucCard = LastPutOf(h, Cuc);
        Assert.Equal("Trả lại: Thiếu số liệu khối 12", TextOf(cucCard, "reviewState"));
        Assert.Contains(Objects(cucCard), o => o["title"]?.GetValue<string>() == "Nộp lại báo cáo");
        Assert.Contains(h.Connector.CardsIn(Cuc.Conversation), c => Json(c).Contains("Trả lại: Thiếu số liệu khối 12", StringComparison.Ordinal));
        // Nothing awaits review any more.
        Assert.Equal(400, (await h.InvokeAsync(Hung, CardVerbs.Accept, data)).Body["statusCode"]!.GetValue<int>());

        // After the deadline (Friday 14/04/2023), on Monday: overdue; handed in again (round 2) and accepted: done late.
        h.Time.SetUtcNow(new DateTimeOffset(2023, 4, 17, 2, 0, 0, TimeSpan.Zero));
        var (_, refreshed) = await h.InvokeAsync(Cuc, "refresh", ActionData(AssignmentCardOf(h, Cuc), "refresh"), trigger: "automatic");
        Assert.Equal("Tình trạng theo hạn: Chưa hoàn thành, quá hạn", TextOf(refreshed["value"]!.AsObject(), "officialState"));
        var (_, again) = await h.InvokeAsync(Cuc, "report", HandIn(refreshed["value"]!.AsObject(), "Bổ sung số liệu khối 12."));
        Assert.Equal(200, again["statusCode"]!.GetValue<int>());
        var second = ReviewCardOf(h);
        Assert.StartsWith("2 · 17/04/2023", TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(second)["Lần nộp"]);
        // The reviewer sees the earlier round: who handed it in, who returned it, when, and why; the first card had none.
        Assert.Null(TextOf(review, "earlierRounds"));
        Assert.Equal("Các lần nộp trước", TextOf(second, "earlierRounds"));
        Assert.Equal("Lần 1: Hồ Thị Thu Cúc nộp 10/04/2023 09:00 — ↩ Đã trả lại — Ngô Tấn Hưng, 10/04/2023 09:00: Thiếu số liệu khối 12",
            TextOf(second, "round-1"));
        Assert.Null(TextOf(second, "round-2"));
        var (_, accepted) = await h.InvokeAsync(Hung, CardVerbs.Accept, ActionData(second, CardVerbs.Accept));
        Assert.Equal(200, accepted["statusCode"]!.GetValue<int>());
        Assert.StartsWith("✓ Đã chấp nhận — Ngô Tấn Hưng, 17/04/2023", TextOf(accepted["value"]!.AsObject(), "reviewDecision"));
        Assert.Equal(AssignmentStatus.Done, (await h.Store.Assignments.GetAsync(Tenant, A3))!.State.Status);
        cucCard = LastPutOf(h, Cuc);
        Assert.Equal("Tình trạng theo hạn: Hoàn thành quá hạn", TextOf(cucCard, "officialState"));
        Assert.Equal("✓ Báo cáo đã được chấp nhận ngày 17/04/2023", TextOf(cucCard, "reviewState"));

        // The principal's status card counts the plan's three duties in the four states: Cúc's done late; the two others have
        // no deadline in seed 001 (only Cúc's duty names dates), so they are not done and still within the deadline.
        await h.SayAsync(Hung, "tình hình");
        var states = Objects(h.Connector.CardsIn(Hung.Conversation).Last()).Single(o => o["id"]?.GetValue<string>() == "officialStates-" + Plan82);
        var facts = TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(states);
        Assert.Equal("1", facts["Hoàn thành quá hạn"]);
        Assert.Equal("0", facts["Hoàn thành đúng hạn"]);
        Assert.Equal("0", facts["Chưa hoàn thành, quá hạn"]);
        Assert.Equal("2", facts["Chưa hoàn thành, còn trong hạn"]);

        // "Lịch sử": every step, newest first, with who and from where.
        await h.InvokeAsync(Cuc, CardVerbs.History, ActionData(cucCard, CardVerbs.History));
        var lines = Objects(h.Connector.CardsIn(Cuc.Conversation).Last()).Where(o => o["id"]?.GetValue<string>()?.StartsWith("history-", StringComparison.Ordinal) == true)
            .Select(o => o["text"]!.GetValue<string>()).ToList();
        Assert.StartsWith("17/04/2023 09:00 · Ngô Tấn Hưng · Chấp nhận báo cáo (thẻ)", lines[0]);
        Assert.Contains(lines, l => l.Contains("Ngô Tấn Hưng · Trả lại báo cáo (thẻ): Thiếu số liệu khối 12", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.Contains("Hồ Thị Thu Cúc · Nộp báo cáo (thẻ)", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("10/04/2023 09:00 · Hồ Thị Thu Cúc · Đã xác nhận (thẻ)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Đã gửi thẻ (hệ thống)", StringComparison.Ordinal));
        Assert.EndsWith("Ngô Tấn Hưng · Giao nhiệm vụ (thẻ): Hồ Thị Thu Cúc", lines[^1]);

        // The admin CLI exports the plan's history as CSV.
        var csv = Path.Combine(Path.GetDirectoryName(h.LibraryDir)!, "history.csv");
        var code = await TeamsPlans.Bot.Cli.AdminCli.RunAsync(["history", "export", "--plan", Plan82, "--tenant", Tenant,
            "--provider", "sqlite", "--state", Path.Combine(Path.GetDirectoryName(h.LibraryDir)!, "state.db"), "--out", csv]);
        Assert.Equal(0, code);
        var rows = await File.ReadAllLinesAsync(csv);
        Assert.Equal("thoi_diem,nhiem_vu,nguoi_duoc_giao,su_kien,nguoi_thuc_hien,nguon,chi_tiet", rows[0]);
        Assert.Contains(rows, r => r.StartsWith("17/04/2023 09:00:00," + A3 + ",", StringComparison.Ordinal) && r.Contains(",Accepted,Ngô Tấn Hưng,Card,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(",Returned,Ngô Tấn Hưng,Card,Thiếu số liệu khối 12", StringComparison.Ordinal));
        Assert.Equal(3, rows.Count(r => r.Contains(",Created,", StringComparison.Ordinal)));
    }
}
