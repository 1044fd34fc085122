using System.Text.Json.Nodes;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Bot.Tests.Protocol;
using static TeamsPlans.Bot.Tests.Tab.TabTestSupport;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The tab API in Entra mode: Teams SSO tokens validated by Microsoft.Identity.Web's bearer scheme against the manifest's
/// webApplicationInfo (audience), the tenant's v2.0 issuer and Tenants:Allowed; the caller's rights as in the bot.
/// Plan 001 (82/KH-THPT BK) has three duties: Hưng, Thành, and (mapped here) Lan.
/// </summary>
public sealed class TabTokenTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("tab-test-key");
    private BotHarness _h = null!;

    public async Task InitializeAsync() => _h = await StartAsync(_key);
    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_valid_token_of_the_principal_lists_the_tenants_plan_with_all_three_assignments()
    {
        var (status, body) = await GetAsync(_h, "/tab/api/plans", Token(_key, BotHarness.Hung.Aad));
        Assert.Equal(200, status);
        var plan = Assert.Single(body!["items"]!.AsArray())!;
        Assert.Equal("82/KH-THPT BK", plan["number"]!.GetValue<string>());
        Assert.Equal(3, plan["total"]!.GetValue<int>());

        var (rowsStatus, rows) = await GetAsync(_h, $"/tab/api/plans/{Scenario.Plan82}/assignments", Token(_key, BotHarness.Hung.Aad));
        Assert.Equal(200, rowsStatus);
        Assert.Equal(3, rows!["total"]!.GetValue<int>());
        Assert.Equal(["Ngô Tấn Hưng", "Nguyễn Tất Thành", "Trần Thị Lan"], Holders(rows));
    }

    [Fact]
    public async Task An_expired_token_a_wrong_audience_a_forged_issuer_or_no_token_is_401()
    {
        var hung = BotHarness.Hung.Aad;
        foreach (var token in new[]
        {
            Token(_key, hung, expiresIn: TimeSpan.FromMinutes(-10)),              // past the 5 minutes of clock skew
            Token(_key, hung, audience: "api://elsewhere.test/botid-" + ClientId), // another app's token
            Token(_key, hung, issuerTenant: OtherTenant),                          // issuer of another tenant than its tid
            Token(new TestSigningKey("not-trusted"), hung),                        // signed by a key Entra does not publish
            null,
        })
        {
            var (status, _) = await GetAsync(_h, "/tab/api/plans", token);
            Assert.Equal(401, status);
        }
    }

    [Fact]
    public async Task A_tenant_not_allowed_is_401_and_an_allowed_other_tenant_never_sees_tenant_bk_plans()
    {
        var (refused, _) = await GetAsync(_h, "/tab/api/plans", Token(_key, BotHarness.Hung.Aad, tenant: "tenant-evil"));
        Assert.Equal(401, refused);

        // tenant-other has its own copy of plan 001 under the same id: its principal sees that one, never tenant-bk's.
        var other = Token(_key, BotHarness.Hung.Aad, tenant: OtherTenant);
        var (_, rows) = await GetAsync(_h, $"/tab/api/plans/{Scenario.Plan82}/assignments", other);
        Assert.Equal(["Ngô Tấn Hưng", "Nguyễn Tất Thành", "Hồ Thị Thu Cúc"], Holders(rows!));
        // A member of tenant-bk only (Lan) asking in tenant-other: nothing of hers there.
        var (status, _) = await GetAsync(_h, $"/tab/api/plans/{Scenario.Plan82}/assignments", Token(_key, BotHarness.Lan.Aad, tenant: OtherTenant));
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task A_member_sees_only_her_own_assignment_and_is_refused_principal_data()
    {
        var lan = Token(_key, BotHarness.Lan.Aad);
        var (status, rows) = await GetAsync(_h, $"/tab/api/plans/{Scenario.Plan82}/assignments", lan);
        Assert.Equal(200, status);
        var row = Assert.Single(rows!["items"]!.AsArray())!;
        Assert.Equal("Trần Thị Lan", row["holder"]!.GetValue<string>());
        Assert.True(row["mine"]!.GetValue<bool>());
        Assert.Contains("báo cáo tình hình", row["duty"]!.GetValue<string>(), StringComparison.Ordinal);
        // The document: "trước ngày 20/5 và 01/11/2023"; today (harness) is 10/04/2023.
        Assert.Equal("20/05/2023", row["nextDeadline"]!.GetValue<string>());

        var (plans, list) = await GetAsync(_h, "/tab/api/plans", lan);
        Assert.Equal(200, plans);
        Assert.Equal(1, Assert.Single(list!["items"]!.AsArray())!["total"]!.GetValue<int>());

        var (export, _) = await GetAsync(_h, $"/tab/api/plans/{Scenario.Plan82}/export.xlsx", lan);
        Assert.Equal(403, export);
        var (me, who) = await GetAsync(_h, "/tab/api/me", lan);
        Assert.Equal(200, me);
        Assert.False(who!["canManage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_token_of_the_browser_sign_in_follows_the_same_audience_tenant_and_role_rules()
    {
        // MSAL.js outside Teams asks for "{resource}/access_as_user" as the tab's own client: a v2.0 token with aud = the
        // client id and azp = the tab app (Teams SSO: aud = the resource, azp = Teams).
        string Browser(string oid, string tenant = BotHarness.Tenant, string audience = ClientId, TimeSpan? expiresIn = null) =>
            Token(_key, oid, tenant, audience, expiresIn: expiresIn, azp: ClientId);
        var (status, rows) = await GetAsync(_h, $"/tab/api/plans/{Scenario.Plan82}/assignments", Browser(BotHarness.Hung.Aad));
        Assert.Equal(200, status);
        Assert.Equal(["Ngô Tấn Hưng", "Nguyễn Tất Thành", "Trần Thị Lan"], Holders(rows!));

        foreach (var refused in new[]
        {
            Browser(BotHarness.Hung.Aad, audience: "0d4f6c1a-9e8b-4c7d-a6b5-4f3e2d1c0b9a"), // another app's client id
            Browser(BotHarness.Hung.Aad, expiresIn: TimeSpan.FromMinutes(-10)),
            Browser(BotHarness.Hung.Aad, tenant: "tenant-evil"),
        })
            Assert.Equal(401, (await GetAsync(_h, "/tab/api/plans", refused)).Status);

        var lan = Browser(BotHarness.Lan.Aad);
        var (_, hers) = await GetAsync(_h, $"/tab/api/plans/{Scenario.Plan82}/assignments", lan);
        Assert.Equal(["Trần Thị Lan"], Holders(hers!));
        Assert.Equal(403, (await GetAsync(_h, $"/tab/api/plans/{Scenario.Plan82}/export.xlsx", lan)).Status);
        var other = await OtherTenantsOwnPlanAsync(_h);
        Assert.Equal(404, (await GetAsync(_h, $"/tab/api/plans/{other}/assignments", Browser(BotHarness.Hung.Aad))).Status);
    }

    private static List<string> Holders(JsonNode page) =>
        page["items"]!.AsArray().Select(r => r!["holder"]!.GetValue<string>()).ToList();
}
