using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Bot.Security;

namespace TeamsPlans.Bot.Tab.Auth;

/// <summary>
/// The caller of a tab request. With Tab:ClientId: the Entra bearer token (<see cref="TabAuthentication.Scheme"/>), its
/// oid and tid. Local mode (no Tab:ClientId and the bot in local mode): loopback callers only, the user named by the
/// <see cref="LocalUserHeader"/> header (or the "as" query of a page), who must be on the local roster. Roles: the member's
/// stored roles plus what configuration grants (<see cref="RoleBindings.Configured"/>), as the bot sees them.
/// </summary>
internal sealed class TabCallerResolver(IOptions<TabOptions> options, IOptions<BotOptions> bot, IStateStore store,
    RoleBindings roles, LocalRoster roster, ILogger<TabCallerResolver> logger)
{
    public const string LocalUserHeader = "X-TeamsPlans-User";

    public bool LocalMode => !options.Value.UsesEntra && bot.Value.IsLocalMode;

    public LocalRoster Roster => roster;

    public async Task<TabCaller?> ResolveAsync(HttpContext http, CancellationToken ct)
    {
        string tenant, oid, name;
        string? upn = null, email = null;
        if (options.Value.UsesEntra)
        {
            var result = await http.AuthenticateAsync(TabAuthentication.Scheme).ConfigureAwait(false);
            if (!result.Succeeded || result.Principal is not { } principal)
            {
                logger.LogWarning("Tab request refused: {Reason}", LogText.Clean(result.Failure?.Message ?? "no bearer token", 200));
                return null;
            }
            tenant = Claim(principal, "tid") ?? "";
            oid = Claim(principal, "oid") ?? "";
            name = Claim(principal, "name") ?? oid;
            upn = Claim(principal, "preferred_username") ?? Claim(principal, "upn");
            email = Claim(principal, "email");
            if (tenant.Length == 0 || oid.Length == 0) return null;
        }
        else if (LocalMode && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
        {
            var asked = http.Request.Headers[LocalUserHeader].FirstOrDefault();
            if (roster.Find(asked) is not { } user || roster.TenantId.Length == 0) return null;
            (tenant, oid, name, email) = (roster.TenantId, user.AadObjectId, user.Name, user.Email);
        }
        else
        {
            return null;
        }
        var member = await store.Members.GetAsync(tenant, oid, ct).ConfigureAwait(false);
        var granted = roles.Configured(oid, upn, email, member?.DisplayName ?? name);
        return new TabCaller(tenant, oid, member?.DisplayName ?? name, (member?.Roles ?? MemberRoles.None) | granted | MemberRoles.Member)
            { Upn = upn ?? email };
    }

    private static string? Claim(ClaimsPrincipal p, string type) => p.FindFirst(type)?.Value;
}
