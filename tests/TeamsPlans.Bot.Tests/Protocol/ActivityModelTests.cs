using System.Text.Json.Nodes;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Tests.Protocol;

public sealed class ActivityModelTests
{
    private const string TeamsMessage = """
        {
          "type": "message", "id": "1700000000000", "timestamp": "2026-09-05T01:02:03.456Z",
          "localTimestamp": "2026-09-05T08:02:03.456+07:00", "localTimezone": "Asia/Ho_Chi_Minh",
          "serviceUrl": "https://smba.trafficmanager.net/apac/", "channelId": "msteams",
          "from": { "id": "29:1abc", "name": "Ngô Tấn Hưng", "aadObjectId": "00000000-0000-0000-0000-000000000100" },
          "conversation": { "conversationType": "personal", "tenantId": "tenant-1", "id": "a:1xyz" },
          "recipient": { "id": "28:bot-app-id", "name": "TeamsPlans" },
          "textFormat": "plain", "locale": "vi-VN", "text": "tình hình",
          "entities": [ { "type": "clientInfo", "locale": "vi-VN", "country": "VN", "platform": "Web", "timezone": "Asia/Saigon" } ],
          "channelData": { "tenant": { "id": "tenant-1" } },
          "attachments": [],
          "futureField": { "x": 1 }
        }
        """;

    [Fact]
    public void Teams_message_round_trips_with_unknown_fields_and_raw_vietnamese()
    {
        var a = BotJson.Deserialize<Activity>(TeamsMessage)!;
        Assert.Equal(ActivityTypes.Message, a.Type);
        Assert.Equal("tình hình", a.Text);
        Assert.Equal("00000000-0000-0000-0000-000000000100", a.From!.AadObjectId);
        Assert.Equal("tenant-1", a.TenantId);
        Assert.Equal("clientInfo", a.Entities![0]["type"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromHours(7), a.LocalTimestamp!.Value.Offset);

        var json = BotJson.Serialize(a);
        Assert.Contains("tình hình", json);
        Assert.Contains("Ngô Tấn Hưng", json);
        Assert.Contains("\"futureField\"", json);
        Assert.DoesNotContain("\\u", json);
    }

    [Fact]
    public void TenantId_falls_back_to_channelData_tenant()
    {
        var a = new Activity { Conversation = new ConversationAccount { Id = "c" }, ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "t-9" } } };
        Assert.Equal("t-9", a.TenantId);
        Assert.Null(new Activity().TenantId);
        Assert.Null(new Activity { ChannelData = new JsonObject { ["tenant"] = 5 } }.TenantId);
    }

    [Fact]
    public void CreateReply_swaps_from_and_recipient_and_keeps_the_conversation()
    {
        var a = BotJson.Deserialize<Activity>(TeamsMessage)!;
        var r = a.CreateReply("Đã nhận");
        Assert.Equal(ActivityTypes.Message, r.Type);
        Assert.Equal("28:bot-app-id", r.From!.Id);
        Assert.Equal("29:1abc", r.Recipient!.Id);
        Assert.Equal("a:1xyz", r.Conversation!.Id);
        Assert.Equal("tenant-1", r.Conversation.TenantId);
        Assert.Equal("1700000000000", r.ReplyToId);
        Assert.Equal(a.ServiceUrl, r.ServiceUrl);
        Assert.Equal("msteams", r.ChannelId);
        Assert.Equal("vi-VN", r.Locale);
        Assert.Equal("Đã nhận", r.Text);
    }

    [Fact]
    public void Invoke_value_and_attachment_content_stay_json()
    {
        var a = BotJson.Deserialize<Activity>("""
            {"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"ack","data":{"assignmentId":"A-1"}}},
             "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5"}}]}
            """)!;
        Assert.Equal("ack", a.Value!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", a.Attachments![0].Content!["type"]!.GetValue<string>());
        var response = BotJson.Serialize(new InvokeResponse(200, new JsonObject { ["statusCode"] = 200 }));
        Assert.Equal("""{"status":200,"body":{"statusCode":200}}""", response);
    }
}
