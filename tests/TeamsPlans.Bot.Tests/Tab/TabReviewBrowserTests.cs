using Microsoft.Playwright;
using MiniExcelLibs;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Tab.TabBrowser;
using static TeamsPlans.Bot.Tests.Tab.TabTestSupport;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The import review page in Chromium (local mode): the principal opens the review of seed 001 (a draft), sees the three
/// assignments of "III. TỔ CHỨC THỰC HIỆN" highlighted in the document's text, maps Cúc, fixes her first deadline
/// (printed "trước ngày 20/5") to 25/05/2023 and publishes; Cúc's card (fake connector) then shows 25/05/2023, the
/// plan's "Xuất Excel" (opened and read back) has it, Cúc sees only her own row with it, and another tenant's plan id in
/// the review's URL is 404.
/// </summary>
[Collection(TabBrowser.Collection)]
public sealed class TabReviewBrowserTests : IAsyncLifetime
{
    private BotHarness _h = null!;
    private TabBrowser _tab = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("teamsplans-tab-review-browser-").FullName;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(key: null, kestrel: true, draft: true);
        _tab = await TabBrowser.LaunchAsync(_h);
    }

    public async Task DisposeAsync()
    {
        await _tab.DisposeAsync();
        await _h.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
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

        // The plan page's "Xuất Excel" after publishing: the fixed date, read back from the file.
        var plan = await _tab.OpenAsync($"tab/plans/{Scenario.Plan82}", BotHarness.Hung);
        await Expect(async () => await plan.Locator("#tp-assignments tbody tr").CountAsync() == 3);
        var download = await plan.RunAndWaitForDownloadAsync(() => plan.Locator("#tp-export").ClickAsync());
        var file = Path.Combine(_dir, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var sheet = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Phân công").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, sheet.Count);
        Assert.Equal("25/05/2023", sheet.Single(r => (string)r["Người thực hiện"] == BotHarness.Cuc.Name)["Hạn tới"]);

        // Cúc sees only her own assignment, with the fixed date.
        var cucPage = await _tab.OpenAsync($"tab/plans/{Scenario.Plan82}", BotHarness.Cuc);
        var hers = cucPage.Locator("#tp-assignments tbody tr");
        await Expect(async () => await hers.CountAsync() == 1);
        var row = await hers.First.InnerTextAsync();
        Assert.Contains(BotHarness.Cuc.Name, row, StringComparison.Ordinal);
        Assert.Contains("25/05/2023", row, StringComparison.Ordinal);

        // Another tenant's plan id in the review's URL: 404 from its API, and the page says so.
        var other = await OtherTenantsOwnPlanAsync(_h);
        var outsider = await _tab.Browser.NewPageAsync();
        var response = await outsider.RunAndWaitForResponseAsync(() => outsider.GotoAsync(_tab.Url($"tab/plans/{other}/review", BotHarness.Hung.Aad)),
            r => r.Url.Contains($"/tab/api/plans/{other}", StringComparison.Ordinal));
        Assert.Equal(404, response.Status);
        await outsider.Locator("#tp-error").WaitForAsync();
    }
}
