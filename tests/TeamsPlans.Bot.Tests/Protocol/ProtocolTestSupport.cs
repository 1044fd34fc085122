using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Bot.Protocol.Auth;

namespace TeamsPlans.Bot.Tests.Protocol;

/// <summary>An RSA signing key the tests create, with the Bot Framework endorsements it publishes.</summary>
public sealed class TestSigningKey
{
    public TestSigningKey(string kid, params string[] endorsements)
    {
        Kid = kid;
        Rsa = RSA.Create(2048);
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(Rsa) { KeyId = kid };
    }

    public string Kid { get; }
    public RSA Rsa { get; }
    public string[] Endorsements { get; }
    public RsaSecurityKey SecurityKey { get; }

    public JsonObject ToJwk(bool withEndorsements = true)
    {
        var p = Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (withEndorsements && Endorsements.Length > 0) jwk["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
        return jwk;
    }
}

/// <summary>Serves OpenID metadata + JWKS (one document pair per host) and counts fetches.</summary>
public sealed class FakeOpenIdServer : HttpMessageHandler
{
    public const string BotFrameworkMetadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
    public const string EntraMetadataUrl = "https://login.entra.test/{tenant}/v2.0/.well-known/openid-configuration";

    private readonly ConcurrentDictionary<string, List<TestSigningKey>> _keys = new();
    public int MetadataFetches;
    public bool PublishEndorsements { get; set; } = true;

    public void SetKeys(string host, params TestSigningKey[] keys) => _keys[host] = keys.ToList();
    public void AddKey(string host, TestSigningKey key) => _keys.AddOrUpdate(host, [key], (_, l) => [.. l, key]);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        string body;
        if (uri.AbsolutePath.EndsWith("openidconfiguration", StringComparison.Ordinal) || uri.AbsolutePath.EndsWith("openid-configuration", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref MetadataFetches);
            body = new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["jwks_uri"] = $"https://{uri.Host}/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            }.ToJsonString();
        }
        else if (uri.AbsolutePath == "/keys")
        {
            var keys = _keys.TryGetValue(uri.Host, out var l) ? l : [];
            body = new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.ToJwk(PublishEndorsements)).ToArray()) }.ToJsonString();
        }
        else
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}

/// <summary>One recorded request to the fake connector.</summary>
public sealed record ConnectorCall(HttpMethod Method, string Path, string? Authorization, string? Body, DateTimeOffset At);

/// <summary>A fake Bot Connector service: records requests, answers from a script (default 200 with a fresh id).</summary>
public sealed class FakeConnector : HttpMessageHandler
{
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    private int _ids;

    public FakeConnector(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();
    public List<ConnectorCall> CallList => Calls.ToList();

    public void Enqueue(Func<HttpRequestMessage, HttpResponseMessage> response) => _script.Enqueue(response);
    public void Enqueue(HttpStatusCode status, string? body = null, Action<HttpResponseMessage>? configure = null)
        => Enqueue(_ =>
        {
            var r = new HttpResponseMessage(status);
            if (body is not null) r.Content = new StringContent(body, Encoding.UTF8, "application/json");
            configure?.Invoke(r);
            return r;
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Calls.Enqueue(new ConnectorCall(request.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(), body, _time.GetUtcNow()));
        if (_script.TryDequeue(out var scripted)) return scripted(request);
        var id = Interlocked.Increment(ref _ids);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"id":"activity-{{id}}"}""", Encoding.UTF8, "application/json"),
        };
    }
}

/// <summary>Records every activity the endpoint dispatches; replies to messages; answers invokes from a function.</summary>
public sealed class RecordingHandler : IActivityHandler
{
    public ConcurrentQueue<Activity> Received { get; } = new();
    public Func<Activity, InvokeResponse?> Invoke { get; set; } = a => new InvokeResponse(200, new JsonObject { ["ok"] = a.Name });
    public bool ReplyToMessages { get; set; } = true;

    public async Task<InvokeResponse?> OnActivityAsync(Activity activity, ITurnContext turn, CancellationToken ct)
    {
        Received.Enqueue(activity);
        if (activity.Type == ActivityTypes.Message && ReplyToMessages)
        {
            await turn.SendTextAsync($"Bạn đã gửi: {activity.Text}", ct);
        }
        return activity.Type == ActivityTypes.Invoke ? Invoke(activity) : null;
    }
}

/// <summary>Sets the connection's remote address from the X-Test-Remote-Ip header (TestServer leaves it null).</summary>
internal sealed class RemoteIpStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (ctx, nextMw) =>
        {
            if (ctx.Request.Headers.TryGetValue("X-Test-Remote-Ip", out var ip) && IPAddress.TryParse(ip.ToString(), out var address))
                ctx.Connection.RemoteIpAddress = address;
            await nextMw(ctx);
        });
        next(app);
    };
}

/// <summary>The real host (Program → BotHost) with test doubles for the network edges and the handler.</summary>
public sealed class BotAppFactory : WebApplicationFactory<Program>
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    private readonly string _stateDir = Path.Combine(Path.GetTempPath(), "teamsplans-bot-tests", Guid.NewGuid().ToString("N"));

    public BotAppFactory(string? appId = AppId, string appType = "MultiTenant", string? tenantId = null)
    {
        AppIdSetting = appId;
        AppType = appType;
        TenantIdSetting = tenantId;
        Time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Connector = new FakeConnector(Time);
    }

    public string? AppIdSetting { get; }
    public string AppType { get; }
    public string? TenantIdSetting { get; }
    public FakeTimeProvider Time { get; }
    public FakeOpenIdServer OpenId { get; } = new();
    public FakeConnector Connector { get; }
    public RecordingHandler Handler { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_stateDir);
        builder.UseSetting("Bot:MicrosoftAppId", AppIdSetting ?? "");
        builder.UseSetting("Bot:MicrosoftAppType", AppType);
        builder.UseSetting("Bot:MicrosoftAppTenantId", TenantIdSetting ?? "");
        builder.UseSetting("Bot:MicrosoftAppPassword", "");
        builder.UseSetting("Bot:OpenIdMetadataUrl", FakeOpenIdServer.BotFrameworkMetadataUrl);
        builder.UseSetting("Bot:EntraOpenIdMetadataUrl", FakeOpenIdServer.EntraMetadataUrl);
        builder.UseSetting("State:Provider", "sqlite");
        builder.UseSetting("State:ConnectionString", Path.Combine(_stateDir, "state.db"));
        builder.UseSetting("State:MigrateOnStartup", "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IActivityHandler>(Handler);
            services.AddSingleton<IBotTokenProvider>(new FixedTokenProvider(AppIdSetting is { Length: > 0 } ? "outbound-token" : null));
            services.AddHttpClient(BotAuthenticator.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => OpenId);
            services.AddHttpClient(HttpConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Connector);
            services.AddSingleton<IStartupFilter, RemoteIpStartupFilter>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_stateDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed class FixedTokenProvider(string? token) : IBotTokenProvider
{
    public int Calls;
    public Task<string?> GetTokenAsync(CancellationToken ct = default)
    {
        Interlocked.Increment(ref Calls);
        return Task.FromResult(token);
    }
}

/// <summary>Builds Bot Framework style tokens and activities.</summary>
public static class Tokens
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    public static string Create(TestSigningKey key, DateTimeOffset now, string? audience = BotAppFactory.AppId,
        string issuer = "https://api.botframework.com", string? serviceUrl = ServiceUrl,
        TimeSpan? notBeforeOffset = null, TimeSpan? lifetime = null, SecurityKey? signWith = null, string? kid = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null) claims["serviceurl"] = serviceUrl;
        var nbf = now + (notBeforeOffset ?? TimeSpan.FromMinutes(-1));
        var signingKey = signWith ?? key.SecurityKey;
        if (signingKey is RsaSecurityKey rsk) rsk.KeyId = kid ?? key.Kid;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = nbf.UtcDateTime,
            NotBefore = nbf.UtcDateTime,
            Expires = (nbf + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static Activity Message(string text = "hello", string channelId = "msteams", string serviceUrl = ServiceUrl, string type = ActivityTypes.Message) => new()
    {
        Type = type,
        Id = "inbound-" + Guid.NewGuid().ToString("N")[..8],
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = serviceUrl,
        ChannelId = channelId,
        From = new ChannelAccount { Id = "29:user-1", Name = "Nguyễn Tất Thành", AadObjectId = "00000000-0000-0000-0000-000000000101" },
        Recipient = new ChannelAccount { Id = "28:" + BotAppFactory.AppId, Name = "TeamsPlans" },
        Conversation = new ConversationAccount { Id = "a:1personal-chat", ConversationType = "personal", TenantId = BotAppFactory.TenantId },
        Locale = "vi-VN",
        Text = type == ActivityTypes.Message ? text : null,
    };

    public static HttpRequestMessage Post(Activity activity, string? authorization = null, string? remoteIp = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(BotJson.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (remoteIp is not null) request.Headers.Add("X-Test-Remote-Ip", remoteIp);
        return request;
    }
}
