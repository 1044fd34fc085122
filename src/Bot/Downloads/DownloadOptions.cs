namespace TeamsPlans.Bot.Downloads;

/// <summary>
/// Where report files may be downloaded from (configuration section "Reports:Download").
/// <list type="bullet">
/// <item>"AllowedHosts": host names or "*.suffix" wildcards. Default: the hosts Teams gives file links from — SharePoint /
/// OneDrive of the tenant (*.sharepoint.com, and *.sharepoint.us / *.sharepoint-mil.us / *.sharepoint.cn for the government
/// and China clouds; a file shared in a personal chat is a OneDrive "downloadUrl") and the Teams attachment service
/// (*.asm.skype.com). "AllowedHosts:Add" extends the default.</item>
/// <item>"AllowLoopback" (default false): also http/https on a loopback address — honoured in local mode only (tests,
/// Playground); never outside it.</item>
/// <item>"MaxRedirects" (default 3): redirects followed, each target checked again.</item>
/// </list>
/// </summary>
internal sealed class DownloadOptions
{
    public const string SectionName = "Reports:Download";

    public static readonly IReadOnlyList<string> DefaultHosts =
        ["*.sharepoint.com", "*.sharepoint.us", "*.sharepoint-mil.us", "*.sharepoint.cn", "*.asm.skype.com"];

    public List<string> AllowedHosts { get; set; } = [];
    public bool AllowLoopback { get; set; }
    public int MaxRedirects { get; set; } = 3;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
}
