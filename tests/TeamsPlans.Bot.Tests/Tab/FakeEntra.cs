using System.Text;
using System.Text.Json;
using System.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;
using TeamsPlans.Bot.Tests.Protocol;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// login.microsoftonline.com answered by Playwright routing, so the browser never leaves the machine: the authorize
/// navigation is recorded and answered as Entra does for a signed-in user (back to the redirect URI with a code and the
/// state), the token endpoint returns an access token signed by the key the tab's bearer scheme trusts, for the user
/// chosen by <see cref="SignInAs"/>. Every other address that is not loopback is refused and recorded.
/// </summary>
public sealed class FakeEntra(TestSigningKey key, string tenant)
{
    private const string Host = "https://login.microsoftonline.com";

    public List<Uri> Authorize { get; } = [];
    public List<string> Refused { get; } = [];
    public List<string> AccessTokens { get; } = [];
    public List<string> TokenRequests { get; } = [];

    /// <summary>The user Entra signs in (object id, name), and whether it answers the authorize request at all.</summary>
    public (string Oid, string Name)? SignInAs { get; set; }

    private string? _nonce;

    public async Task AttachAsync(IBrowserContext context)
    {
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.IsLoopback) { await route.ContinueAsync(); return; }
            if (url.Host != "login.microsoftonline.com") { Refused.Add(url.ToString()); await route.AbortAsync(); return; }
            await AnswerAsync(route, url);
        });
    }

    private async Task AnswerAsync(IRoute route, Uri url)
    {
        var cors = new Dictionary<string, string>
        {
            ["Access-Control-Allow-Origin"] = "*", ["Access-Control-Allow-Headers"] = "*", ["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS",
        };
        if (route.Request.Method == "OPTIONS") { await route.FulfillAsync(new() { Status = 204, Headers = cors }); return; }
        var path = url.AbsolutePath;
        if (path.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal))
        {
            Authorize.Add(url);
            var q = HttpUtility.ParseQueryString(url.Query);
            if (SignInAs is not { } user)
            {
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><title>Entra</title><p>Entra sign-in</p>" });
                return;
            }
            _nonce = q["nonce"];
            var answer = $"code=fake-code&state={Uri.EscapeDataString(q["state"] ?? "")}&client_info={ClientInfo(user.Oid)}";
            var back = q["response_mode"] == "query" ? $"{q["redirect_uri"]}?{answer}" : $"{q["redirect_uri"]}#{answer}";
            await route.FulfillAsync(new() { Status = 302, Headers = new Dictionary<string, string> { ["Location"] = back } });
            return;
        }
        if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && SignInAs is { } who)
        {
            TokenRequests.Add(route.Request.PostData ?? "");
            var access = TabTestSupport.Token(key, who.Oid, tenant, audience: TabTestSupport.ClientId, name: who.Name, azp: TabTestSupport.ClientId);
            AccessTokens.Add(access);
            var form = HttpUtility.ParseQueryString(route.Request.PostData ?? "");
            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer", ["scope"] = form["scope"] ?? "", ["expires_in"] = 3600, ["ext_expires_in"] = 3600,
                ["access_token"] = access, ["id_token"] = IdToken(who.Oid, who.Name), ["client_info"] = ClientInfo(who.Oid),
            });
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = body, Headers = cors });
            return;
        }
        if (path.Contains("/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Headers = cors, Body = JsonSerializer.Serialize(new
            {
                authorization_endpoint = Host + "/organizations/oauth2/v2.0/authorize",
                token_endpoint = Host + "/organizations/oauth2/v2.0/token",
                end_session_endpoint = Host + "/organizations/oauth2/v2.0/logout",
                issuer = Host + "/{tenantid}/v2.0",
                jwks_uri = Host + "/organizations/discovery/v2.0/keys",
            }) });
            return;
        }
        if (path.Contains("/discovery/instance", StringComparison.Ordinal))
        {
            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Headers = cors, Body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["tenant_discovery_endpoint"] = Host + "/organizations/v2.0/.well-known/openid-configuration",
                ["api-version"] = "1.1",
                ["metadata"] = new[] { new { preferred_network = "login.microsoftonline.com", preferred_cache = "login.windows.net",
                    aliases = new[] { "login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net" } } },
            }) });
            return;
        }
        Refused.Add(url.ToString());
        await route.AbortAsync();
    }

    private string ClientInfo(string oid) =>
        Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { uid = oid, utid = tenant })));

    private string IdToken(string oid, string name)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"{Host}/{tenant}/v2.0", Audience = TabTestSupport.ClientId, IssuedAt = now, NotBefore = now, Expires = now.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                ["ver"] = "2.0", ["tid"] = tenant, ["oid"] = oid, ["sub"] = "sub-" + oid, ["name"] = name,
                ["preferred_username"] = oid + "@school.test", ["nonce"] = _nonce ?? "",
            },
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
