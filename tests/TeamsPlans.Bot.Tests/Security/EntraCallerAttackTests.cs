using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Bot.Tests.Protocol;

namespace TeamsPlans.Bot.Tests.Security;

/// <summary>
/// Issue 13 item 1, through POST /api/messages: a SingleTenant / UserAssignedMSI bot accepts Entra-issued tokens only with a
/// serviceurl claim equal to the activity's serviceUrl and a calling application (azp / appid) on Bot:AllowedCallers, and no
/// activity — whatever its token — may name a reply address outside the Teams service hosts.
/// </summary>
public sealed class EntraCallerAttackTests : IDisposable
{
    private const string AllowedCaller = "c0ffee00-0000-4000-8000-000000000001";
    private const string MadeUpCaller = "deadbeef-0000-4000-8000-00000000bad0";
    private const string Attacker = "https://attacker.example.com/";

    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var d in Enumerable.Reverse(_owned)) d.Dispose();
    }

    private (BotAppFactory Factory, HttpClient Client, TestSigningKey Entra, TestSigningKey Bf) Start(string appType, params (string Key, string Value)[] settings)
    {
        var factory = new BotAppFactory(appType: appType, tenantId: BotAppFactory.TenantId);
        _owned.Add(factory);
        var entra = new TestSigningKey("entra-key");
        var bf = new TestSigningKey("bf-key", "msteams");
        factory.OpenId.SetKeys("login.entra.test", entra);
        factory.OpenId.SetKeys("login.botframework.test", bf);
        WebApplicationFactory<Program> app = factory;
        if (settings.Length > 0)
            app = factory.WithWebHostBuilder(b => { foreach (var (k, v) in settings) b.UseSetting(k, v); });
        if (!ReferenceEquals(app, factory)) _owned.Add(app);
        var client = app.CreateClient();
        _owned.Add(client);
        return (factory, client, entra, bf);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string token, Activity activity)
    {
        using var response = await client.SendAsync(Tokens.Post(activity, "Bearer " + token));
        return response.StatusCode;
    }

    [Theory]
    [InlineData("UserAssignedMSI", "2.0")]
    [InlineData("SingleTenant", "2.0")]
    [InlineData("SingleTenant", "1.0")]
    public async Task The_reported_attack_made_up_caller_no_serviceurl_outside_host_is_refused(string appType, string version)
    {
        var (factory, client, entra, _) = Start(appType);
        var issuer = version == "2.0" ? EntraTokens.V2Issuer(BotAppFactory.TenantId) : EntraTokens.V1Issuer(BotAppFactory.TenantId);
        var token = EntraTokens.Create(entra, factory.Time.GetUtcNow(), issuer, MadeUpCaller, serviceUrl: null, version);

        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(client, token, Tokens.Message(serviceUrl: Attacker)));
        Assert.Empty(factory.Handler.Received);
        Assert.Empty(factory.Connector.CallList);
    }

    [Fact]
    public async Task Entra_token_without_serviceurl_claim_is_refused_even_for_an_allowed_caller()
    {
        var (factory, client, entra, _) = Start("SingleTenant", ("Bot:AllowedCallers:0", AllowedCaller));
        var token = EntraTokens.Create(entra, factory.Time.GetUtcNow(), EntraTokens.V2Issuer(BotAppFactory.TenantId), AllowedCaller, serviceUrl: null);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(client, token, Tokens.Message()));
        Assert.Empty(factory.Handler.Received);
    }

    [Fact]
    public async Task Entra_token_whose_serviceurl_claim_differs_from_the_activity_is_refused()
    {
        var (factory, client, entra, _) = Start("SingleTenant", ("Bot:AllowedCallers:0", AllowedCaller));
        var token = EntraTokens.Create(entra, factory.Time.GetUtcNow(), EntraTokens.V2Issuer(BotAppFactory.TenantId), AllowedCaller,
            serviceUrl: "https://smba.trafficmanager.net/emea/");
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(client, token, Tokens.Message()));
        Assert.Empty(factory.Handler.Received);
    }

    [Theory]
    [InlineData("2.0", MadeUpCaller)]
    [InlineData("1.0", MadeUpCaller)]
    [InlineData("2.0", BotAppFactory.AppId)] // the bot's own app id is no caller either (that is the emulator's rule)
    [InlineData("2.0", null)]
    public async Task Entra_token_with_a_caller_not_on_the_allow_list_is_refused(string version, string? caller)
    {
        var (factory, client, entra, _) = Start("UserAssignedMSI", ("Bot:AllowedCallers:0", AllowedCaller));
        var issuer = version == "2.0" ? EntraTokens.V2Issuer(BotAppFactory.TenantId) : EntraTokens.V1Issuer(BotAppFactory.TenantId);
        var token = EntraTokens.Create(entra, factory.Time.GetUtcNow(), issuer, caller, Tokens.ServiceUrl, version);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(client, token, Tokens.Message()));
        Assert.Empty(factory.Handler.Received);
    }

    [Fact]
    public async Task A_wildcard_in_AllowedCallers_allows_nobody()
    {
        var (factory, client, entra, _) = Start("SingleTenant", ("Bot:AllowedCallers:0", "*"));
        var token = EntraTokens.Create(entra, factory.Time.GetUtcNow(), EntraTokens.V2Issuer(BotAppFactory.TenantId), MadeUpCaller, Tokens.ServiceUrl);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(client, token, Tokens.Message()));
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("1.0")]
    public async Task Entra_token_of_an_allowed_caller_with_matching_serviceurl_is_accepted(string version)
    {
        var (factory, client, entra, _) = Start("SingleTenant", ("Bot:AllowedCallers:0", AllowedCaller));
        var issuer = version == "2.0" ? EntraTokens.V2Issuer(BotAppFactory.TenantId) : EntraTokens.V1Issuer(BotAppFactory.TenantId);
        var token = EntraTokens.Create(entra, factory.Time.GetUtcNow(), issuer, AllowedCaller, Tokens.ServiceUrl, version);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(client, token, Tokens.Message()));
        Assert.Single(factory.Handler.Received);
    }

    [Fact]
    public async Task Allowed_caller_with_a_serviceurl_claim_naming_an_outside_host_is_still_refused()
    {
        var (factory, client, entra, _) = Start("SingleTenant", ("Bot:AllowedCallers:0", AllowedCaller));
        var token = EntraTokens.Create(entra, factory.Time.GetUtcNow(), EntraTokens.V2Issuer(BotAppFactory.TenantId), AllowedCaller, Attacker);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(client, token, Tokens.Message(serviceUrl: Attacker)));
        Assert.Empty(factory.Handler.Received);
        Assert.Empty(factory.Connector.CallList);
    }

    [Theory]
    [InlineData("https://attacker.example.com/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example.com/amer/")]
    [InlineData("https://smba.trafficmanager.net@attacker.example.com/amer/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net:8443/amer/")]
    [InlineData("https://169.254.169.254/")]
    [InlineData("https://127.0.0.1/")]
    public async Task Even_a_Bot_Framework_token_cannot_name_a_reply_address_outside_the_Teams_hosts(string serviceUrl)
    {
        var (factory, client, _, bf) = Start("MultiTenant");
        var token = Tokens.Create(bf, factory.Time.GetUtcNow(), serviceUrl: serviceUrl);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(client, token, Tokens.Message(serviceUrl: serviceUrl)));
        Assert.Empty(factory.Handler.Received);
        Assert.Empty(factory.Connector.CallList);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams/")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams/")]
    public async Task Documented_Teams_hosts_are_accepted(string serviceUrl)
    {
        var (factory, client, _, bf) = Start("MultiTenant");
        var token = Tokens.Create(bf, factory.Time.GetUtcNow(), serviceUrl: serviceUrl);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(client, token, Tokens.Message(serviceUrl: serviceUrl)));
    }

    [Fact]
    public async Task The_host_allow_list_is_configurable()
    {
        var (factory, client, _, bf) = Start("MultiTenant", ("Bot:ServiceUrlHosts:Add:0", "*.connector.contoso.test"));
        var url = "https://eu.connector.contoso.test/v3/";
        Assert.Equal(HttpStatusCode.OK, await PostAsync(client, Tokens.Create(bf, factory.Time.GetUtcNow(), serviceUrl: url), Tokens.Message(serviceUrl: url)));
        // The default hosts are kept when the list is extended with :Add.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(client, Tokens.Create(bf, factory.Time.GetUtcNow()), Tokens.Message()));
    }

    [Fact]
    public async Task The_connector_client_never_calls_a_stored_outside_address_and_sends_no_token_there()
    {
        var (factory, _, _, _) = Start("MultiTenant");
        var connector = factory.Services.GetRequiredService<IConnectorClient>();
        var e = await Assert.ThrowsAsync<ConnectorException>(() => connector.SendToConversationAsync(Attacker, "a:1chat", Activity.CreateMessage("x")));
        Assert.Equal("ServiceUrlNotAllowed", e.ErrorCode);
        Assert.Empty(factory.Connector.CallList);
        // The Teams host works through the same client.
        await connector.SendToConversationAsync(Tokens.ServiceUrl, "a:1chat", Activity.CreateMessage("x"));
        Assert.Single(factory.Connector.CallList);
    }
}

/// <summary>Local mode: loopback callers without a token, but the reply address is still only loopback or a Teams host.</summary>
public sealed class LocalModeServiceUrlTests : IDisposable
{
    private readonly BotAppFactory _factory = new(appId: null);
    private readonly HttpClient _client;

    public LocalModeServiceUrlTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Theory]
    [InlineData("https://attacker.example.com/", HttpStatusCode.Forbidden)]
    [InlineData("http://10.0.0.5:3978/", HttpStatusCode.Forbidden)]
    [InlineData("http://127.0.0.1:56150/", HttpStatusCode.OK)]
    [InlineData("http://localhost:56150/", HttpStatusCode.OK)]
    [InlineData("https://smba.trafficmanager.net/amer/", HttpStatusCode.OK)]
    public async Task Local_mode_allows_loopback_and_Teams_hosts_only(string serviceUrl, HttpStatusCode expected)
    {
        using var response = await _client.SendAsync(Tokens.Post(Tokens.Message(serviceUrl: serviceUrl), remoteIp: "127.0.0.1"));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, _factory.Handler.Received.Count);
    }
}
