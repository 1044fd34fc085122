using Microsoft.Playwright;

namespace TeamsPlans.E2E.Tests.Harness;

/// <summary>
/// Headless Chromium (/usr/bin/chromium; Playwright never downloads a browser) on the Agents Playground page, with the
/// page's own selectors: the Lexical compose box, bot messages in <c>.fai-OutputCard</c>, Adaptive Cards rendered by
/// the adaptivecards renderer (<c>.ac-adaptiveCard</c>, buttons <c>.ac-pushButton</c>).
/// </summary>
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private const string ComposeBox = "[data-lexical-editor='true'][role='textbox']";
    private const string BotMessage = ".fai-OutputCard";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PlaygroundBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }
    public List<string> ConsoleErrors { get; } = [];

    public static async Task<PlaygroundBrowser> OpenAsync(PlaygroundServer playground)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var executable = Environment.GetEnvironmentVariable("TEAMSPLANS_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        if (!File.Exists(executable)) throw new InvalidOperationException($"Chromium not found at {executable}: run `bash scripts/setup.sh`.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        page.SetDefaultTimeout(30_000);
        var b = new PlaygroundBrowser(playwright, browser, page);
        page.Console += (_, m) => { if (m.Type == "error") lock (b.ConsoleErrors) b.ConsoleErrors.Add(m.Text); };
        await page.GotoAsync(playground.Url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Locator(ComposeBox).WaitForAsync();
        return b;
    }

    /// <summary>Opens a chat of the left rail: "Personal Chat", the group chat's or a channel's name.</summary>
    public async Task OpenChatAsync(string name)
    {
        await Page.GetByRole(AriaRole.Treeitem, new PageGetByRoleOptions { Name = name, Exact = false }).First.ClickAsync();
        await Page.Locator(ComposeBox).WaitForAsync();
    }

    /// <summary>Types into the compose box and presses Enter, as a user would.</summary>
    public async Task SendAsync(string text)
    {
        var box = Page.Locator(ComposeBox);
        await box.ClickAsync();
        await box.PressSequentiallyAsync(text);
        await Page.Keyboard.PressAsync("Enter");
    }

    public ILocator BotMessages => Page.Locator(BotMessage);

    /// <summary>The bot messages currently shown (count), to wait for the next one.</summary>
    public Task<int> BotMessageCountAsync() => BotMessages.CountAsync();

    /// <summary>Waits for a bot message (text or rendered card) containing <paramref name="text"/>, after the first <paramref name="skip"/> messages.</summary>
    public Task<ILocator> WaitForBotMessageAsync(string text, int skip = 0, float timeoutMs = 30_000)
        => WaitForBotMessageAsync([text], skip, timeoutMs);

    /// <summary>Waits for a bot message containing any of <paramref name="texts"/> (e.g. the Vietnamese and the English wording).</summary>
    public async Task<ILocator> WaitForBotMessageAsync(string[] texts, int skip = 0, float timeoutMs = 30_000)
    {
        var text = string.Join("\" | \"", texts);
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var count = await BotMessages.CountAsync();
            for (var i = count - 1; i >= skip; i--)
            {
                var m = BotMessages.Nth(i);
                var inner = await m.InnerTextAsync();
                if (texts.Any(t => inner.Contains(t, StringComparison.OrdinalIgnoreCase))) return m;
            }
            if (DateTime.UtcNow > deadline)
            {
                var shown = new List<string>();
                for (var i = 0; i < count; i++) shown.Add(await BotMessages.Nth(i).InnerTextAsync());
                throw new TimeoutException($"No bot message containing \"{text}\" after {timeoutMs} ms. Shown:\n---\n{string.Join("\n---\n", shown)}");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>Clicks a card action button titled by any of <paramref name="titles"/> inside <paramref name="message"/> (or the last bot message).</summary>
    public async Task ClickCardButtonAsync(ILocator? message, params string[] titles)
    {
        var scope = message ?? BotMessages.Last;
        foreach (var title in titles)
        {
            var button = scope.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = title, Exact = true });
            if (await button.CountAsync() > 0)
            {
                await button.First.ClickAsync();
                return;
            }
        }
        var shown = await scope.GetByRole(AriaRole.Button).AllInnerTextsAsync();
        throw new InvalidOperationException($"No button \"{string.Join("\" / \"", titles)}\" in the card; buttons: {string.Join(", ", shown)}");
    }

    /// <summary>Types <paramref name="text"/> into the card input labelled <paramref name="label"/> inside <paramref name="message"/>
    /// (an input shown by a card's "show card" button, e.g. the report summary or the reason for returning it).</summary>
    public async Task FillCardInputAsync(ILocator message, string label, string text)
    {
        var input = message.GetByLabel(label, new LocatorGetByLabelOptions { Exact = false });
        try
        {
            await input.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var shown = await message.Locator("input, textarea").EvaluateAllAsync<string[]>(
                "els => els.map(e => (e.getAttribute('aria-label') || e.id || e.name || e.tagName) + (e.offsetParent ? '' : ' (hidden)'))");
            throw new TimeoutException($"No visible card input labelled \"{label}\"; inputs: {string.Join(", ", shown)}");
        }
        await input.First.FillAsync(text);
    }

    /// <summary>Saves a full-page screenshot to artifacts/screenshots/{name}.png (or under docs/ when <paramref name="docs"/>) and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool docs = false)
    {
        var path = docs ? Path.Combine(RepoPaths.Root, "docs", name + ".png") : Path.Combine(RepoPaths.Artifacts("screenshots"), name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
