using TeamsPlans.Bot.Tab;
using TeamsPlans.Bot.Tab.Auth;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>What the page is told for the Entra sign-in outside Teams: none in local mode; else the manifest's app, the
/// "organizations" authority of the instance and the same API scope as Teams SSO, each overridable.</summary>
public sealed class BrowserSignInTests
{
    [Fact]
    public void Local_mode_has_no_browser_sign_in_and_Entra_mode_asks_for_the_webApplicationInfo_scope()
    {
        Assert.Null(BrowserSignIn.From(new TabOptions()));
        var entra = BrowserSignIn.From(new TabOptions { ClientId = "cid-1", Audience = "api://plans.example.org/botid-cid-1" })!;
        Assert.Equal(("cid-1", "https://login.microsoftonline.com/organizations", "api://plans.example.org/botid-cid-1/access_as_user"),
            (entra.ClientId, entra.Authority, entra.Scope));
        Assert.Equal("api://cid-2/access_as_user", BrowserSignIn.From(new TabOptions { ClientId = "cid-2" })!.Scope);
        var own = BrowserSignIn.From(new TabOptions
        {
            ClientId = "cid-3", Authority = "https://login.microsoftonline.com/tenant-bk/", Scope = "api://x/y",
        })!;
        Assert.Equal(("https://login.microsoftonline.com/tenant-bk", "api://x/y"), (own.Authority, own.Scope));
    }
}
