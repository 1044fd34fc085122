using Microsoft.Playwright;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Tab.TabBrowser;
using static TeamsPlans.Bot.Tests.Tab.TabTestSupport;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The import review page in Chromium (local mode): the principal opens the review of seed 001 (a draft), sees the three
/// assignments of "III. TỔ CHỨC THỰC HIỆN" highlighted in the document's text, maps Cúc, fixes her first deadline
/// (printed "trước ngày 20/5") to 25/05/2023 and publishes; Cúc's card (fake connector) then shows 25/05/2023.
/// </summary>
[Collection(TabBrowser.Collection)]
public sealed class TabReviewBrowserTests : IAsyncLifetime
{
    private BotHarness _h = null!;
    private TabBrowser _tab = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(key: null, kestrel: true, draft: true);
        _tab = await TabBrowser.LaunchAsync(_h);
    }

    public async Task DisposeAsync()
    {
        await _tab.DisposeAsync();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task Principal_fixes_a_deadline_in_the_review_and_the_members_card_shows_the_fixed_date()
    {
        var page = await _tab.OpenAsync($"tab/plans/{Scenario.Plan82}/review", BotHarness.Hung);
        var items = page.Locator("#tp-items form.tp-item");
        await Expect(async () => await items.CountAsync() == 3);
        var marks = page.Locator("#tp-doc mark.tp-src");
        Assert.Equal(3, await marks.CountAsync());
        Assert.Contains("Hồ Thị Thu Cúc", await marks.Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        await AxeAsync(page, "tab-05-review");

        var cuc = page.Locator($"form[data-id='{Scenario.Plan82}-a3']");
        await cuc.GetByRole(AriaRole.Button, new() { Name = "Xem trong văn bản / Show in the document" }).ClickAsync();
        Assert.Contains("tp-active", await marks.Nth(2).GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal("20/05/2023", await cuc.GetByLabel("Thời hạn 1 / Deadline 1").InputValueAsync());
        await cuc.GetByLabel("Người nhận / Member").SelectOptionAsync(BotHarness.Cuc.Aad);
        await cuc.GetByLabel("Thời hạn 1 / Deadline 1").FillAsync("25/05/2023");
        await cuc.GetByRole(AriaRole.Button, new() { Name = "Lưu / Save" }).ClickAsync();
        await Expect(async () => (await page.Locator("#tp-review-result").InnerTextAsync()).Contains("Đã lưu", StringComparison.Ordinal));
        await Expect(async () => await page.Locator($"form[data-id='{Scenario.Plan82}-a3']").GetByLabel("Thời hạn 1 / Deadline 1").InputValueAsync() == "25/05/2023");
        await Shot(page, "tab-06-review-fixed");

        await page.Locator("#tp-publish").ClickAsync();
        await Expect(async () => (await page.Locator("#tp-review-meta").InnerTextAsync()).Contains("Đã gửi / Published", StringComparison.Ordinal));
        await _h.DeliverQueuedAsync();
        var card = Scenario.Json(Scenario.AssignmentCardOf(_h, BotHarness.Cuc));
        Assert.Contains("25/05/2023", card, StringComparison.Ordinal);
        Assert.DoesNotContain("20/05/2023", card, StringComparison.Ordinal);
        Assert.True(await page.Locator($"form[data-id='{Scenario.Plan82}-a3'] textarea").IsDisabledAsync());
        await AxeAsync(page, "tab-07-review-published");
    }
}
