using System.Text.Json;
using Microsoft.Playwright;
using TeamsPlans.Bot.Tests.Conversation;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// Headless Chromium (/usr/bin/chromium; Playwright never downloads a browser) on a harness's loopback port, in local mode:
/// pages opened as a roster user (?as=), screenshots into artifacts/screenshots, axe-core from tools/tab/node_modules with
/// its violations written beside the screenshot (serious or critical ones fail the test).
/// </summary>
public sealed class TabBrowser : IAsyncDisposable
{
    /// <summary>The browser tests' xUnit collection: their hosts listen on the same loopback port, so they run one at a time.</summary>
    public const string Collection = "Tab browser (one loopback port)";

    private readonly BotHarness _h;
    private readonly IPlaywright _playwright;

    private TabBrowser(BotHarness h, IPlaywright playwright, IBrowser browser)
    {
        _h = h;
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<TabBrowser> LaunchAsync(BotHarness h)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return new TabBrowser(h, playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    public string Url(string path, string user) => new Uri(_h.Client.BaseAddress!, path + "?as=" + user).ToString();

    public async Task<IPage> OpenAsync(string path, TestUser user)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1300, Height = 800 }, Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", AcceptDownloads = true,
        });
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(Url(path, user.Aad));
        return page;
    }

    /// <summary>Polls a condition of the page (30 s at most: the machine is shared).</summary>
    public static async Task Expect(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("the page did not reach the expected state");
    }

    public static string Artifacts()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TeamsPlans.sln"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }

    public static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts(), name + ".png"), FullPage = true });

    /// <summary>axe-core from npm (tools/tab/node_modules, or TEAMSPLANS_TAB_TOOLS): the violations are written next to the
    /// screenshot; serious or critical ones fail the test.</summary>
    public static async Task AxeAsync(IPage page, string name)
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
