using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Cards;

/// <summary>
/// Typed Adaptive Card 1.5 model. Serialized by <see cref="AdaptiveJson"/> to the schema's names
/// ("type":"TextBlock", "Action.Execute", ...), nulls omitted, Vietnamese kept as UTF-8, properties in declaration order
/// ("type" first). Only the parts the bot uses are modelled; each property name is the schema's (camelCase).
/// </summary>
public sealed class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyOrder(-10)] public string Type => "AdaptiveCard";
    [JsonPropertyName("$schema")] public string? Schema { get; init; } = "http://adaptivecards.io/schemas/adaptive-card.json";
    public string Version { get; init; } = "1.5";
    public string? Lang { get; init; }
    public string? FallbackText { get; init; }
    public string? Speak { get; init; }
    public Refresh? Refresh { get; set; }
    public List<CardElement> Body { get; init; } = [];
    public List<CardAction>? Actions { get; set; }
    [JsonPropertyName("msteams")] public TeamsCardProperties? MsTeams { get; init; } = new();

    public string ToJson() => JsonSerializer.Serialize(this, AdaptiveJson.Options);
    public JsonObject ToJsonObject() => (JsonObject)JsonSerializer.SerializeToNode(this, AdaptiveJson.Options)!;
    /// <summary>UTF-8 size of the JSON, what Teams counts against its ~28-40 KB message limit.</summary>
    public int SizeInBytes() => System.Text.Encoding.UTF8.GetByteCount(ToJson());
    /// <summary>Size of the JSON as Teams counts a message against its limit: UTF-16 code units × 2.</summary>
    public int SizeInUtf16Bytes() => ToJson().Length * 2;

    /// <summary>The card as a Bot Framework attachment (contentType application/vnd.microsoft.card.adaptive).</summary>
    public Attachment ToAttachment() => new() { ContentType = ContentType, Content = ToJsonObject() };

    /// <summary>A message activity carrying the card, with <paramref name="text"/> above it and <paramref name="summary"/>
    /// (default: the fallback text) as the notification preview.</summary>
    public Activity ToMessage(string? summary = null, string? text = null)
    {
        var message = Activity.CreateMessage(text);
        message.Summary = summary ?? FallbackText;
        message.Attachments = [ToAttachment()];
        return message;
    }
}
