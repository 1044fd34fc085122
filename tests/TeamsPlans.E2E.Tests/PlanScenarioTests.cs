using System.Text.RegularExpressions;
using TeamsPlans.E2E.Tests.Harness;

namespace TeamsPlans.E2E.Tests;

/// <summary>
/// The whole loop in Teams clients: the principal imports a seed plan and publishes it, a member receives the assignment
/// card in their own chat and acknowledges it, the card updates, and the principal's "tình hình" counts the acknowledgement.
/// Two Agents Playground clients (Nguyễn Tất Thành, Ngô Tấn Hưng) talk to the same bot, as two people with Teams open.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PlanScenarioTests
{
    // Seed 001 names Thầy Ngô Tấn Hưng (Hiệu trưởng), Thầy Nguyễn Tất Thành and Cô Hồ Thị Thu Cúc (Phó hiệu trưởng).
    private const string SeedFile = "001_2bb57626d11c2963.txt";

    [Fact]
    public async Task Member_acknowledges_the_assignment_card_and_the_principal_sees_it_counted()
    {
        var seed = Path.Combine(RepoPaths.Seeds, SeedFile);
        Assert.True(File.Exists(seed), $"seed plan missing: {seed}");
        await using var env = await E2EEnvironment.StartAsync("scenario");
        env.Bot.AddToLibrary(seed);

        // Both open Teams: the bot is installed for each of them (conversation references + roster stored).
        var thanh = await env.OpenClientAsync(PlaygroundRoster.Thanh);
        await thanh.Browser.WaitForBotMessageAsync(["Chào mừng đến với TeamsPlans"]);
        var hung = await env.OpenClientAsync(PlaygroundRoster.Hung);
        await hung.Browser.WaitForBotMessageAsync(["Chào mừng đến với TeamsPlans"]);

        // The Playground client always reports locale en-US; the bot speaks Vietnamese to both (Bot:DefaultLanguage vi-VN).

        // The principal imports the seed plan from the library and publishes it.
        var before = await hung.Browser.BotMessageCountAsync();
        await hung.Browser.SendAsync("nhập kế hoạch " + Path.GetFileNameWithoutExtension(SeedFile));
        var preview = await hung.Browser.WaitForBotMessageAsync(["Nguyễn Tất Thành"], skip: before);
        await hung.Browser.ScreenshotAsync("10-principal-import-preview");
        before = await hung.Browser.BotMessageCountAsync();
        await hung.Browser.ClickCardButtonAsync(preview, "Gửi");
        await hung.Browser.ScreenshotAsync("11-principal-published");

        // The member receives the assignment card in their own chat and acknowledges it.
        var card = await thanh.Browser.WaitForBotMessageAsync(["tổ chức triển khai"]);
        await thanh.Browser.ScreenshotAsync("12-member-assignment-card");
        await thanh.Browser.ClickCardButtonAsync(card, "Xác nhận");
        await WaitUntilAsync(async () => (await card.InnerTextAsync()).Contains("Đã xác nhận", StringComparison.Ordinal),
            () => card.InnerTextAsync(), "the card to show the acknowledgement");
        await thanh.Browser.ScreenshotAsync("13-member-card-acknowledged");

        // The principal asks for the status: one acknowledgement is counted.
        before = await hung.Browser.BotMessageCountAsync();
        await hung.Browser.SendAsync("tình hình");
        var status = await hung.Browser.WaitForBotMessageAsync(["Đã xác nhận"], skip: before);
        await hung.Browser.ScreenshotAsync("14-principal-status");
        var text = await status.InnerTextAsync();
        Assert.Matches(new Regex(@"Đã xác nhận\s*:?\s*1\b"), text);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<Task<string>> describe, string what, int timeoutMs = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}. Now: {await describe()}");
            await Task.Delay(250);
        }
    }
}
