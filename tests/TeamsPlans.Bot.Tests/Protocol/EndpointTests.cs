using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Tests.Protocol;

/// <summary>POST /api/messages dispatch (local mode from loopback, so no token is needed here).</summary>
public sealed class EndpointTests : IDisposable
{
    private readonly BotAppFactory _factory = new(appId: null);
    private readonly HttpClient _client;

    public EndpointTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Theory]
    [InlineData(ActivityTypes.Message)]
    [InlineData(ActivityTypes.ConversationUpdate)]
    [InlineData(ActivityTypes.InstallationUpdate)]
    [InlineData(ActivityTypes.Invoke)]
    [InlineData(ActivityTypes.MessageReaction)]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.Event)]
    public async Task Every_activity_type_reaches_the_handler(string type)
    {
        var activity = Tokens.Message(type: type);
        activity.Name = type == ActivityTypes.Invoke ? "adaptiveCard/action" : null;
        using var response = await _client.SendAsync(Tokens.Post(activity, remoteIp: "127.0.0.1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(_factory.Handler.Received);
        Assert.Equal(type, received.Type);
        Assert.Equal(activity.Id, received.Id);
        Assert.Equal(BotAppFactory.TenantId, received.TenantId);
        var body = await response.Content.ReadAsStringAsync();
        if (type == ActivityTypes.Invoke)
            Assert.Equal("adaptiveCard/action", JsonNode.Parse(body)!["ok"]!.GetValue<string>());
        else
            Assert.Equal("", body);
    }

    [Fact]
    public async Task Invoke_response_status_and_body_are_the_http_response()
    {
        _factory.Handler.Invoke = _ => new InvokeResponse(200, new JsonObject
        {
            ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.card.adaptive",
            ["value"] = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Đã xác nhận" }) },
        });
        var invoke = Tokens.Message(type: ActivityTypes.Invoke);
        invoke.Name = "adaptiveCard/action";
        invoke.Value = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"ack"}}""");
        using var response = await _client.SendAsync(Tokens.Post(invoke, remoteIp: "127.0.0.1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Đã xác nhận", text);
        Assert.Equal("ack", Assert.Single(_factory.Handler.Received).Value!["action"]!["verb"]!.GetValue<string>());

        _factory.Handler.Invoke = _ => new InvokeResponse(400, new JsonObject { ["statusCode"] = 400, ["value"] = "bad" });
        using var bad = await _client.SendAsync(Tokens.Post(invoke, remoteIp: "127.0.0.1"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        _factory.Handler.Invoke = _ => null;
        using var none = await _client.SendAsync(Tokens.Post(invoke, remoteIp: "127.0.0.1"));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
    }

    [Fact]
    public async Task Message_reply_goes_to_the_same_conversation_through_the_connector()
    {
        var inbound = Tokens.Message("xin chào");
        using var response = await _client.SendAsync(Tokens.Post(inbound, remoteIp: "127.0.0.1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var call = Assert.Single(_factory.Connector.CallList);
        Assert.Equal(HttpMethod.Post, call.Method);
        Assert.Equal($"/amer/v3/conversations/a%3A1personal-chat/activities/{inbound.Id}", call.Path);
        var sent = BotJson.Deserialize<Activity>(call.Body!)!;
        Assert.Equal("Bạn đã gửi: xin chào", sent.Text);
        Assert.Equal(inbound.Recipient!.Id, sent.From!.Id);
        Assert.Equal(inbound.From!.Id, sent.Recipient!.Id);
        Assert.Equal("a:1personal-chat", sent.Conversation!.Id);
        Assert.Equal(inbound.Id, sent.ReplyToId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("[]")]
    public async Task Bad_body_is_400_with_a_bilingual_error(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Test-Remote-Ip", "127.0.0.1");
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("hoạt động", text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_factory.Handler.Received);
    }

    [Fact]
    public async Task Handler_failure_on_an_invoke_still_answers_a_well_formed_Universal_Actions_error_and_the_host_keeps_serving()
    {
        _factory.Handler.Invoke = _ => throw new InvalidOperationException("boom");
        var invoke = Tokens.Message(type: ActivityTypes.Invoke);
        using var failed = await _client.SendAsync(Tokens.Post(invoke, remoteIp: "127.0.0.1"));
        // Universal Actions response format: { statusCode, type: application/vnd.microsoft.error, value: { code, message } }.
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await failed.Content.ReadAsStringAsync())!;
        Assert.Equal(500, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["value"]!["message"]!.GetValue<string>()));
        Assert.DoesNotContain("boom", body.ToJsonString(), StringComparison.Ordinal); // no internals leak

        using var ok = await _client.SendAsync(Tokens.Post(Tokens.Message(), remoteIp: "127.0.0.1"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Turn_update_replaces_a_sent_activity()
    {
        var connector = new HttpConnectorClientProbe(_factory);
        var turn = new TurnContext(Tokens.Message(), connector.Client);
        var sent = await turn.SendAsync(Activity.CreateMessage("v1"));
        await turn.UpdateAsync(sent.Id!, Activity.CreateMessage("v2"));
        var calls = _factory.Connector.CallList;
        Assert.Equal(HttpMethod.Put, calls[1].Method);
        Assert.EndsWith($"/activities/{sent.Id}", calls[1].Path);
        Assert.Contains("\"v2\"", calls[1].Body);
        Assert.Single(turn.Sent);
    }

    private sealed class HttpConnectorClientProbe(BotAppFactory factory)
    {
        public IConnectorClient Client => (IConnectorClient)factory.Services.GetService(typeof(IConnectorClient))!;
    }
}
