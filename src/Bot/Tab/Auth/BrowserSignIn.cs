namespace TeamsPlans.Bot.Tab.Auth;

/// <summary>
/// What the page needs to sign in with Entra in a browser outside Teams (MSAL.js, bundled at build into tab/lib): the
/// same app (webApplicationInfo.id), an authority (Tab:Authority, default "{Instance}organizations": any work account,
/// the tenant rules stay on the server), and the same API scope as Teams SSO (Tab:Scope, default
/// "{webApplicationInfo.resource}/access_as_user"), so the token reaches the API with the same audience and is validated
/// the same way. The redirect page (<see cref="RedirectPath"/>) hands the answer back to the page that asked.
/// </summary>
internal sealed record BrowserSignIn(string ClientId, string Authority, string Scope)
{
    public const string RedirectPath = "/tab/signin.html";

    /// <summary>None in local mode (no Tab:ClientId): the page then offers the roster's identity switcher.</summary>
    public static BrowserSignIn? From(TabOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UsesEntra) return null;
        var authority = !string.IsNullOrWhiteSpace(options.Authority)
            ? options.Authority.TrimEnd('/')
            : options.Instance.TrimEnd('/') + "/organizations";
        var resource = !string.IsNullOrWhiteSpace(options.Audience) ? options.Audience.TrimEnd('/') : "api://" + options.ClientId;
        var scope = !string.IsNullOrWhiteSpace(options.Scope) ? options.Scope : resource + "/access_as_user";
        return new BrowserSignIn(options.ClientId, authority, scope);
    }
}
