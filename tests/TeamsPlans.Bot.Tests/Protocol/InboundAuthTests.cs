using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Hosting;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Tests.Protocol;

/// <summary>Connector → bot JWT validation through the real POST /api/messages.</summary>
public sealed class InboundAuthTests : IDisposable
{
    private const string BfHost = "login.botframework.test";
    private readonly BotAppFactory _factory = new();
    private readonly TestSigningKey _key = new("key-1", "msteams", "emulator");
    private readonly HttpClient _client;

    public InboundAuthTests()
    {
        _factory.OpenId.SetKeys(BfHost, _key);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private DateTimeOffset Now => _factory.Time.GetUtcNow();

    private async Task<HttpStatusCode> PostAsync(string? authorization, Activity? activity = null)
    {
        using var response = await _client.SendAsync(Tokens.Post(activity ?? Tokens.Message(), authorization));
        return response.StatusCode;
    }

    [Fact]
    public async Task Valid_token_is_accepted_and_reaches_the_handler()
    {
        var status = await PostAsync("Bearer " + Tokens.Create(_key, Now));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(_factory.Handler.Received);
        // The reply went to the connector with the outbound token.
        var call = Assert.Single(_factory.Connector.CallList);
        Assert.Equal("Bearer outbound-token", call.Authorization);
    }

    [Fact]
    public async Task Missing_header_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(null));
        Assert.Empty(_factory.Handler.Received);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    public async Task Malformed_header_is_401(string header)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(header));
        Assert.Empty(_factory.Handler.Received);
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        // Expired 10 minutes ago: beyond the 5 minutes of clock skew.
        var token = Tokens.Create(_key, Now, notBeforeOffset: TimeSpan.FromHours(-2), lifetime: TimeSpan.FromMinutes(110));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token));
    }

    [Fact]
    public async Task Token_expired_within_clock_skew_is_accepted()
    {
        var token = Tokens.Create(_key, Now, notBeforeOffset: TimeSpan.FromHours(-1), lifetime: TimeSpan.FromMinutes(58));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + token));
    }

    [Fact]
    public async Task Token_not_yet_valid_is_401()
    {
        var token = Tokens.Create(_key, Now, notBeforeOffset: TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token));
    }

    [Fact]
    public async Task Wrong_audience_is_401()
    {
        var token = Tokens.Create(_key, Now, audience: "99999999-0000-0000-0000-000000000000");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token));
    }

    [Fact]
    public async Task Wrong_issuer_is_401()
    {
        var token = Tokens.Create(_key, Now, issuer: "https://evil.example.com");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token));
    }

    [Fact]
    public async Task Tenant_issuer_is_refused_for_a_multi_tenant_bot()
    {
        var token = Tokens.Create(_key, Now, issuer: $"https://sts.windows.net/{BotAppFactory.TenantId}/");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token));
    }

    [Fact]
    public async Task Bad_signature_is_401()
    {
        var forger = new TestSigningKey("forger");
        var token = Tokens.Create(_key, Now, signWith: forger.SecurityKey, kid: _key.Kid);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + token));
        Assert.Empty(_factory.Handler.Received);
    }

    [Fact]
    public async Task Unknown_key_is_401_even_after_refresh()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + Tokens.Create(_key, Now)));
        var fetches = _factory.OpenId.MetadataFetches;
        var stranger = new TestSigningKey("key-unknown", "msteams");

        // Within 5 minutes of the last load: the cache is trusted, no refetch.
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + Tokens.Create(stranger, Now)));
        Assert.Equal(fetches, _factory.OpenId.MetadataFetches);

        // Later: the unknown kid triggers one refresh, the key is still absent → 401.
        _factory.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + Tokens.Create(stranger, Now)));
        Assert.Equal(fetches + 1, _factory.OpenId.MetadataFetches);

        // A burst of unknown kids right after does not hammer the metadata endpoint.
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("Bearer " + Tokens.Create(stranger, Now)));
        Assert.Equal(fetches + 1, _factory.OpenId.MetadataFetches);
    }

    [Fact]
    public async Task Key_rotation_new_kid_is_accepted_after_refresh()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + Tokens.Create(_key, Now)));
        var rotated = new TestSigningKey("key-2", "msteams");
        _factory.OpenId.AddKey(BfHost, rotated);
        _factory.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + Tokens.Create(rotated, Now)));
        Assert.Equal(2, _factory.Handler.Received.Count);
    }

    [Fact]
    public async Task Keys_are_reloaded_after_24_hours()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + Tokens.Create(_key, Now)));
        var fetches = _factory.OpenId.MetadataFetches;
        _factory.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + Tokens.Create(_key, Now)));
        Assert.Equal(fetches, _factory.OpenId.MetadataFetches);
        _factory.Time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Bearer " + Tokens.Create(_key, Now)));
        Assert.Equal(fetches + 1, _factory.OpenId.MetadataFetches);
    }

    [Fact]
    public async Task ServiceUrl_claim_mismatch_is_403()
    {
        var token = Tokens.Create(_key, Now, serviceUrl: "https://attacker.example.com/");
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("Bearer " + token));
        Assert.Empty(_factory.Handler.Received);
    }

    [Fact]
    public async Task Missing_serviceUrl_claim_is_403()
    {
        var token = Tokens.Create(_key, Now, serviceUrl: null);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("Bearer " + token));
    }

    [Fact]
    public async Task Unendorsed_channel_is_403()
    {
        var token = Tokens.Create(_key, Now);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("Bearer " + token, Tokens.Message(channelId: "slack")));
        Assert.Empty(_factory.Handler.Received);
    }

    [Fact]
    public async Task Key_without_endorsements_is_403()
    {
        _factory.OpenId.PublishEndorsements = false;
        var token = Tokens.Create(_key, Now);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("Bearer " + token));
    }

    [Fact]
    public async Task Non_loopback_caller_without_token_is_still_401_when_app_id_is_set()
    {
        using var response = await _client.SendAsync(Tokens.Post(Tokens.Message(), authorization: null, remoteIp: "127.0.0.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class SingleTenantAuthTests : IDisposable
{
    private readonly BotAppFactory _factory = new(appType: "SingleTenant", tenantId: BotAppFactory.TenantId);
    private readonly TestSigningKey _bfKey = new("bf-key", "msteams");
    private readonly TestSigningKey _entraKey = new("entra-key");
    private readonly HttpClient _client;

    public SingleTenantAuthTests()
    {
        _factory.OpenId.SetKeys("login.botframework.test", _bfKey);
        _factory.OpenId.SetKeys("login.entra.test", _entraKey);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Theory]
    [InlineData("https://sts.windows.net/" + BotAppFactory.TenantId + "/")]
    [InlineData("https://login.microsoftonline.com/" + BotAppFactory.TenantId + "/v2.0")]
    public async Task Tenant_issuer_signed_by_tenant_keys_without_an_allowed_caller_is_403(string issuer)
    {
        // Issue 13: an Entra-issued token needs a calling app on Bot:AllowedCallers (Security/EntraCallerAttackTests).
        var token = Tokens.Create(_entraKey, _factory.Time.GetUtcNow(), issuer: issuer);
        using var response = await _client.SendAsync(Tokens.Post(Tokens.Message(), "Bearer " + token));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Bot_framework_issuer_still_accepted()
    {
        var token = Tokens.Create(_bfKey, _factory.Time.GetUtcNow());
        using var response = await _client.SendAsync(Tokens.Post(Tokens.Message(), "Bearer " + token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Other_tenant_issuer_is_401()
    {
        var token = Tokens.Create(_entraKey, _factory.Time.GetUtcNow(), issuer: "https://sts.windows.net/ffffffff-0000-0000-0000-000000000000/");
        using var response = await _client.SendAsync(Tokens.Post(Tokens.Message(), "Bearer " + token));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_no_allow_list_a_single_tenant_bot_serves_only_its_own_tenant()
    {
        var policy = _factory.Services.GetRequiredService<TenantPolicy>();
        Assert.Equal([BotAppFactory.TenantId], policy.Allowed);

        var other = Tokens.Message();
        other.Conversation!.TenantId = "ffffffff-0000-0000-0000-000000000000";
        var token = Tokens.Create(_bfKey, _factory.Time.GetUtcNow());
        using var refused = await _client.SendAsync(Tokens.Post(other, "Bearer " + token));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(_factory.Handler.Received);

        using var own = await _client.SendAsync(Tokens.Post(Tokens.Message(), "Bearer " + token));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Single(_factory.Handler.Received);
    }

    [Fact]
    public async Task Bot_framework_issuer_with_a_tenant_key_is_401()
    {
        // Keys are looked up in the issuer's own metadata: a tenant key cannot sign a botframework.com token.
        var token = Tokens.Create(_entraKey, _factory.Time.GetUtcNow());
        using var response = await _client.SendAsync(Tokens.Post(Tokens.Message(), "Bearer " + token));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class LocalModeTests : IDisposable
{
    private readonly BotAppFactory _factory = new(appId: null);
    private readonly HttpClient _client;

    public LocalModeTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Loopback_caller_is_accepted_without_token(string ip)
    {
        using var response = await _client.SendAsync(Tokens.Post(Tokens.Message("xin chào"), remoteIp: ip));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("xin chào", Assert.Single(_factory.Handler.Received).Text);
        // Outbound reply carries no Authorization header in local mode.
        Assert.Null(Assert.Single(_factory.Connector.CallList).Authorization);
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("203.0.113.7")]
    public async Task Non_loopback_caller_is_401(string ip)
    {
        using var response = await _client.SendAsync(Tokens.Post(Tokens.Message(), remoteIp: ip));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_factory.Handler.Received);
    }

    [Fact]
    public async Task Unknown_remote_address_is_401()
    {
        using var response = await _client.SendAsync(Tokens.Post(Tokens.Message()));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
