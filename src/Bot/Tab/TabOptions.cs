namespace TeamsPlans.Bot.Tab;

/// <summary>
/// The tab's settings ("Tab" section). With <see cref="ClientId"/> set, the tab API accepts only Entra bearer tokens
/// (Teams SSO) whose audience is <see cref="Audience"/> (the manifest's webApplicationInfo.resource) or the client id; without
/// it, and with the bot in local mode, the tab runs in local mode: loopback callers pick a user of the local roster.
/// </summary>
internal sealed class TabOptions
{
    public const string SectionName = "Tab";

    /// <summary>webApplicationInfo.id: the Entra app the Teams SSO token is issued for.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>webApplicationInfo.resource ("api://host/clientId"); tokens for the bare client id are accepted as well.</summary>
    public string Audience { get; set; } = "";

    /// <summary>The Entra instance tokens are issued by; the issuer must be "{Instance}{tid}/v2.0".</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Browser sign-in outside Teams (MSAL.js): the authority; default "{Instance}organizations".</summary>
    public string? Authority { get; set; }

    /// <summary>Browser sign-in outside Teams: the scope asked for; default "{Audience}/access_as_user" (as Teams SSO).</summary>
    public string? Scope { get; set; }

    /// <summary>The local roster (Agents Playground file: tenantId + users) for local mode; default .m365agentsplayground.yml
    /// in the content root or a parent folder.</summary>
    public string? LocalRosterFile { get; set; }

    /// <summary>The tab's public address ("https://host"), for links in cards; default: the host of the request answered.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Largest page the JSON API returns.</summary>
    public int MaxPageSize { get; set; } = 2000;

    public bool UsesEntra => !string.IsNullOrWhiteSpace(ClientId);
}
