using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Bot.Tests.Protocol;
using TeamsPlans.Bot.Tests.Ship;

namespace TeamsPlans.Bot.Tests.Security;

/// <summary>Issue 13 item 6 through the real host: body cap, log injection, echo cap, /healthz exposure.</summary>
public sealed class EndpointHardeningTests : IDisposable
{
    private readonly BotAppFactory _factory = new();
    private readonly TestSigningKey _key = new("key-1", "msteams");
    private readonly CapturingLoggerProvider _logs = new();
    private readonly WebApplicationFactory<Program> _app;
    private readonly HttpClient _client;

    public EndpointHardeningTests()
    {
        _factory.OpenId.SetKeys("login.botframework.test", _key);
        _app = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs)));
        _client = _app.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
        _factory.Dispose();
    }

    private string Bearer => "Bearer " + Tokens.Create(_key, _factory.Time.GetUtcNow());

    private static HttpRequestMessage Raw(HttpContent content, string? authorization)
    {
        var r = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (authorization is not null) r.Headers.TryAddWithoutValidation("Authorization", authorization);
        return r;
    }

    private static string PaddedActivity(int bytes)
    {
        var a = Tokens.Message("x");
        var json = JsonNode.Parse(BotJson.Serialize(a))!.AsObject();
        json["text"] = new string('a', Math.Max(0, bytes - BotJson.Serialize(a).Length));
        return json.ToJsonString();
    }

    [Fact]
    public async Task A_body_over_one_MiB_is_413_with_a_json_error_and_never_reaches_the_bot()
    {
        using var response = await _client.SendAsync(Raw(new StringContent(PaddedActivity(2 * 1024 * 1024), Encoding.UTF8, "application/json"), Bearer));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("413", body["error"]!["code"]!.GetValue<string>());
        Assert.Contains("KB", body["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_factory.Handler.Received);
    }

    [Fact]
    public async Task A_chunked_body_without_length_is_counted_too()
    {
        var bytes = Encoding.UTF8.GetBytes(PaddedActivity(1024 * 1024 + 10));
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/json");
        using var request = Raw(content, Bearer);
        request.Headers.TransferEncodingChunked = true;
        content.Headers.ContentLength = null;
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_factory.Handler.Received);
    }

    [Fact]
    public async Task A_body_just_under_the_cap_is_accepted()
    {
        using var response = await _client.SendAsync(Raw(new StringContent(PaddedActivity(1024 * 1024 - 100), Encoding.UTF8, "application/json"), Bearer));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_factory.Handler.Received);
    }

    [Fact]
    public async Task The_cap_is_configurable()
    {
        using var small = _factory.WithWebHostBuilder(b => b.UseSetting("Security:MaxActivityBytes", "4096"));
        using var client = small.CreateClient();
        using var response = await client.SendAsync(Raw(new StringContent(PaddedActivity(8192), Encoding.UTF8, "application/json"), Bearer));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unauthenticated_issuer_with_newlines_is_logged_on_one_line_and_cut()
    {
        var forged = "https://evil.example.com/\r\n[Information] TeamsPlans: admin granted to attacker\n" + new string('Z', 5000);
        var token = Tokens.Create(_key, _factory.Time.GetUtcNow(), issuer: forged);
        using var response = await _client.SendAsync(Tokens.Post(Tokens.Message(), "Bearer " + token));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var rejected = _logs.Records.Where(r => r.Message.StartsWith("Rejected 401", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rejected);
        foreach (var r in rejected)
        {
            Assert.DoesNotContain("\r", r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", r.Message, StringComparison.Ordinal);
            foreach (var (_, v) in r.State) Assert.False(v?.Contains('\n') == true || v?.Contains('\r') == true, v);
            Assert.True(r.Message.Length < 600, $"log message of {r.Message.Length} chars");
        }
    }

    [Fact]
    public async Task Activity_fields_in_the_log_scope_are_sanitized()
    {
        var a = Tokens.Message();
        a.Id = "id-1\nFAKE LOG LINE";
        using var response = await _client.SendAsync(Tokens.Post(a, Bearer));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scope = _logs.Records.Where(r => r.Message == "scope").SelectMany(r => r.State).Where(kv => kv.Key == "ActivityId").ToList();
        Assert.NotEmpty(scope);
        Assert.All(scope, kv => Assert.DoesNotContain("\n", kv.Value!, StringComparison.Ordinal));
    }
}

/// <summary>/healthz: a bare liveness answer for anyone; the detail for loopback callers or the configured key.</summary>
public sealed class HealthExposureTests : IDisposable
{
    private readonly BotAppFactory _factory = new();
    private readonly WebApplicationFactory<Program> _app;
    private readonly HttpClient _client;

    public HealthExposureTests()
    {
        _app = _factory.WithWebHostBuilder(b => b.UseSetting("Security:HealthKey", "s3cret-health-key"));
        _client = _app.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
        _factory.Dispose();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(string? remoteIp, string? key = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        if (remoteIp is not null) request.Headers.Add("X-Test-Remote-Ip", remoteIp);
        if (key is not null) request.Headers.Add("X-Health-Key", key);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await _client.SendAsync(request);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Theory]
    [InlineData("203.0.113.9", null)]
    [InlineData("10.0.0.4", "wrong-key")]
    [InlineData(null, null)]
    public async Task Anonymous_callers_get_a_bare_liveness_answer(string? ip, string? key)
    {
        var (status, body) = await GetAsync(ip, key);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["status"], body.Select(p => p.Key));
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.DoesNotContain("mode", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forwarded_request_through_a_local_proxy_is_not_loopback()
    {
        var (_, body) = await GetAsync("127.0.0.1", forwardedFor: "203.0.113.9");
        Assert.Null(body["checks"]);
    }

    [Fact]
    public async Task Loopback_callers_get_the_detail()
    {
        var (status, body) = await GetAsync("127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["bot", "graph", "state"], body["checks"]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public async Task The_health_key_unlocks_the_detail_from_anywhere()
    {
        var (_, body) = await GetAsync("203.0.113.9", "s3cret-health-key");
        Assert.NotNull(body["checks"]);
    }
}

/// <summary>Replies quoting what the sender typed stay short.</summary>
public sealed class EchoCapTests
{
    [Fact]
    public async Task A_not_found_reply_quotes_at_most_80_characters_of_the_argument()
    {
        await using var h = await BotHarness.StartAsync();
        await h.InstallAsync(BotHarness.Hung);
        var before = h.Connector.Posts.Count;
        var arg = string.Concat(Enumerable.Range(0, 300).Select(i => $"Q{i:000}"));   // 1 200 characters, no plan has this number
        await h.SayAsync(BotHarness.Hung, "trạng thái " + arg);
        var replies = h.Connector.Posts.Skip(before).Select(p => p.Body.ToJsonString()).ToList();
        var reply = Assert.Single(replies);
        Assert.True(reply.Contains(arg[..40], StringComparison.Ordinal), reply);
        Assert.DoesNotContain(arg[..100], reply, StringComparison.Ordinal);
        Assert.True(reply.Contains('…', StringComparison.Ordinal) || reply.Contains("\\u2026", StringComparison.Ordinal), reply);
        Assert.True(reply.Length < 6000, $"reply of {reply.Length} chars for {arg.Length} typed");
    }
}
