using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using TeamsPlans.Bot.Tab.Auth;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Bot.Tests.Protocol;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The bot host with its tab: plan 001 published in tenant-bk (third duty mapped to Lan), a second allowed tenant
/// (tenant-other) with its own copy, and either Entra mode (Tab:ClientId, tokens signed by a local test key that the
/// tab's bearer scheme trusts in place of the Entra metadata) or local mode (a roster file of tenant-bk's users). With
/// draft, plan 001 is only imported in tenant-bk (for the import review).
/// </summary>
public static class TabTestSupport
{
    public const string ClientId = "5b1e6a1c-7d2f-4a3b-9c8d-0e1f2a3b4c5d";
    public const string Audience = "api://tab.test/botid-" + ClientId;
    public const string OtherTenant = "tenant-other";

    /// <param name="draft">Plan 001 only imported in tenant-bk (a draft for the import review), not published.</param>
    public static async Task<BotHarness> StartAsync(TestSigningKey? key, bool kestrel = false, bool draft = false)
    {
        var settings = new Dictionary<string, string>
        {
            ["Tenants:Allowed:0"] = BotHarness.Tenant,
            ["Tenants:Allowed:1"] = OtherTenant,
        };
        if (key is not null)
        {
            settings["Tab:ClientId"] = ClientId;
            settings["Tab:Audience"] = Audience;
        }
        else
        {
            var roster = Path.Combine(Path.GetTempPath(), $"teamsplans-roster-{Guid.NewGuid():N}.yml");
            await File.WriteAllTextAsync(roster, $"""
                tenantId: {BotHarness.Tenant}
                currentUser:
                  id: user-id-hung
                  name: {BotHarness.Hung.Name}
                  aadObjectId: {BotHarness.Hung.Aad}
                users:
                  - id: user-id-lan
                    name: {BotHarness.Lan.Name}
                    aadObjectId: {BotHarness.Lan.Aad}
                """);
            // The import review's member (mapped there): on the roster only for the draft, so she can open her plan.
            if (draft) await File.AppendAllTextAsync(roster, $"\n  - id: user-id-cuc\n    name: {BotHarness.Cuc.Name}\n    aadObjectId: {BotHarness.Cuc.Aad}\n");
            settings["Tab:LocalRosterFile"] = roster;
        }
        var h = await StartHarnessAsync(key, settings, kestrel);
        if (draft)
        {
            foreach (var u in new[] { BotHarness.Hung, BotHarness.Thanh, BotHarness.Lan, BotHarness.Cuc }) await h.InstallAsync(u);
            await h.SayAsync(BotHarness.Hung, "nhập kế hoạch 001");
        }
        else await Scenario.PublishAsync(h, thirdDutyTo: BotHarness.Lan);
        await Scenario.PublishAsync(h, OtherTenant);
        // A plan only tenant-other has (seed 002, a draft there).
        File.Copy(BotHarness.SeedPath("002"), Path.Combine(h.LibraryDir, "2023", Path.GetFileName(BotHarness.SeedPath("002"))));
        await h.SayAsync(BotHarness.Hung, "nhập kế hoạch 002", OtherTenant);
        await h.DeliverQueuedAsync();
        return h;
    }

    /// <summary>The bot host with these settings; with a key, the tab's bearer scheme trusts it in place of the Entra metadata.</summary>
    public static Task<BotHarness> StartHarnessAsync(TestSigningKey? key, IDictionary<string, string> settings, bool kestrel) =>
        BotHarness.StartAsync(settings, s =>
        {
            if (key is null) return;
            s.PostConfigure<JwtBearerOptions>(TabAuthentication.Scheme, o =>
            {
                var config = new OpenIdConnectConfiguration();
                config.SigningKeys.Add(key.SecurityKey);
                o.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(config);
            });
        }, kestrel);

    /// <summary>The id of the plan only tenant-other holds.</summary>
    public static async Task<string> OtherTenantsOwnPlanAsync(BotHarness h) =>
        (await h.Store.Plans.ListAsync(OtherTenant)).Single(p => p.PlanId != Scenario.Plan82).PlanId;

    /// <summary>Teams' own client (the azp of a Teams SSO token).</summary>
    public const string TeamsClient = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";

    /// <summary>A Teams SSO token as Entra v2.0 issues it for the tab (aud = webApplicationInfo.resource, scp access_as_user);
    /// with <paramref name="azp"/> = the tab's own client id, the token the browser sign-in (MSAL.js) obtains.</summary>
    public static string Token(TestSigningKey key, string oid, string tenant = BotHarness.Tenant, string audience = Audience,
        string? issuerTenant = null, TimeSpan? expiresIn = null, string? name = null, string azp = TeamsClient)
    {
        var now = DateTimeOffset.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var issued = expires < now ? expires.AddHours(-1) : now.AddMinutes(-1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{issuerTenant ?? tenant}/v2.0",
            Audience = audience,
            IssuedAt = issued.UtcDateTime,
            NotBefore = issued.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["ver"] = "2.0", ["tid"] = tenant, ["oid"] = oid, ["scp"] = "access_as_user", ["name"] = name ?? oid,
                ["azp"] = azp,
            },
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public static Task<(int Status, JsonNode? Body)> GetAsync(BotHarness h, string path, string? bearer = null, string? localUser = null) =>
        SendAsync(h, HttpMethod.Get, path, null, bearer, localUser);

    /// <summary>A tab API request with an optional JSON body, as a bearer or a local roster user.</summary>
    public static async Task<(int Status, JsonNode? Body)> SendAsync(BotHarness h, HttpMethod method, string path, object? json,
        string? bearer = null, string? localUser = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = System.Net.Http.Json.JsonContent.Create(json);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (localUser is not null) request.Headers.Add(TabCallerResolver.LocalUserHeader, localUser);
        using var response = await h.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) : null);
    }
}
