using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPlans.Bot.Protocol;

/// <summary>
/// Teams refuses a message over its size limit with 413 MessageSizeTooBig, counting the whole activity in UTF-16
/// (msteams-docs, "Messages in bot conversations", Status code responses). Cards are fitted before they are sent
/// (Cards/PlanCards.Fit); this is the last line: an activity over the budget, or refused with 413, is replaced by a compact
/// card that names what it was about, says why, and keeps the links (Action.OpenUrl) of the original to the full view.
/// </summary>
internal static class OversizeMessage
{
    public const string CompactMarker = "teamsplans-compact";
    private const string AdaptiveContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>UTF-16 bytes of the activity's JSON as it goes on the wire (what Teams counts).</summary>
    public static int Utf16Bytes(string json) => json.Length * 2;

    public static bool IsCompact(Activity activity) =>
        activity.Attachments is [{ Content: JsonObject c }] && c["id"]?.GetValue<string>() == CompactMarker;

    /// <summary>The compact replacement of <paramref name="original"/> (same conversation fields, one small card).</summary>
    public static Activity Compact(Activity original, int utf16Bytes)
    {
        var card = original.Attachments?.FirstOrDefault(a => a.ContentType == AdaptiveContentType)?.Content as JsonObject;
        var title = Clip(Str(card, "fallbackText") ?? original.Summary ?? original.Text ?? "TeamsPlans", 200);
        var vi = Str(card, "lang") != "en";
        var texts = OversizeTexts.For(vi);
        var kb = (utf16Bytes / 1024).ToString(CultureInfo.InvariantCulture);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "bolder", ["size"] = "medium", ["wrap"] = true },
            new JsonObject
            {
                ["type"] = "TextBlock", ["wrap"] = true,
                ["text"] = texts.TooLong(kb),
            },
        };
        var links = new JsonArray();
        foreach (var url in Links(card).Distinct(StringComparer.Ordinal).Take(3))
            links.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = texts.OpenFull, ["url"] = url });
        var compact = new JsonObject
        {
            ["type"] = "AdaptiveCard", ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json", ["version"] = "1.5",
            ["id"] = CompactMarker, ["lang"] = texts.Lang, ["fallbackText"] = title, ["body"] = body,
        };
        if (links.Count > 0) compact["actions"] = links;
        return new Activity
        {
            Type = original.Type, Id = original.Id, From = original.From, Recipient = original.Recipient, Conversation = original.Conversation,
            ChannelId = original.ChannelId, ServiceUrl = original.ServiceUrl, Locale = original.Locale, ReplyToId = original.ReplyToId,
            ChannelData = original.ChannelData?.DeepClone() as JsonObject, Summary = title,
            Attachments = [new Attachment { ContentType = AdaptiveContentType, Content = compact }],
        };
    }

    /// <summary>Every Action.OpenUrl target of the card (anywhere in it): the document, the plan in SharePoint, …</summary>
    private static IEnumerable<string> Links(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            if (Str(o, "type") == "Action.OpenUrl" && Str(o, "url") is { } url && url.Length <= 2048
                && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps)
                yield return url;
            foreach (var (_, v) in o) foreach (var x in Links(v)) yield return x;
        }
        else if (node is JsonArray a)
        {
            foreach (var v in a) foreach (var x in Links(v)) yield return x;
        }
    }

    private static string? Str(JsonObject? o, string name) =>
        o?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
