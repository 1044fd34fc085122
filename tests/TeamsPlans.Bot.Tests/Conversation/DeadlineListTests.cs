using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// "hạn sắp tới" / "deadlines" and "ai chưa xác nhận?" through /api/messages (issue #12). Plan 82/KH-THPT BK (seed 001)
/// gives deadlines to one person only: Cô Hồ Thị Thu Cúc, "trước ngày 20/5 và 01/11/2023"; today is 10/04/2023.
/// </summary>
public sealed class DeadlineListTests
{
    private static string Last(BotHarness h, TestUser u) => Json(h.Connector.CardsIn(u.Conversation).Last());

    [Fact]
    public async Task Principal_sees_every_next_deadline_with_date_what_who_and_state_members_their_own()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);

        await h.SayAsync(Hung, "hạn sắp tới");
        var all = Last(h, Hung);
        Assert.Contains("Hạn sắp tới của mọi kế hoạch đã gửi", all);
        Assert.Contains("20/05/2023 — ", all);
        Assert.Contains("Hồ Thị Thu Cúc · Đã giao · 82/KH-THPT BK", all);
        Assert.DoesNotContain("01/11/2023", all); // the next deadline of each assignment only
        Assert.DoesNotContain("Tổng số nhiệm vụ", all);

        await h.InvokeAsync(Cuc, "ack", ActionData(AssignmentCardOf(h, Cuc), "ack"));
        await h.SayAsync(Cuc, "han sap toi");
        var mine = Last(h, Cuc);
        Assert.Contains("Hạn sắp tới của tôi", mine);
        Assert.Contains("Hồ Thị Thu Cúc · Đã xác nhận · 82/KH-THPT BK", mine);

        await h.SayAsync(Thanh, "hạn sắp tới");
        var thanh = Last(h, Thanh);
        Assert.Contains("Không còn hạn nào sắp tới.", thanh);
        Assert.DoesNotContain("Hồ Thị Thu Cúc", thanh);

        await h.SayAsync(Hung with { Locale = "en-US" }, "deadlines");
        var en = Last(h, Hung);
        Assert.Contains("Next deadlines of every published plan", en);
        Assert.Contains("Hồ Thị Thu Cúc · Acknowledged · 82/KH-THPT BK", en);
    }

    [Fact]
    public async Task Not_acknowledged_lists_only_who_has_not_with_a_remind_button()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        await h.InvokeAsync(Thanh, "ack", ActionData(AssignmentCardOf(h, Thanh), "ack"));

        await h.SayAsync(Hung, "ai chưa xác nhận?");
        var card = h.Connector.CardsIn(Hung.Conversation).Last();
        var text = Json(card);
        Assert.Contains("Ai chưa xác nhận", text);
        Assert.Contains("Chưa xác nhận (2)", text);
        Assert.Contains("Ngô Tấn Hưng", text);
        Assert.Contains("Hồ Thị Thu Cúc", text);
        Assert.DoesNotContain("Nguyễn Tất Thành", text);
        Assert.DoesNotContain("Tổng số nhiệm vụ", text);
        Assert.Contains(Objects(card), o => o["verb"]?.GetValue<string>() == "remind" && o["title"]?.GetValue<string>() == "Nhắc nhở");
    }
}
