using System.Net;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Conversation;
using Microsoft.Extensions.Configuration;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// Issue 12: the welcome card is sent once per install, and in Vietnamese by default although the Agents Playground (and an
/// English Teams client) reports en-US (Bot:DefaultLanguage, default vi-VN); a member's choice wins and is kept.
/// </summary>
public sealed class WelcomeOnceTests
{
    /// <summary>The product default: the harness's "auto" is replaced by an empty value, which reads as unset.</summary>
    private static readonly Dictionary<string, string> ProductDefault = new() { ["Bot:DefaultLanguage"] = "" };

    private static readonly TestUser ThanhEn = Thanh with { Locale = "en-US" };

    private static List<JsonObject> Welcomes(BotHarness h, TestUser u) => h.Connector.CardsIn(u.Conversation)
        .Where(c => Json(c).Contains("Chào mừng đến với TeamsPlans", StringComparison.Ordinal)
            || Json(c).Contains("Welcome to TeamsPlans", StringComparison.Ordinal)).ToList();

    private static JsonObject InstallationUpdate(BotHarness h, TestUser u)
    {
        var a = h.Base(u, "installationUpdate");
        a["action"] = "add";
        return a;
    }

    [Theory]
    [InlineData(null, "vi")]
    [InlineData("", "vi")]
    [InlineData("vi-VN", "vi")]
    [InlineData("en-US", "en")]
    [InlineData("auto", null)]
    public void Default_language_setting_is_read(string? setting, string? expected)
    {
        var c = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:DefaultLanguage"] = setting }).Build();
        Assert.Equal(expected, ConversationOptions.From(c).DefaultLanguage);
    }

    [Fact]
    public void A_default_language_that_is_no_language_is_refused_with_the_setting_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ConversationOptions.LanguageOf("fr-FR"));
        Assert.Contains("Bot:DefaultLanguage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_en_US_client_gets_the_welcome_and_replies_in_Vietnamese_by_default()
    {
        await using var h = await StartAsync(ProductDefault);
        await h.InstallAsync(ThanhEn);
        var welcome = Assert.Single(Welcomes(h, ThanhEn));
        Assert.Contains("Chào mừng đến với TeamsPlans", Json(welcome));
        Assert.DoesNotContain("Welcome to TeamsPlans", Json(welcome));
        Assert.Equal("vi", welcome["lang"]?.GetValue<string>());

        await h.SayAsync(ThanhEn, "help");
        Assert.Contains("\"text\":\"Trợ giúp\"", Json(h.Connector.CardsIn(Thanh.Conversation).Last()));
        var stored = await h.Store.Members.GetAsync(Tenant, Thanh.Aad);
        Assert.Equal("vi", stored!.Language);
        Assert.Equal("en-US", stored.Locale);
    }

    [Fact]
    public async Task The_default_can_be_English_or_follow_the_client()
    {
        await using (var en = await StartAsync(new Dictionary<string, string> { ["Bot:DefaultLanguage"] = "en-US" }))
        {
            await en.InstallAsync(Thanh); // a vi-VN client
            Assert.Contains("Welcome to TeamsPlans", Json(Assert.Single(Welcomes(en, Thanh))));
        }
        await using var auto = await StartAsync(new Dictionary<string, string> { ["Bot:DefaultLanguage"] = "auto" });
        await auto.InstallAsync(ThanhEn);
        Assert.Contains("Welcome to TeamsPlans", Json(Assert.Single(Welcomes(auto, ThanhEn))));
    }

    [Fact]
    public async Task Install_events_repeated_or_at_the_same_moment_greet_once()
    {
        await using var h = await StartAsync(ProductDefault);
        h.Connector.Rosters[Thanh.Conversation] = [new JsonObject { ["id"] = Thanh.TeamsId, ["name"] = Thanh.Name, ["aadObjectId"] = Thanh.Aad }];
        var conversationUpdate = h.Base(ThanhEn, "conversationUpdate");
        conversationUpdate["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot-id" },
            new JsonObject { ["id"] = Thanh.TeamsId, ["aadObjectId"] = Thanh.Aad });
        // Teams sends installationUpdate and conversationUpdate for one install; they may arrive together.
        var answers = await Task.WhenAll(h.PostAsync(InstallationUpdate(h, ThanhEn)), h.PostAsync(conversationUpdate));
        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(Welcomes(h, Thanh));

        // Later repeats of both events, and the member added again, greet no more.
        await h.InstallAsync(ThanhEn);
        await h.PostAsync(InstallationUpdate(h, ThanhEn));
        await h.PostAsync(conversationUpdate);
        Assert.Single(Welcomes(h, Thanh));
    }

    [Fact]
    public async Task A_reinstall_greets_again_in_the_language_the_member_chose()
    {
        await using var h = await StartAsync(ProductDefault);
        await h.InstallAsync(ThanhEn);
        await h.SayAsync(ThanhEn, "english");
        Assert.Contains("Language changed", Json(h.Connector.CardsIn(Thanh.Conversation).Last()));

        await h.UninstallAsync(ThanhEn);
        await h.InstallAsync(Thanh); // now from a vi-VN client: the explicit choice still wins
        var welcomes = Welcomes(h, Thanh);
        Assert.Equal(2, welcomes.Count);
        Assert.Contains("Welcome to TeamsPlans", Json(welcomes[1]));
        Assert.Equal("en", (await h.Store.Members.GetAsync(Tenant, Thanh.Aad))!.Language);
    }
}
