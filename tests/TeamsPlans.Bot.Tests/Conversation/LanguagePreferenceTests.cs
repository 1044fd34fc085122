using TeamsPlans.Bot.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// "tiếng việt" / "english": a member picks the card language in chat; it is stored and wins over the Teams client's locale
/// (Agents Playground and English-language Teams clients always send en-US) for replies, card actions and proactive sends.
/// </summary>
public sealed class LanguagePreferenceTests
{
    [Theory]
    [InlineData("tiếng việt", "vi")]
    [InlineData("Tieng Viet", "vi")]
    [InlineData("Vietnamese please", "vi")]
    [InlineData("english", "en")]
    [InlineData("tiếng Anh", "en")]
    [InlineData("ngôn ngữ: tiếng việt", "vi")]
    [InlineData("đổi ngôn ngữ từ tiếng việt sang tiếng anh", "en")]
    [InlineData("language vi", "vi")]
    [InlineData("language en", "en")]
    [InlineData("ngôn ngữ tự động", "auto")]
    [InlineData("ngon ngu mac dinh", "auto")]
    [InlineData("language auto", "auto")]
    [InlineData("ngôn ngữ", null)]
    [InlineData("<at>TeamsPlans</at> language", null)]
    public void Language_commands_are_read_in_both_languages(string text, string? choice)
    {
        var c = TextCommands.Parse(text);
        Assert.Equal(CommandKind.Language, c.Kind);
        Assert.Equal(choice, c.Argument);
    }

    [Fact]
    public async Task Chosen_language_wins_over_the_client_locale_for_replies_and_card_actions_and_is_stored()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var thanhEn = Thanh with { Locale = "en-US" };
        string Last() => Json(h.Connector.CardsIn(Thanh.Conversation).Last());

        await h.SayAsync(thanhEn, "help");
        Assert.Contains("\"text\":\"Help\"", Last());

        await h.SayAsync(thanhEn, "tiếng việt");
        Assert.Contains("Đã đổi ngôn ngữ: thẻ và tin nhắn từ nay bằng tiếng Việt.", Last());
        Assert.Contains("Ngôn ngữ của thẻ: tiếng Việt", Last());
        Assert.Equal("vi", (await h.Store.Members.GetAsync(Tenant, Thanh.Aad))!.Language);

        // The client still says en-US; the answers are Vietnamese now.
        await h.SayAsync(thanhEn, "help");
        Assert.Contains("\"text\":\"Trợ giúp\"", Last());
        var (_, ack) = await h.InvokeAsync(thanhEn, "ack", ActionData(AssignmentCardOf(h, Thanh), "ack"));
        Assert.Equal(200, ack["statusCode"]!.GetValue<int>());
        var updated = Json(ack["value"]!);
        Assert.Contains("Đã xác nhận", updated);
        Assert.DoesNotContain("Acknowledged", updated);

        // A later message from the client keeps the choice (the stored locale is refreshed, the language is not lost).
        Assert.Equal("vi", (await h.Store.Members.GetAsync(Tenant, Thanh.Aad))!.Language);
        Assert.Equal("en-US", (await h.Store.Members.GetAsync(Tenant, Thanh.Aad))!.Locale);

        await h.SayAsync(Thanh, "english");
        Assert.Contains("Language changed: cards and messages are in English from now on.", Last());
        await h.SayAsync(Thanh, "việc của tôi");
        Assert.Contains("My tasks", Last());

        // Back to automatic: the client's locale decides again.
        await h.SayAsync(Thanh, "ngôn ngữ tự động");
        Assert.Null((await h.Store.Members.GetAsync(Tenant, Thanh.Aad))!.Language);
        Assert.Contains("Ngôn ngữ của thẻ: theo ngôn ngữ của Teams", Last());
        await h.SayAsync(thanhEn, "help");
        Assert.Contains("\"text\":\"Help\"", Last());

        // Without a choice the command lists the options in the current language.
        await h.SayAsync(Thanh, "ngôn ngữ");
        Assert.Contains("Gõ \\\"tiếng việt\\\" hoặc \\\"english\\\" để đổi", Last());
    }

    [Fact]
    public async Task Proactive_reminders_use_the_chosen_language()
    {
        await using var h = await StartAsync();
        await PublishAsync(h, thirdDutyTo: Lan);
        await h.SayAsync(Lan, "english"); // Lan's client is Vietnamese; she wants English cards.

        await h.SayAsync(Hung, "tình hình");
        var remind = ActionData(h.Connector.CardsIn(Hung.Conversation).Last(), "remind");
        var before = h.Connector.CardsIn(Lan.Conversation).Count;
        var (_, r) = await h.InvokeAsync(Hung, "remind", remind);
        Assert.Equal(200, r["statusCode"]!.GetValue<int>());

        var lan = h.Connector.CardsIn(Lan.Conversation);
        Assert.Equal(before + 1, lan.Count);
        Assert.Contains("Reminder: please acknowledge this assignment.", Json(lan.Last()));
        // Thành chose nothing: his reminder stays in Vietnamese.
        Assert.Contains("Nhắc việc: bạn chưa xác nhận nhiệm vụ này", Json(h.Connector.CardsIn(Thanh.Conversation).Last()));
    }
}
