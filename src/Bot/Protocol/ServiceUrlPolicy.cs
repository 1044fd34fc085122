using System.Net;
using Microsoft.Extensions.Options;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Protocol;

/// <summary>
/// Which hosts a Bot Connector serviceUrl may name. The bot sends its token and members' cards to the serviceUrl of an
/// activity (and stores it as the member's reply address), so an activity naming any other host is refused at
/// /api/messages (403) and the connector client never calls such a host.
/// <list type="bullet">
/// <item>"Bot:ServiceUrlHosts": host names (exact, case-insensitive) or "*.suffix" wildcards. Default: the Teams service
/// hosts Microsoft documents — smba.trafficmanager.net (commercial, every region path /amer/, /emea/, /apac/, /in/, /teams/ ...),
/// smba.infra.gcc.teams.microsoft.com (GCC), smba.infra.gov.teams.microsoft.us (GCC High), smba.infra.dod.teams.microsoft.us (DoD).
/// "Bot:ServiceUrlHosts:Add" extends the default instead of replacing it.</item>
/// <item>https only; no user info; default port only.</item>
/// <item>Local mode (no Bot:MicrosoftAppId): additionally http/https on a loopback address (127.0.0.0/8, ::1, "localhost").</item>
/// </list>
/// </summary>
public sealed class ServiceUrlPolicy
{
    public const string SectionName = "Bot:ServiceUrlHosts";

    public static readonly IReadOnlyList<string> DefaultHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _suffixes = [];

    public ServiceUrlPolicy(IEnumerable<string> hosts, bool localMode)
    {
        LocalMode = localMode;
        foreach (var raw in hosts)
        {
            var h = raw.Trim().TrimEnd('.');
            if (h.Length == 0) continue;
            if (h.StartsWith("*.", StringComparison.Ordinal) && h.Length > 2) _suffixes.Add(h[1..]);
            else _exact.Add(h);
        }
    }

    public ServiceUrlPolicy(IConfiguration configuration, IOptions<BotOptions> bot)
        : this(HostsFrom(configuration), bot.Value.IsLocalMode)
    {
    }

    public bool LocalMode { get; }
    public IReadOnlyCollection<string> Hosts => [.. _exact, .. _suffixes.Select(s => "*" + s)];

    private static List<string> HostsFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var configured = section.GetChildren().Where(c => c.Key != "Add").Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => v!).ToList();
        if (configured.Count == 0 && !string.IsNullOrWhiteSpace(section.Value))
            configured = [.. TenantPolicy.TenantIds(section)];
        var hosts = configured.Count > 0 ? configured : [.. DefaultHosts];
        hosts.AddRange(TenantPolicy.TenantIds(section.GetSection("Add")));
        return hosts;
    }

    /// <summary>True when <paramref name="serviceUrl"/> may be used as a Bot Connector base address.</summary>
    public bool Allows(string? serviceUrl) => Explain(serviceUrl) is null;

    /// <summary>Null when allowed, else why not (English, for logs).</summary>
    public string? Explain(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl)) return "no serviceUrl";
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) return "serviceUrl is not an absolute URL";
        if (uri.UserInfo.Length > 0) return "serviceUrl carries user info";
        if (LocalMode && IsLoopback(uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps) return "serviceUrl is not https";
        if (!uri.IsDefaultPort) return "serviceUrl names a non-default port";
        if (uri.HostNameType != UriHostNameType.Dns) return "serviceUrl host is an IP address";
        var host = uri.IdnHost.TrimEnd('.');
        if (_exact.Contains(host)) return null;
        foreach (var suffix in _suffixes)
            if (host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && host.Length > suffix.Length) return null;
        return "serviceUrl host is not a Teams service host (Bot:ServiceUrlHosts)";
    }

    private static bool IsLoopback(Uri uri)
    {
        if (uri.IsLoopback) return true;
        return IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip);
    }
}
