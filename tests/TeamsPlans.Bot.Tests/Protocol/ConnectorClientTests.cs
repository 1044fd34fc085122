using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Tests.Protocol;

public sealed class ConnectorClientTests
{
    private const string ServiceUrl = "https://smba.test/amer/";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 5, 1, 0, 0, TimeSpan.Zero));
    private readonly FakeConnector _connector;

    public ConnectorClientTests() => _connector = new FakeConnector(_time);

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private HttpConnectorClient Client(int maxRetries = 3, IBotTokenProvider? tokens = null, string? appId = null)
    {
        var bot = new BotOptions { MicrosoftAppId = appId };
        return new HttpConnectorClient(new Factory(_connector),
            tokens ?? new MsalBotTokenProvider(Options.Create(bot), NullLogger<MsalBotTokenProvider>.Instance),
            Options.Create(bot), Options.Create(new ConnectorClientOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromMinutes(2) }),
            _time, NullLogger<HttpConnectorClient>.Instance);
    }

    /// <summary>Runs <paramref name="work"/> while moving the fake clock forward until it completes.</summary>
    private async Task<T> DriveAsync<T>(Task<T> work)
    {
        for (var i = 0; i < 10_000 && !work.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!work.IsCompleted) _time.Advance(TimeSpan.FromMilliseconds(500));
        }
        return await work;
    }

    [Fact]
    public async Task Send_reply_update_delete_use_the_v3_routes()
    {
        var client = Client();
        var activity = Activity.CreateMessage("Kế hoạch số 82/KH-THPT BK đã được giao");
        var sent = await client.SendToConversationAsync(ServiceUrl, "a:1chat", activity);
        var reply = await client.ReplyToActivityAsync(ServiceUrl, "19:abc@thread.tacv2;messageid=123", "123", Activity.CreateMessage("ok"));
        var updated = await client.UpdateActivityAsync(ServiceUrl, "a:1chat", sent.Id!, Activity.CreateMessage("Đã xác nhận"));
        await client.DeleteActivityAsync(ServiceUrl, "a:1chat", sent.Id!);

        Assert.Equal("activity-1", sent.Id);
        Assert.Equal("activity-2", reply.Id);
        Assert.Equal("activity-3", updated.Id);
        var calls = _connector.CallList;
        Assert.Equal(4, calls.Count);
        Assert.Equal((HttpMethod.Post, "/amer/v3/conversations/a%3A1chat/activities"), (calls[0].Method, calls[0].Path));
        Assert.Equal((HttpMethod.Post, "/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D123/activities/123"), (calls[1].Method, calls[1].Path));
        Assert.Equal((HttpMethod.Put, "/amer/v3/conversations/a%3A1chat/activities/activity-1"), (calls[2].Method, calls[2].Path));
        Assert.Equal((HttpMethod.Delete, "/amer/v3/conversations/a%3A1chat/activities/activity-1"), (calls[3].Method, calls[3].Path));
        // Vietnamese is sent as UTF-8 text, not \u escapes; nulls are omitted; the update names the activity id.
        Assert.Contains("Kế hoạch số 82/KH-THPT BK", calls[0].Body);
        Assert.DoesNotContain("null", calls[0].Body);
        Assert.Equal("activity-1", JsonNode.Parse(calls[2].Body!)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_conversation_and_members_with_aad_object_id()
    {
        _connector.Enqueue(HttpStatusCode.Created, """{"id":"a:1new-chat","activityId":"act-9","serviceUrl":"https://smba.test/amer/"}""");
        _connector.Enqueue(HttpStatusCode.OK, """
            [{"id":"29:1a","name":"Ngô Tấn Hưng","objectId":"00000000-0000-0000-0000-000000000100","userPrincipalName":"hung@school.edu.vn","email":"hung@school.edu.vn","tenantId":"t1","userRole":"user"},
             {"id":"29:1b","name":"Hồ Thị Thu Cúc","aadObjectId":"00000000-0000-0000-0000-000000000102"}]
            """);
        var client = Client();
        var created = await client.CreateConversationAsync(ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:1a" }],
            TenantId = "t1",
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "t1" } },
        });
        var members = await client.GetConversationMembersAsync(ServiceUrl, "19:team@thread.tacv2");

        Assert.Equal(("a:1new-chat", "act-9", "https://smba.test/amer/"), (created.Id, created.ActivityId, created.ServiceUrl));
        Assert.Equal(2, members.Count);
        Assert.Equal("00000000-0000-0000-0000-000000000100", members[0].AadObjectId);
        Assert.Equal("Ngô Tấn Hưng", members[0].Name);
        Assert.Equal("hung@school.edu.vn", members[0].Properties!["userPrincipalName"].GetString());
        // Teams names the Entra id "objectId" in the members API; both spellings end up in AadObjectId.
        Assert.Equal("00000000-0000-0000-0000-000000000102", members[1].AadObjectId);
        var calls = _connector.CallList;
        Assert.Equal((HttpMethod.Post, "/amer/v3/conversations"), (calls[0].Method, calls[0].Path));
        var body = JsonNode.Parse(calls[0].Body!)!;
        Assert.Equal("t1", body["tenantId"]!.GetValue<string>());
        Assert.Equal("29:1a", body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal((HttpMethod.Get, "/amer/v3/conversations/19%3Ateam%40thread.tacv2/members"), (calls[1].Method, calls[1].Path));
    }

    [Fact]
    public async Task Throttled_429_is_retried_after_Retry_After_seconds()
    {
        _connector.Enqueue(HttpStatusCode.TooManyRequests, """{"error":{"code":"Throttled"}}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));
        var result = await DriveAsync(Client().SendToConversationAsync(ServiceUrl, "a:1chat", Activity.CreateMessage("x")));

        Assert.Equal("activity-1", result.Id);
        var calls = _connector.CallList;
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(7), $"retried after {calls[1].At - calls[0].At}");
    }

    [Fact]
    public async Task Throttled_429_with_http_date_Retry_After_waits_until_that_date()
    {
        var until = _time.GetUtcNow().AddSeconds(30);
        _connector.Enqueue(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(until));
        await DriveAsync(Client().SendToConversationAsync(ServiceUrl, "a:1chat", Activity.CreateMessage("x")));

        var calls = _connector.CallList;
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At >= until.AddSeconds(-1), $"retried at {calls[1].At:o}, Retry-After {until:o}");
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    public async Task Transient_errors_are_retried_with_backoff(HttpStatusCode status)
    {
        _connector.Enqueue(status);
        _connector.Enqueue(status);
        var result = await DriveAsync(Client().SendToConversationAsync(ServiceUrl, "a:1chat", Activity.CreateMessage("x")));
        Assert.Equal("activity-1", result.Id);
        var calls = _connector.CallList;
        Assert.Equal(3, calls.Count);
        // Exponential: the second wait (base 2 s) is at least the base and follows the first (base 1 s).
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1));
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Retries_stop_at_MaxRetries()
    {
        for (var i = 0; i < 5; i++) _connector.Enqueue(HttpStatusCode.ServiceUnavailable);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => DriveAsync(Client(maxRetries: 2).SendToConversationAsync(ServiceUrl, "a:1chat", Activity.CreateMessage("x"))));
        Assert.Equal(503, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Equal(3, _connector.CallList.Count);
    }

    [Fact]
    public async Task MaxRetries_zero_surfaces_429_with_RetryAfter_to_the_caller()
    {
        _connector.Enqueue(HttpStatusCode.TooManyRequests, null, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(12)));
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client(maxRetries: 0).SendToConversationAsync(ServiceUrl, "a:1chat", Activity.CreateMessage("x")));
        Assert.True(ex.IsThrottled);
        Assert.Equal(TimeSpan.FromSeconds(12), ex.RetryAfter);
        Assert.Single(_connector.CallList);
    }

    [Theory]
    [InlineData("""{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""", "ConversationBlockedByUser")]
    [InlineData("""{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\",\r\n  \"errorCode\": null,\r\n  \"errorSubCode\": null\r\n}"}""", "MessageWritesBlocked")]
    [InlineData("""{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked from message writes."}}""", "MessageWritesBlocked")]
    public async Task Forbidden_blocked_by_user_is_flagged(string body, string code)
    {
        _connector.Enqueue(HttpStatusCode.Forbidden, body);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync(ServiceUrl, "a:1chat", Activity.CreateMessage("x")));
        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        Assert.True(ex.IsMessageWritesBlocked);
        Assert.False(ex.IsTransient);
        Assert.Single(_connector.CallList); // never retried
    }

    [Fact]
    public async Task Other_forbidden_is_not_blocked()
    {
        _connector.Enqueue(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync(ServiceUrl, "a:1chat", Activity.CreateMessage("x")));
        Assert.Equal("BotNotInConversationRoster", ex.ErrorCode);
        Assert.False(ex.IsMessageWritesBlocked);
    }

    [Fact]
    public async Task Not_found_is_not_retried()
    {
        _connector.Enqueue(HttpStatusCode.NotFound, """{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""");
        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client().UpdateActivityAsync(ServiceUrl, "a:1chat", "x", Activity.CreateMessage("x")));
        Assert.True(ex.IsNotFound);
        Assert.Equal("ConversationNotFound", ex.ErrorCode);
        Assert.Single(_connector.CallList);
    }

    [Fact]
    public async Task Token_is_attached_when_configured()
    {
        var tokens = new FixedTokenProvider("eyJ.test.token");
        await Client(tokens: tokens, appId: "app-id").SendToConversationAsync(ServiceUrl, "a:1chat", Activity.CreateMessage("x"));
        Assert.Equal("Bearer eyJ.test.token", Assert.Single(_connector.CallList).Authorization);
    }

    [Fact]
    public async Task Token_is_never_sent_to_plain_http()
    {
        var tokens = new FixedTokenProvider("eyJ.test.token");
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client(tokens: tokens, appId: "app-id").SendToConversationAsync("http://smba.test/amer/", "a:1chat", Activity.CreateMessage("x")));
        Assert.Equal("InsecureServiceUrl", ex.ErrorCode);
        Assert.Empty(_connector.CallList);
    }

    [Fact]
    public async Task Local_mode_sends_no_authorization_header_even_over_http()
    {
        await Client().SendToConversationAsync("http://127.0.0.1:56150/_connector", "a:1chat", Activity.CreateMessage("x"));
        var call = Assert.Single(_connector.CallList);
        Assert.Null(call.Authorization);
        Assert.Equal("/_connector/v3/conversations/a%3A1chat/activities", call.Path);
    }

    [Fact]
    public async Task Invalid_service_url_is_a_clear_error()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Client().SendToConversationAsync("ftp://x", "a:1chat", Activity.CreateMessage("x")));
        Assert.Contains("serviceUrl", ex.Message);
    }
}
