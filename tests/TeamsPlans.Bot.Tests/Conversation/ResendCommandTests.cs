using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>"gửi lại": a principal sends a plan's failed assignment cards again from chat; only the failed ones.</summary>
public sealed class ResendCommandTests
{
    [Theory]
    [InlineData("gửi lại", null)]
    [InlineData("gui lai", null)]
    [InlineData("gửi lại kế hoạch 82/KH-THPT BK", "82/KH-THPT BK")]
    [InlineData("gửi lại thẻ lỗi", null)]
    [InlineData("resend 82/KH-THPT BK", "82/KH-THPT BK")]
    [InlineData("resend failed", null)]
    public void Resend_is_read_with_an_optional_plan_number(string text, string? argument)
    {
        var c = TextCommands.Parse(text);
        Assert.Equal(CommandKind.Resend, c.Kind);
        Assert.Equal(argument, c.Argument);
    }

    [Fact]
    public async Task Principal_resends_only_the_failed_card_and_it_arrives_once()
    {
        await using var h = await StartAsync();
        // Everyone has installed the app; the bot is refused in Cúc's chat when the plan is published: her card fails (403
        // BotDisabledByAdmin, a definite failure; a 404 ConversationNotFound would be recovered by opening the chat again).
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u);
        h.Connector.FailingConversations[Cuc.Conversation] = 403;
        await PublishAsync(h);
        Assert.DoesNotContain(h.Connector.CardsIn(Cuc.Conversation), c => Json(c).Contains("Nhiệm vụ được giao"));
        var items = await h.Store.Queue.ListAsync(Tenant, DeliveryOptions.QueueName);
        Assert.Single(items, i => i.State == WorkState.Failed);
        var thanhCards = h.Connector.CardsIn(Thanh.Conversation).Count;

        // A plain member may not resend.
        await h.SayAsync(Lan, "gửi lại");
        Assert.Contains("Chỉ lãnh đạo đơn vị", Json(h.Connector.CardsIn(Lan.Conversation).Last()));

        // The chat is back; the principal resends: Cúc gets her card, nobody else gets a second one.
        h.Connector.FailingConversations.TryRemove(Cuc.Conversation, out _);
        await h.SayAsync(Hung, "gửi lại kế hoạch 82/KH-THPT BK");
        var answer = Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains("Đã gửi lại 1 thẻ gửi lỗi.", answer);
        Assert.Contains("gửi lại 1", answer);
        Assert.Contains("(đã gửi 2, đang chờ 1)", answer); // the summary at the time of the answer: the worker sends next
        Assert.Single(h.Connector.CardsIn(Cuc.Conversation), c => Json(c).Contains("Nhiệm vụ được giao"));
        Assert.Equal(thanhCards, h.Connector.CardsIn(Thanh.Conversation).Count);
        Assert.All(await h.Store.Queue.ListAsync(Tenant, DeliveryOptions.QueueName), i => Assert.Equal(WorkState.Done, i.State));

        // Again: nothing left to resend.
        await h.SayAsync(Hung with { Locale = "en-US" }, "resend");
        Assert.Contains("No failed card to resend.", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        await h.SayAsync(Hung, "gửi lại kế hoạch 99/KH-XYZ");
        Assert.Contains("Không tìm thấy kế hoạch", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        Assert.Single(h.Connector.CardsIn(Cuc.Conversation), c => Json(c).Contains("Nhiệm vụ được giao"));
    }
    [Fact]
    public async Task The_status_card_shows_failed_and_blocked_cards_and_resends_the_failed_ones_from_its_button()
    {
        await using var h = await StartAsync();
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u);
        h.Connector.FailingConversations[Cuc.Conversation] = 403;
        await PublishAsync(h);

        await h.SayAsync(Hung, "tình hình");
        var status = h.Connector.CardsIn(Hung.Conversation).Last();
        Assert.Contains("Gửi thẻ lỗi: 1 · Đã chặn bot: 0", Json(status));
        var resend = ActionData(status, "resend");

        // A plain member's click is refused; nothing is queued again.
        var (_, refused) = await h.InvokeAsync(Lan, "resend", resend);
        Assert.Equal(400, refused["statusCode"]!.GetValue<int>());
        Assert.Single(await h.Store.Queue.ListAsync(Tenant, DeliveryOptions.QueueName, WorkState.Failed));

        h.Connector.FailingConversations.TryRemove(Cuc.Conversation, out _);
        var (_, ok) = await h.InvokeAsync(Hung, "resend", resend);
        Assert.Equal(200, ok["statusCode"]!.GetValue<int>());
        Assert.Contains(h.Connector.TextsIn(Hung.Conversation), t => t.StartsWith("Đã gửi lại 1 thẻ gửi lỗi", StringComparison.Ordinal));
        // The updated status card has nothing left to resend; Cúc got her card once.
        var updated = Json(ok["value"]!);
        Assert.DoesNotContain("Gửi thẻ lỗi", updated);
        Assert.DoesNotContain("\"verb\":\"resend\"", updated);
        Assert.Single(h.Connector.CardsIn(Cuc.Conversation), c => Json(c).Contains("Nhiệm vụ được giao"));
    }
}
