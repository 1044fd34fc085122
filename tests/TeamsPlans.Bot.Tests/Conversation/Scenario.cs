using System.Net;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>Shared steps of the conversation tests: seed plan 001 (82/KH-THPT BK) imported and published in a tenant.</summary>
public static class Scenario
{
    public const string Plan82 = "kh-82-kh-thpt-bk";

    public static string Json(JsonNode n) => n.ToJsonString(AdaptiveJson.Options);

    public static IEnumerable<JsonObject> Objects(JsonNode? n)
    {
        if (n is JsonObject o) { yield return o; foreach (var (_, v) in o) foreach (var x in Objects(v)) yield return x; }
        else if (n is JsonArray a) foreach (var x in a) foreach (var y in Objects(x)) yield return y;
    }

    public static JsonObject ActionData(JsonObject card, string verb) =>
        Objects(card).First(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)["data"]!.DeepClone().AsObject();

    public static JsonObject AssignmentCardOf(BotHarness h, TestUser u) =>
        h.Connector.CardsIn(u.Conversation).Last(c => Objects(c).Any(o => o["verb"]?.GetValue<string>() == "refresh"));

    /// <summary>
    /// In <paramref name="tenant"/>: Hưng (principal), Thành, Lan and Cúc install; Hưng imports plan 001 and publishes it with
    /// the third duty mapped to <paramref name="thirdDutyTo"/> (Cúc by default).
    /// </summary>
    public static async Task PublishAsync(BotHarness h, string? tenant = null, TestUser? thirdDutyTo = null)
    {
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u, tenant);
        await h.SayAsync(Hung, "nhập kế hoạch 001", tenant);
        var preview = h.Connector.CardsIn(Hung.Conversation).Last();
        var data = ActionData(preview, "publish");
        data[CardVerbs.MapInputPrefix + Plan82 + "-a3"] = (thirdDutyTo ?? Cuc).Aad;
        var (status, body) = await h.InvokeAsync(Hung, "publish", data, tenant);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
    }
}
