using System.Web;
using Microsoft.Playwright;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Bot.Tests.Protocol;
using static TeamsPlans.Bot.Tests.Tab.TabBrowser;
using static TeamsPlans.Bot.Tests.Tab.TabTestSupport;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The tab opened in a plain browser, outside Teams, in Entra mode (Tab:ClientId set): teams-js cannot initialize, so the
/// page signs in with Entra through MSAL.js (bundled at build) with the manifest's app, the "organizations" authority and
/// the same API scope as Teams SSO; login.microsoftonline.com is answered by Playwright routing (<see cref="FakeEntra"/>),
/// never by the network. The token MSAL obtains is sent as "Authorization: Bearer" and validated by the server unchanged.
/// </summary>
[Collection(TabBrowser.Collection)]
public sealed class TabSignInBrowserTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("tab-signin-key");
    private BotHarness _h = null!;
    private TabBrowser _tab = null!;
    private readonly List<string> _console = [];

    /// <summary>Waits for the page; on a timeout the failure carries what the page said (console, errors, its error box).</summary>
    private async Task Until(IPage page, Func<Task<bool>> condition)
    {
        try
        {
            await Expect(condition);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var box = await page.Locator("#tp-error").TextContentAsync(new() { Timeout = 2000 }).ConfigureAwait(false);
            Assert.Fail($"{e.Message} at {page.Url}; error box: {box}; console:\n{string.Join('\n', _console)}");
        }
    }

    public async Task InitializeAsync()
    {
        _h = await StartAsync(_key, kestrel: true);
        _tab = await TabBrowser.LaunchAsync(_h);
    }

    public async Task DisposeAsync()
    {
        await _tab.DisposeAsync();
        await _h.DisposeAsync();
    }

    private async Task<(IPage Page, FakeEntra Entra)> OpenAsync(string path, (string Oid, string Name)? user)
    {
        var context = await _tab.Browser.NewContextAsync(new() { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });
        var entra = new FakeEntra(_key, BotHarness.Tenant) { SignInAs = user };
        await entra.AttachAsync(context);
        var page = await context.NewPageAsync();
        page.Console += (_, m) => _console.Add(m.Type + ": " + m.Text);
        page.PageError += (_, e) => _console.Add("error: " + e);
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(new Uri(_h.Client.BaseAddress!, path).ToString());
        return (page, entra);
    }

    [Fact]
    public async Task Outside_Teams_the_page_starts_the_Entra_sign_in_with_the_apps_authority_client_id_and_api_scope()
    {
        var (page, entra) = await OpenAsync("tab", user: null);
        await Until(page, () => Task.FromResult(entra.Authorize.Count == 1));
        var url = entra.Authorize[0];
        Assert.Equal("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize", url.GetLeftPart(UriPartial.Path));
        var q = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(ClientId, q["client_id"]);
        Assert.Contains(Audience + "/access_as_user", (q["scope"] ?? "").Split(' '));
        Assert.Equal(new Uri(_h.Client.BaseAddress!, "/tab/signin.html").ToString(), q["redirect_uri"]);
        Assert.Equal("code", q["response_type"]);
        Assert.Equal("S256", q["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(q["code_challenge"]));
        await Expect(async () => (await page.TitleAsync()) == "Entra");
        Assert.Empty(entra.Refused);
    }

    [Fact]
    public async Task After_the_Entra_sign_in_the_principal_sees_the_plans_and_a_member_only_her_own_with_the_token_sent_as_bearer()
    {
        var (hung, entra) = await OpenAsync("tab", (BotHarness.Hung.Aad, BotHarness.Hung.Name));
        var bearers = new List<string>();
        hung.Request += (_, r) =>
        {
            if (r.Url.Contains("/tab/api/", StringComparison.Ordinal) && r.Headers.TryGetValue("authorization", out var a)) bearers.Add(a);
        };
        await Until(hung, async () => await hung.Locator("#tp-plans tbody tr").CountAsync() > 0);
        Assert.Contains("82/KH-THPT BK", await hung.Locator("#tp-plans tbody").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(BotHarness.Hung.Name, await hung.Locator("#tp-me").InnerTextAsync());
        Assert.True(await hung.Locator("#tp-who").IsHiddenAsync()); // no local identity switcher outside local mode
        var token = Assert.Single(entra.AccessTokens);
        Assert.Contains("grant_type=authorization_code", Assert.Single(entra.TokenRequests), StringComparison.Ordinal);
        Assert.NotEmpty(bearers);
        Assert.All(bearers, b => Assert.Equal("Bearer " + token, b));
        Assert.Empty(entra.Refused);
        await Shot(hung, "tab-12-browser-sign-in");

        var (lan, lanEntra) = await OpenAsync($"tab/plans/{Scenario.Plan82}", (BotHarness.Lan.Aad, BotHarness.Lan.Name));
        var rows = lan.Locator("#tp-assignments tbody tr");
        await Expect(async () => await rows.CountAsync() == 1);
        Assert.Contains("Trần Thị Lan", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Single(lanEntra.AccessTokens);
        Assert.Empty(lanEntra.Refused);
    }
}
