using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsPlans.Bot.Tab.Auth;

/// <summary>
/// Issuer of a Teams SSO token: the v2.0 issuer of the user's own tenant, "{Instance}{tid}/v2.0", and that tenant on
/// Tenants:Allowed. A token whose issuer names another tenant than its tid claim, or a tenant not allowed, is refused.
/// </summary>
internal sealed class TabIssuerValidator(TabOptions options, TenantPolicy tenants)
{
    public string Validate(string issuer, SecurityToken token, TokenValidationParameters parameters)
    {
        var tid = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var t) ? t : null;
        if (string.IsNullOrWhiteSpace(tid))
            throw new SecurityTokenInvalidIssuerException("The token has no tid claim.");
        if (!tenants.IsAllowed(tid))
            throw new SecurityTokenInvalidIssuerException("The token's tenant is not on Tenants:Allowed.");
        var expected = options.Instance.TrimEnd('/') + "/" + tid + "/v2.0";
        if (!string.Equals(issuer, expected, StringComparison.Ordinal))
            throw new SecurityTokenInvalidIssuerException("The token's issuer is not the v2.0 issuer of its tenant.");
        return issuer;
    }
}
