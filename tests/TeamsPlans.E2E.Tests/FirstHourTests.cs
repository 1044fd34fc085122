using System.Text.RegularExpressions;
using TeamsPlans.E2E.Tests.Harness;

namespace TeamsPlans.E2E.Tests;

/// <summary>
/// Issue 12, the first hour of a principal in the Agents Playground: the bot starts with no role configuration (the roster
/// file's role lines make Ngô Tấn Hưng principal), the start-up console names the library folder, Hưng asks for help, drops
/// seed 001 into that folder, gets the preview in chat, publishes, and asks "tình hình?", "hạn sắp tới", "ai chưa xác nhận?".
/// Screenshots docs/e2e-first-hour-NN.png.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class FirstHourTests
{
    // Seed 001: Kế hoạch số 82/KH-THPT BK, 03/04/2023. Its "Tổ chức thực hiện" names Thầy Ngô Tấn Hưng, Thầy Nguyễn Tất Thành
    // and Cô Hồ Thị Thu Cúc; only Cô Cúc's duty (báo cáo về Sở) has deadlines: 20/5 and 01/11/2023.
    internal const string SeedFile = "001_2bb57626d11c2963.txt";
    internal const string PlanNumber = "82/KH-THPT BK";

    /// <summary>Monday 10/04/2023 09:00 in Asia/Ho_Chi_Minh: a week after the plan was signed.</summary>
    internal static readonly DateTimeOffset SchoolDay = new(2023, 4, 10, 9, 0, 0, TimeSpan.FromHours(7));

    [GeneratedRegex(@"thư mục thư viện kế hoạch: (?<folder>.+?); bước tiếp theo")]
    private static partial Regex LibraryLine();

    [Fact]
    public async Task Principal_with_no_configuration_drops_a_plan_in_the_library_publishes_it_and_asks_for_the_status()
    {
        var seed = Path.Combine(RepoPaths.Seeds, SeedFile);
        Assert.True(File.Exists(seed), $"seed plan missing: {seed}");
        await using var env = await E2EEnvironment.StartFirstRunAsync("first-hour", SchoolDay);

        // The start-up console says who is principal (from the roster), where the library folder is, and the next step.
        var banner = env.Bot.LogLines.FirstOrDefault(l => l.Contains("thư mục thư viện kế hoạch", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("no start-up banner in the bot's log:\n" + string.Join('\n', env.Bot.LogLines));
        Assert.Contains("Hiệu trưởng: Ngô Tấn Hưng", banner, StringComparison.Ordinal);
        Assert.Contains("gõ trợ giúp", banner, StringComparison.Ordinal);
        var library = LibraryLine().Match(banner) is { Success: true } m ? m.Groups["folder"].Value
            : throw new InvalidOperationException("the banner names no library folder: " + banner);
        Assert.StartsWith(env.Bot.LibraryDir, library, StringComparison.Ordinal);

        // Hưng opens Teams. The Playground reports en-US, yet the welcome is in Vietnamese (Bot:DefaultLanguage vi-VN).
        var hung = (await env.OpenClientAsync(PlaygroundRoster.Hung)).Browser;
        await hung.WaitForBotMessageAsync("Chào mừng đến với TeamsPlans");
        var before = await hung.BotMessageCountAsync();
        await hung.SendAsync("trợ giúp");
        var help = await hung.WaitForBotMessageAsync("\"việc của tôi\"", skip: before);
        var helpText = await help.InnerTextAsync();
        Assert.Contains("\"nhập kế hoạch <tên tệp>\"", helpText, StringComparison.Ordinal);
        Assert.Contains("\"ai chưa xác nhận?\"", helpText, StringComparison.Ordinal);
        await hung.ScreenshotAsync("e2e-first-hour-01", docs: true);

        // He drops the plan into the folder the console named: the bot finds it and sends him the preview.
        before = await hung.BotMessageCountAsync();
        Directory.CreateDirectory(library);
        var dropped = Path.Combine(library, SeedFile);
        File.Copy(seed, dropped);
        File.SetLastWriteTimeUtc(dropped, DateTime.UtcNow);
        var preview = await hung.WaitForBotMessageAsync(PlanNumber, skip: before, timeoutMs: 60_000);
        var previewText = await preview.InnerTextAsync();
        Assert.Contains(SeedFile, previewText, StringComparison.Ordinal);
        foreach (var name in new[] { "Ngô Tấn Hưng", "Nguyễn Tất Thành", "Hồ Thị Thu Cúc" })
            Assert.Contains(name, previewText, StringComparison.Ordinal);
        await hung.ScreenshotAsync("e2e-first-hour-02", docs: true);

        before = await hung.BotMessageCountAsync();
        await hung.ClickCardButtonAsync(preview, "Gửi");
        var published = await hung.WaitForBotMessageAsync(["Đã gửi", "Đã giao"], skip: before);
        await hung.ScreenshotAsync("e2e-first-hour-03", docs: true);
        Assert.Contains(PlanNumber, await published.InnerTextAsync(), StringComparison.Ordinal);

        // "tình hình?": the plan, counted in the four official states; nothing is due yet on 10/04/2023.
        before = await hung.BotMessageCountAsync();
        await hung.SendAsync("tình hình?");
        var status = await hung.WaitForBotMessageAsync("Tình trạng theo hạn", skip: before);
        var statusText = await status.InnerTextAsync();
        Assert.Contains(PlanNumber, statusText, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"Chưa hoàn thành, còn trong hạn\s*:?\s*3\b"), statusText);
        Assert.Matches(new Regex(@"Hoàn thành đúng hạn\s*:?\s*0\b"), statusText);
        await hung.ScreenshotAsync("e2e-first-hour-04", docs: true);

        // "hạn sắp tới": Cô Cúc's report to the Sở, due 20/05/2023.
        before = await hung.BotMessageCountAsync();
        await hung.SendAsync("hạn sắp tới");
        var deadlines = await hung.WaitForBotMessageAsync("Hạn sắp tới của mọi kế hoạch đã gửi", skip: before);
        var deadlinesText = await deadlines.InnerTextAsync();
        Assert.Contains("20/05/2023", deadlinesText, StringComparison.Ordinal);
        Assert.Contains("Hồ Thị Thu Cúc", deadlinesText, StringComparison.Ordinal);
        await hung.ScreenshotAsync("e2e-first-hour-05", docs: true);

        // "ai chưa xác nhận?": nobody has acknowledged yet; the card offers "Nhắc nhở".
        before = await hung.BotMessageCountAsync();
        await hung.SendAsync("ai chưa xác nhận?");
        var pending = await hung.WaitForBotMessageAsync("Ai chưa xác nhận", skip: before);
        var pendingText = await pending.InnerTextAsync();
        Assert.Contains("Nguyễn Tất Thành", pendingText, StringComparison.Ordinal);
        Assert.Contains("Hồ Thị Thu Cúc", pendingText, StringComparison.Ordinal);
        Assert.Contains("Nhắc nhở", await pending.GetByRole(Microsoft.Playwright.AriaRole.Button).AllInnerTextsAsync());
        await hung.ScreenshotAsync("e2e-first-hour-06", docs: true);
    }
}
