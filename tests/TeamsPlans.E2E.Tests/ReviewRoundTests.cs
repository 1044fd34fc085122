using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.E2E.Tests.Harness;

namespace TeamsPlans.E2E.Tests;

/// <summary>
/// Issue 15 in Teams clients (Agents Playground): a report is reviewed in two rounds. Hưng (Hiệu trưởng) publishes seed plan
/// 001; Thành hands in his report from his assignment card; Hưng gets the review card, returns the report with a reason;
/// Thành sees "Trả lại: &lt;lý do&gt;" and the "Nộp lại báo cáo" button, hands it in again; Hưng accepts it and Thành's card
/// counts it done. The report is handed in the way the card allows — a summary and a link to the report (the card's
/// "Liên kết tới báo cáo") — not as a file: attaching a file in the Playground's chat (which would reach the bot as a
/// file.download.info from a real SharePoint) is not exercised here; file hand-ins are covered through /api/messages.
/// Screenshots: artifacts/screenshots/20-… to 27-….
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ReviewRoundTests
{
    private const string SeedFile = "001_2bb57626d11c2963.txt";
    private const string Reason = "Thiếu số liệu khối 12";

    [Fact]
    public async Task Member_hands_in_principal_returns_with_a_reason_member_hands_in_again_principal_accepts()
    {
        await using var env = await E2EEnvironment.StartAsync("review-rounds",
            configureServices: s => s.AddSingleton<TimeProvider>(new ShiftedTimeProvider(FirstHourTests.SchoolDay)));
        env.Bot.AddToLibrary(Path.Combine(RepoPaths.Seeds, SeedFile));
        var thanh = (await env.OpenClientAsync(PlaygroundRoster.Thanh)).Browser;
        await thanh.WaitForBotMessageAsync(["TeamsPlans"]);
        var hung = (await env.OpenClientAsync(PlaygroundRoster.Hung)).Browser;
        await hung.WaitForBotMessageAsync(["TeamsPlans"]);
        foreach (var client in new[] { thanh, hung })
        {
            var n = await client.BotMessageCountAsync();
            await client.SendAsync("tiếng việt");
            await client.WaitForBotMessageAsync(["Đã đổi ngôn ngữ"], skip: n);
        }

        // Hưng imports and publishes the plan; Thành's assignment card arrives.
        var before = await hung.BotMessageCountAsync();
        await hung.SendAsync("nhập kế hoạch " + Path.GetFileNameWithoutExtension(SeedFile));
        var preview = await hung.WaitForBotMessageAsync(["Nguyễn Tất Thành"], skip: before);
        await hung.ClickCardButtonAsync(preview, "Gửi");
        var card = await thanh.WaitForBotMessageAsync(["tổ chức triển khai"]);

        // Round 1: Thành hands in a summary and a link.
        var reviewsBefore = await hung.BotMessageCountAsync();
        await HandInAsync(thanh, card, "Nộp báo cáo", "Đã tổ chức 2 buổi sinh hoạt chuyên đề.");
        await WaitUntilAsync(async () => (await card.InnerTextAsync()).Contains("chờ duyệt", StringComparison.OrdinalIgnoreCase),
            () => card.InnerTextAsync(), "the member's card to show the report awaiting review");
        await thanh.ScreenshotAsync("20-member-report-awaiting-review");

        // Hưng returns it with a reason.
        var review = await hung.WaitForBotMessageAsync(["Đã tổ chức 2 buổi sinh hoạt chuyên đề."], skip: reviewsBefore);
        Assert.Contains("Chấp nhận", await review.InnerTextAsync(), StringComparison.Ordinal);
        await hung.ScreenshotAsync("21-principal-review-card");
        await hung.ClickCardButtonAsync(review, "Trả lại");
        await hung.FillCardInputAsync(review, "Lý do trả lại", Reason);
        await hung.ClickCardButtonAsync(review, "Gửi trả lại");
        await WaitUntilAsync(async () => (await review.InnerTextAsync()).Contains(Reason, StringComparison.Ordinal)
            && !(await review.InnerTextAsync()).Contains("Gửi trả lại", StringComparison.Ordinal),
            () => review.InnerTextAsync(), "the review card to show the return");
        await hung.ScreenshotAsync("22-principal-returned");

        // Thành is told why, and his card offers to hand in again.
        var notice = await thanh.WaitForBotMessageAsync(["Trả lại: " + Reason]);
        Assert.Contains(Reason, await notice.InnerTextAsync(), StringComparison.Ordinal);
        var again = await thanh.WaitForBotMessageAsync(["Nộp lại báo cáo"]);
        await thanh.ScreenshotAsync("23-member-returned-with-reason");

        // Round 2: handed in again; Hưng's new review card shows the earlier round and he accepts.
        reviewsBefore = await hung.BotMessageCountAsync();
        await HandInAsync(thanh, again, "Nộp lại báo cáo", "Bổ sung số liệu khối 12.");
        await thanh.ScreenshotAsync("24-member-handed-in-again");
        var second = await hung.WaitForBotMessageAsync(["Bổ sung số liệu khối 12."], skip: reviewsBefore);
        var secondText = await second.InnerTextAsync();
        Assert.Contains(Reason, secondText, StringComparison.Ordinal); // the earlier round, with its reason
        await hung.ScreenshotAsync("25-principal-second-review");
        await hung.ClickCardButtonAsync(second, "Chấp nhận");
        await WaitUntilAsync(async () => (await second.InnerTextAsync()).Contains("Đã chấp nhận", StringComparison.Ordinal),
            () => second.InnerTextAsync(), "the review card to show the acceptance");
        await hung.ScreenshotAsync("26-principal-accepted");

        // Thành's card (updated in place) counts the duty done.
        await WaitUntilAsync(async () =>
        {
            var n = await thanh.BotMessages.CountAsync();
            for (var i = 0; i < n; i++)
                if ((await thanh.BotMessages.Nth(i).InnerTextAsync()).Contains("Tình trạng theo hạn: Hoàn thành", StringComparison.Ordinal)) return true;
            return false;
        }, () => thanh.BotMessages.Last.InnerTextAsync(), "the member's card to count the accepted report");
        await thanh.ScreenshotAsync("27-member-accepted");
    }

    /// <summary>Opens the card's hand-in form (<paramref name="button"/>), types the summary and a link, and submits ("Nộp").</summary>
    private static async Task HandInAsync(PlaygroundBrowser member, Microsoft.Playwright.ILocator card, string button, string summary)
    {
        await member.ClickCardButtonAsync(card, button);
        await member.FillCardInputAsync(card, "Tóm tắt báo cáo", summary);
        await member.FillCardInputAsync(card, "Liên kết tới báo cáo", "https://thpt-bk.sharepoint.com/sites/bgh/Bao-cao/doi-ngoai-2023.docx");
        await member.ClickCardButtonAsync(card, "Nộp");
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
