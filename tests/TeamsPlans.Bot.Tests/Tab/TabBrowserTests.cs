using System.Text.Json;
using Microsoft.Playwright;
using MiniExcelLibs;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Tab.TabTestSupport;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The tab's pages in headless Chromium (/usr/bin/chromium; Playwright never downloads a browser), local mode on a real
/// loopback port: the principal filters the plan's assignments and downloads "Xuất Excel" (opened and read back), a member
/// sees only her own row, another tenant's plan id gives 404, and axe-core (tools/tab/node_modules) finds nothing serious.
/// Screenshots and the axe report go to artifacts/screenshots.
/// </summary>
public sealed class TabBrowserTests : IAsyncLifetime
{
    private BotHarness _h = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("teamsplans-tab-browser-").FullName;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(key: null, kestrel: true);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _h.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Url(string path, string user) => new Uri(_h.Client.BaseAddress!, path + "?as=" + user).ToString();

    private async Task<IPage> OpenAsync(string path, TestUser user)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1300, Height = 800 }, Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", AcceptDownloads = true,
        });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(Url(path, user.Aad));
        return page;
    }

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
        var outsider = await _browser.NewPageAsync();
        var response = await outsider.RunAndWaitForResponseAsync(() => outsider.GotoAsync(Url($"tab/plans/{other}", BotHarness.Hung.Aad)),
            r => r.Url.Contains($"/tab/api/plans/{other}", StringComparison.Ordinal));
        Assert.Equal(404, response.Status);
        await outsider.Locator("#tp-error").WaitForAsync();
        Assert.Contains("Không tìm thấy kế hoạch", await outsider.Locator("#tp-error").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(outsider, "tab-04-other-tenant-404");
    }

    private static async Task Expect(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("the page did not reach the expected state");
    }

    private static string Artifacts()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TeamsPlans.sln"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts(), name + ".png"), FullPage = true });

    /// <summary>axe-core from npm (tools/tab/node_modules, or TEAMSPLANS_TAB_TOOLS): the violations are written next to the
    /// screenshot; serious or critical ones fail the test.</summary>
    private static async Task AxeAsync(IPage page, string name)
    {
        await Shot(page, name);
        var tools = Environment.GetEnvironmentVariable("TEAMSPLANS_TAB_TOOLS") is { Length: > 0 } t ? t
            : Path.Combine(Path.GetDirectoryName(Artifacts())!, "..", "tools", "tab", "node_modules");
        var axe = Path.Combine(tools, "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), $"{axe} is missing: run scripts/setup.sh");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
        var json = await page.EvaluateAsync<string>("async () => JSON.stringify((await axe.run(document)).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })))");
        await File.WriteAllTextAsync(Path.Combine(Artifacts(), name + ".axe.json"), json);
        using var doc = JsonDocument.Parse(json);
        var serious = doc.RootElement.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.True(serious.Count == 0, $"axe: serious violations on {name}: {string.Join(", ", serious)} ({json})");
    }
}
