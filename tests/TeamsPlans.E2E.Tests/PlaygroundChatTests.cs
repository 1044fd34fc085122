using TeamsPlans.E2E.Tests.Harness;

namespace TeamsPlans.E2E.Tests;

/// <summary>The bot through the Agents Playground web UI, driven in headless Chromium.</summary>
[Collection(E2ECollection.Name)]
public sealed class PlaygroundChatTests
{
    [Fact]
    public async Task Help_typed_in_the_compose_box_gets_the_bots_reply_rendered()
    {
        var (env, client) = await E2EEnvironment.StartWithClientAsync("help");
        await using var _ = env;
        var browser = client.Browser;
        await browser.ScreenshotAsync("01-playground-opened");

        var before = await browser.BotMessageCountAsync();
        await browser.SendAsync("help");
        // The playground always sends locale en-US, yet the help card is in Vietnamese (Bot:DefaultLanguage vi-VN)…
        var reply = await browser.WaitForBotMessageAsync(["\"việc của tôi\""], skip: before);
        Assert.True(await reply.IsVisibleAsync());
        await browser.ScreenshotAsync("02-help-reply-vietnamese");

        // …until the user chooses English in chat; the choice is kept for the next replies.
        before = await browser.BotMessageCountAsync();
        await browser.SendAsync("english");
        await browser.WaitForBotMessageAsync(["Language changed"], skip: before);
        before = await browser.BotMessageCountAsync();
        await browser.SendAsync("trợ giúp");
        reply = await browser.WaitForBotMessageAsync(["\"my tasks\""], skip: before);
        Assert.DoesNotContain("việc của tôi", await reply.InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("03-help-reply-english");

        // The exchange went through the real endpoint and connector: the playground logged the bot's answer (201).
        Assert.Contains(env.Bot.LogLines, l => l.Contains("Command", StringComparison.Ordinal));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class E2ECollection
{
    public const string Name = "E2E (playground, browser)";
}
