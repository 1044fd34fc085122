using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsPlans.Bot.Tests.Protocol;

namespace TeamsPlans.Bot.Tests.Security;

/// <summary>Tokens as Microsoft Entra issues them for the bot's audience (v1.0: appid; v2.0: azp), signed by a test Entra key.</summary>
public static class EntraTokens
{
    public static string V2Issuer(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";
    public static string V1Issuer(string tenant) => $"https://sts.windows.net/{tenant}/";

    public static string Create(TestSigningKey key, DateTimeOffset now, string issuer, string? caller, string? serviceUrl,
        string version = "2.0", string tenant = BotAppFactory.TenantId, string audience = BotAppFactory.AppId)
    {
        var claims = new Dictionary<string, object> { ["ver"] = version, ["tid"] = tenant };
        if (caller is not null) claims[version == "1.0" ? "appid" : "azp"] = caller;
        if (serviceUrl is not null) claims["serviceurl"] = serviceUrl;
        key.SecurityKey.KeyId = key.Kid;
        var nbf = now.AddMinutes(-1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = nbf.UtcDateTime,
            NotBefore = nbf.UtcDateTime,
            Expires = nbf.AddHours(1).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
