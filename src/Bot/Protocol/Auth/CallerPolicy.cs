using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace TeamsPlans.Bot.Protocol.Auth;

/// <summary>
/// Who may call /api/messages with a token issued by Microsoft Entra (the bot's own tenant: iss
/// https://login.microsoftonline.com/&lt;tid&gt;/v2.0 or https://sts.windows.net/&lt;tid&gt;/, accepted for SingleTenant and
/// UserAssignedMSI bots). A token of the Bot Framework issuer (https://api.botframework.com) is the Bot Connector service
/// itself ("Authentication with the Bot Connector API", connector → bot); an Entra token is a token some Entra application
/// obtained for the bot's audience, so — as botbuilder's SkillValidation / AllowedCallersClaimsValidator and the Agents SDK's
/// allowed-callers check do — the calling application is identified by its claim (v2.0 tokens: "azp"; v1.0 tokens:
/// "appid"; botbuilder's JwtTokenValidation.GetAppIdFromClaims) and must be on "Bot:AllowedCallers" (list of Entra app
/// ids, exact). "*" is not honoured. An empty list (the default) refuses every Entra-issued token: Teams itself calls with
/// Bot Framework tokens. The token's "tid" must be the bot's tenant.
/// </summary>
internal sealed class CallerPolicy
{
    public const string SectionName = "Bot:AllowedCallers";
    private readonly HashSet<string> _allowed;
    private readonly string? _tenantId;

    public CallerPolicy(IEnumerable<string> allowedCallers, string? tenantId)
    {
        _allowed = new HashSet<string>(allowedCallers.Select(c => c.Trim()).Where(c => c.Length > 0 && c != "*"), StringComparer.OrdinalIgnoreCase);
        _tenantId = string.IsNullOrWhiteSpace(tenantId) ? null : tenantId.Trim();
    }

    public CallerPolicy(IConfiguration configuration, IOptions<BotOptions> bot)
        : this(TenantPolicy.TenantIds(configuration.GetSection(SectionName)), bot.Value.MicrosoftAppTenantId)
    {
    }

    public IReadOnlyCollection<string> AllowedCallers => _allowed;

    /// <summary>The calling application of a token: "azp" for v2.0 tokens, "appid" for v1.0 (either when "ver" is absent).</summary>
    public static string? CallerOf(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var ver = identity.FindFirst("ver")?.Value;
        var azp = identity.FindFirst("azp")?.Value;
        var appid = identity.FindFirst("appid")?.Value;
        return ver switch
        {
            "2.0" => azp,
            "1.0" => appid,
            _ => appid ?? azp,
        };
    }

    /// <summary>Null when the Entra-issued token's caller is allowed, else the reason (for logs).</summary>
    public string? Refusal(ClaimsIdentity identity)
    {
        var caller = CallerOf(identity);
        if (string.IsNullOrWhiteSpace(caller)) return "Entra token names no calling application (azp/appid)";
        var tid = identity.FindFirst("tid")?.Value;
        if (_tenantId is not null && tid is not null && !string.Equals(tid, _tenantId, StringComparison.OrdinalIgnoreCase))
            return "Entra token tid is not the bot's tenant";
        if (!_allowed.Contains(caller)) return $"calling application '{TeamsPlans.Bot.Security.LogText.Clean(caller, 80)}' is not in " +
            "Bot:AllowedCallers";
        return null;
    }
}
