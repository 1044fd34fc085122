using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace TeamsPlans.Bot.Tab.Auth;

/// <summary>
/// Registers the tab's bearer scheme through Microsoft.Identity.Web (AddMicrosoftIdentityWebApi): signing keys from the
/// instance's OpenID metadata (organizations), audience = webApplicationInfo.resource or the client id, issuer and tenant
/// by <see cref="TabIssuerValidator"/>, a scope (scp) or role claim required, inbound claims left as issued (oid, tid).
/// Only when Tab:ClientId is set; otherwise the tab is in local mode.
/// </summary>
internal static class TabAuthentication
{
    public const string Scheme = "TabBearer";

    public static void AddTabBearer(this IServiceCollection services, IConfiguration configuration, TabOptions tab)
    {
        if (!tab.UsesEntra) return;
        services.AddAuthentication()
            .AddMicrosoftIdentityWebApi(
                jwt => { },
                identity =>
                {
                    identity.Instance = tab.Instance;
                    identity.TenantId = "organizations";
                    identity.ClientId = tab.ClientId;
                },
                Scheme, subscribeToJwtBearerMiddlewareDiagnosticsEvents: false);
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, TabBearerPostConfigure>();
    }

    /// <summary>Runs after Microsoft.Identity.Web's own configuration: the audiences and the tenant-bound issuer check.</summary>
    private sealed class TabBearerPostConfigure(IOptions<TabOptions> tab, TenantPolicy tenants) : IPostConfigureOptions<JwtBearerOptions>
    {
        public void PostConfigure(string? name, JwtBearerOptions options)
        {
            if (name != Scheme) return;
            var o = tab.Value;
            options.MapInboundClaims = false;
            var p = options.TokenValidationParameters;
            p.ValidAudiences = new[] { o.Audience, o.ClientId }.Where(a => !string.IsNullOrWhiteSpace(a)).ToArray();
            p.ValidateAudience = true;
            p.ValidateLifetime = true;
            p.ClockSkew = TimeSpan.FromMinutes(5);
            p.AudienceValidator = null; // Microsoft.Identity.Web's validator knows only the client id; the manifest's resource is ours
            p.IssuerValidator = new TabIssuerValidator(o, tenants).Validate;
            p.NameClaimType = "name";
        }
    }
}
