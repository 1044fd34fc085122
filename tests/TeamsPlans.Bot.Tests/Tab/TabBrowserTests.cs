using Microsoft.Playwright;
using MiniExcelLibs;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Tab.TabBrowser;
using static TeamsPlans.Bot.Tests.Tab.TabTestSupport;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The tab's pages in headless Chromium (/usr/bin/chromium; Playwright never downloads a browser), local mode on a real
/// loopback port: the principal filters the plan's assignments and downloads "Xuất Excel" (opened and read back), a member
/// sees only her own row, another tenant's plan id gives 404, and axe-core (tools/tab/node_modules) finds nothing serious.
/// Screenshots and the axe report go to artifacts/screenshots.
/// </summary>
[Collection(TabBrowser.Collection)]
public sealed class TabBrowserTests : IAsyncLifetime
{
    private BotHarness _h = null!;
    private TabBrowser _tab = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("teamsplans-tab-browser-").FullName;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(key: null, kestrel: true);
        _tab = await TabBrowser.LaunchAsync(_h);
    }

    public async Task DisposeAsync()
    {
        await _tab.DisposeAsync();
        await _h.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Url(string path, string user) => _tab.Url(path, user);

    private Task<IPage> OpenAsync(string path, TestUser user) => _tab.OpenAsync(path, user);

    [Fact]
    public async Task Principal_filters_and_exports_member_sees_her_own_other_tenant_is_404_and_axe_finds_nothing_serious()
    {
        var hung = await OpenAsync("tab", BotHarness.Hung);
        await hung.Locator("#tp-plans tbody tr").First.WaitForAsync();
        Assert.Contains("82/KH-THPT BK", await hung.Locator("#tp-plans tbody").InnerTextAsync(), StringComparison.Ordinal);
        await AxeAsync(hung, "tab-01-plans");

        await hung.GetByRole(AriaRole.Link, new() { Name = "82/KH-THPT BK" }).ClickAsync();
        var rows = hung.Locator("#tp-assignments tbody tr");
        await Expect(async () => await rows.CountAsync() == 3);
        await hung.GetByLabel("Người thực hiện hoặc nhiệm vụ / Holder or duty").FillAsync("thanh");
        await hung.Locator("#tp-assignment-filters fluent-button[type=submit], #tp-assignment-filters button[type=submit]").First.ClickAsync();
        await Expect(async () => await rows.CountAsync() == 1);
        Assert.Contains("Nguyễn Tất Thành", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        await AxeAsync(hung, "tab-02-plan-filtered");

        var download = await hung.RunAndWaitForDownloadAsync(() => hung.Locator("#tp-export").ClickAsync());
        var file = Path.Combine(_dir, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var sheet = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Phân công").Cast<IDictionary<string, object>>().ToList();
        var lan = sheet.Single(r => (string)r["Người thực hiện"] == "Trần Thị Lan");
        Assert.Equal("20/05/2023", lan["Hạn tới"]);

        var member = await OpenAsync($"tab/plans/{Scenario.Plan82}", BotHarness.Lan);
        var memberRows = member.Locator("#tp-assignments tbody tr");
        await Expect(async () => await memberRows.CountAsync() == 1);
        Assert.Contains("Trần Thị Lan", await memberRows.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await member.Locator("#tp-plan-actions").IsHiddenAsync());
        await Shot(member, "tab-03-member-own");

        var other = await OtherTenantsOwnPlanAsync(_h);
        var outsider = await _tab.Browser.NewPageAsync();
        var response = await outsider.RunAndWaitForResponseAsync(() => outsider.GotoAsync(Url($"tab/plans/{other}", BotHarness.Hung.Aad)),
            r => r.Url.Contains($"/tab/api/plans/{other}", StringComparison.Ordinal));
        Assert.Equal(404, response.Status);
        await outsider.Locator("#tp-error").WaitForAsync();
        Assert.Contains("Không tìm thấy kế hoạch", await outsider.Locator("#tp-error").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(outsider, "tab-04-other-tenant-404");
    }

    [Fact]
    public async Task The_history_page_lists_the_plans_lines_one_assignments_and_only_the_members_own_with_the_keyboard_and_axe()
    {
        var hung = await OpenAsync($"tab/plans/{Scenario.Plan82}/history", BotHarness.Hung);
        var lines = hung.Locator("#tp-history tbody tr");
        await Expect(async () => await lines.CountAsync() >= 3);
        var all = await lines.AllInnerTextsAsync();
        // Publishing created the three assignments of 82/KH-THPT BK (Hưng, Thành, Lan).
        foreach (var ordinal in new[] { "1. ", "2. ", "3. " }) Assert.Contains(all, l => l.Split('\t')[1].StartsWith(ordinal, StringComparison.Ordinal));
        await AxeAsync(hung, "tab-08-history");

        // One assignment, chosen and shown from the keyboard (select, Tab to "Xem", Enter).
        var picker = hung.GetByLabel("Phân công / Assignment");
        await picker.SelectOptionAsync($"{Scenario.Plan82}-a3");
        await picker.FocusAsync();
        await hung.Keyboard.PressAsync("Tab");
        Assert.Equal("Xem / Show", await hung.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await hung.Keyboard.PressAsync("Enter");
        await Expect(async () => (await lines.AllInnerTextsAsync()).All(l => l.Split('\t')[1].StartsWith("3. ", StringComparison.Ordinal)));

        var lan = await OpenAsync($"tab/plans/{Scenario.Plan82}/history", BotHarness.Lan);
        var hers = lan.Locator("#tp-history tbody tr");
        await Expect(async () => await hers.CountAsync() >= 1);
        Assert.All(await hers.AllInnerTextsAsync(), l => Assert.StartsWith("3. ", l.Split('\t')[1], StringComparison.Ordinal));
        Assert.Equal(2, await lan.Locator("#tp-history-filters option").CountAsync()); // "Tất cả" and her own
    }
}
