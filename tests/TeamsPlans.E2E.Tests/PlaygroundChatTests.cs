using TeamsPlans.E2E.Tests.Harness;

namespace TeamsPlans.E2E.Tests;

/// <summary>The bot through the Agents Playground web UI, driven in headless Chromium.</summary>
[Collection(E2ECollection.Name)]
public sealed class PlaygroundChatTests
{
    [Fact]
    public async Task Help_typed_in_the_compose_box_gets_the_bots_reply_rendered()
    {
        await using var env = await E2EEnvironment.StartAsync("help");
        var browser = env.Browser;
        await browser.ScreenshotAsync("01-playground-opened");

        var before = await browser.BotMessageCountAsync();
        await browser.SendAsync("help");
        var reply = await browser.WaitForBotMessageAsync("tình hình", skip: before);
        Assert.True(await reply.IsVisibleAsync());
        await browser.ScreenshotAsync("02-help-reply");

        // The exchange went through the real endpoint and connector: the playground logged the bot's answer (201).
        Assert.Contains(env.Bot.LogLines, l => l.Contains("Command", StringComparison.Ordinal));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class E2ECollection
{
    public const string Name = "E2E (playground, browser)";
}
