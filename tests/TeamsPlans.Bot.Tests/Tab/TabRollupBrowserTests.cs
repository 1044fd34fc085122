using Microsoft.Playwright;
using MiniExcelLibs;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Tab.TabBrowser;
using static TeamsPlans.Bot.Tests.Tab.TabRollupSupport;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The department roll-up page in Chromium (local mode, <see cref="TabRollupSupport"/>): the Phòng's head sees its three
/// schools red first, filters the overdue ones, opens THCS 1's detail with the keyboard (its implementing plan
/// 15/KH-THCSTN1, the June report late), downloads "Xuất Excel" and reads it back; a school's head sees only her school; a
/// principal without a unit is refused. axe-core finds nothing serious.
/// </summary>
[Collection(TabBrowser.Collection)]
public sealed class TabRollupBrowserTests : IAsyncLifetime
{
    private BotHarness _h = null!;
    private TabBrowser _tab = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("teamsplans-tab-rollup-browser-").FullName;

    public async Task InitializeAsync()
    {
        _h = await TabRollupSupport.StartAsync(kestrel: true);
        _tab = await TabBrowser.LaunchAsync(_h);
    }

    public async Task DisposeAsync()
    {
        await _tab.DisposeAsync();
        await _h.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_officer_filters_opens_a_units_detail_by_keyboard_and_exports_a_school_head_sees_hers_a_principal_is_refused()
    {
        var page = await _tab.OpenAsync("tab/rollup", Officer);
        var rows = page.Locator("#tp-rollup tbody tr");
        await Expect(async () => await rows.CountAsync() == 3);
        Assert.Equal(["THCS11", "THCS21", "THCS01"], await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.unit)"));
        Assert.Contains("Năm 2023 · 1 kế hoạch · 3 đơn vị", await page.Locator("#tp-rollup-meta").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Cam", await rows.Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        await AxeAsync(page, "tab-09-rollup");

        await page.GetByLabel("Trạng thái / State").SelectOptionAsync("overdue");
        await page.Locator("#tp-rollup-filters fluent-button[type=submit], #tp-rollup-filters button[type=submit]").First.ClickAsync();
        await Expect(async () => await rows.CountAsync() == 2);
        await page.GetByLabel("Trạng thái / State").SelectOptionAsync("");
        await page.GetByLabel("Mã hoặc tên đơn vị / Code or name").FillAsync("thcs01");
        await page.Locator("#tp-rollup-filters fluent-button[type=submit], #tp-rollup-filters button[type=submit]").First.ClickAsync();
        await Expect(async () => await rows.CountAsync() == 1);

        // Keyboard: the unit's name is a button; Enter opens its detail and moves the focus there.
        await rows.First.GetByRole(AriaRole.Button).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var detail = page.Locator("#tp-unit-detail");
        await detail.WaitForAsync();
        await Expect(async () => (await detail.InnerTextAsync()).Contains("15/KH-THCSTN1", StringComparison.Ordinal));
        Assert.Equal("tp-unit-detail", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var june = detail.Locator("tr", new() { HasText = "05/06/2023" });
        Assert.Contains("Hoàn thành quá hạn", await june.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("12/06/2023", await june.InnerTextAsync(), StringComparison.Ordinal);
        await AxeAsync(page, "tab-10-rollup-detail");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#tp-rollup-export").ClickAsync());
        Assert.Equal("tong-hop-don-vi-2023.xlsx", download.SuggestedFilename);
        var file = Path.Combine(_dir, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var sheet = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Tổng hợp đơn vị").Cast<IDictionary<string, object>>().ToList();
        var thcs01 = Assert.Single(sheet); // the export follows the page's filters (search "thcs01")
        Assert.Equal(("THCS01", "Trường THCS Thử Nghiệm 1", "Cam"), ((string)thcs01["Mã đơn vị"], (string)thcs01["Tên đơn vị"], (string)thcs01["Mức"]));
        Assert.Equal(1d, Convert.ToDouble(thcs01["Hoàn thành quá hạn"]));

        var head = await _tab.OpenAsync("tab/rollup", SchoolHead);
        var own = head.Locator("#tp-rollup tbody tr");
        await Expect(async () => await own.CountAsync() == 1);
        Assert.Contains("THCS11", await own.First.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(head, "tab-11-rollup-school-head");

        var principal = await _tab.OpenAsync("tab/rollup", BotHarness.Hung);
        await principal.Locator("#tp-error").WaitForAsync();
        Assert.Contains("Chỉ cán bộ của đơn vị quản lý", await principal.Locator("#tp-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await principal.Locator("#tp-rollup tbody tr").CountAsync());
    }
}
