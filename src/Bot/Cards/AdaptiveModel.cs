using System.Text.Encodings.Web;
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

/// <summary>Teams-specific card properties: width "Full" uses the whole message width.</summary>
public sealed class TeamsCardProperties
{
    public string? Width { get; init; } = "Full";
}

/// <summary>Universal Actions refresh: the action Teams invokes when one of <see cref="UserIds"/> views the card.</summary>
public sealed class Refresh
{
    /// <summary>An Action.Execute (declared as the base type so the "type" discriminator is written).</summary>
    public required CardAction Action { get; init; }
    /// <summary>Teams user MRIs ("29:..."), at most 60.</summary>
    public List<string>? UserIds { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
public abstract class CardElement
{
    [JsonPropertyOrder(-5)] public string? Id { get; init; }
    /// <summary>"none", "small", "default", "medium", "large", "extraLarge", "padding".</summary>
    public string? Spacing { get; init; }
    public bool? Separator { get; init; }
    public bool? IsVisible { get; init; }
}

internal sealed class TextBlock : CardElement
{
    public TextBlock() { }
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public TextBlock(string text) { Text = text; }

    public required string Text { get; init; }
    public bool? Wrap { get; init; } = true;
    /// <summary>"lighter", "default", "bolder".</summary>
    public string? Weight { get; init; }
    /// <summary>"small", "default", "medium", "large", "extraLarge".</summary>
    public string? Size { get; init; }
    /// <summary>"default", "dark", "light", "accent", "good", "warning", "attention".</summary>
    public string? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }
    /// <summary>"heading" for headings (accessibility).</summary>
    public string? Style { get; init; }
}

internal sealed class RichTextBlock : CardElement
{
    public List<TextRun> Inlines { get; init; } = [];
}

internal sealed class TextRun
{
    [JsonPropertyOrder(-10)] public string Type => "TextRun";
    public required string Text { get; init; }
    public string? Weight { get; init; }
    public string? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public bool? Italic { get; init; }
}

internal sealed class Container : CardElement
{
    public List<CardElement> Items { get; init; } = [];
    /// <summary>"default", "emphasis", "good", "attention", "warning", "accent".</summary>
    public string? Style { get; init; }
    public bool? Bleed { get; init; }
}

internal sealed class ColumnSet : CardElement
{
    public List<Column> Columns { get; init; } = [];
}

public sealed class Column
{
    [JsonPropertyOrder(-10)] public string Type => "Column";
    /// <summary>"auto", "stretch" or a weight ("2").</summary>
    public string? Width { get; init; }
    public string? Spacing { get; init; }
    public string? VerticalContentAlignment { get; init; }
    public List<CardElement> Items { get; init; } = [];
}

internal sealed class FactSet : CardElement
{
    public List<Fact> Facts { get; init; } = [];
}

internal sealed record Fact(string Title, string Value);

internal sealed class Image : CardElement
{
    public required string Url { get; init; }
    public string? AltText { get; init; }
    /// <summary>"auto", "stretch", "small", "medium", "large".</summary>
    public string? Size { get; init; }
}

internal sealed class ActionSet : CardElement
{
    public List<CardAction> Actions { get; init; } = [];
}

internal abstract class InputElement : CardElement
{
    public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

internal sealed class TextInput : InputElement
{
    public string? Placeholder { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public string? Value { get; init; }
    /// <summary>"text", "tel", "url", "email" (Adaptive Cards 1.5 Input.Text style).</summary>
    public string? Style { get; init; }
}

internal sealed class ChoiceSetInput : InputElement
{
    public List<Choice> Choices { get; init; } = [];
    public string? Value { get; init; }
    /// <summary>"compact" (drop-down), "expanded" (radio buttons), "filtered" (type-ahead).</summary>
    public string? Style { get; init; }
    public string? Placeholder { get; init; }
    public bool? IsMultiSelect { get; init; }
}

internal sealed record Choice(string Title, string Value);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract class CardAction
{
    [JsonPropertyOrder(-5)] public string? Id { get; init; }
    [JsonPropertyOrder(-4)] public string? Title { get; init; }
    /// <summary>"default", "positive", "destructive".</summary>
    public string? Style { get; init; }
    public string? Tooltip { get; init; }
}

/// <summary>
/// Universal Action: Teams sends an invoke "adaptiveCard/action" with { action: { verb, data } } and shows the card
/// the bot answers with. <see cref="Fallback"/> is an <see cref="SubmitAction"/> for clients without Universal Actions
/// (Microsoft's backward-compatibility guidance); that one arrives as a message activity whose value is its data.
/// </summary>
internal sealed class ExecuteAction : CardAction
{
    public string? Verb { get; init; }
    public JsonObject? Data { get; init; }
    /// <summary>"auto" (inputs in the action's scope) or "none".</summary>
    public string? AssociatedInputs { get; init; }
    public CardAction? Fallback { get; init; }
}

internal sealed class SubmitAction : CardAction
{
    public JsonObject? Data { get; init; }
    public string? AssociatedInputs { get; init; }
}

internal sealed class OpenUrlAction : CardAction
{
    public required string Url { get; init; }
}

internal sealed class ShowCardAction : CardAction
{
    public required AdaptiveCard Card { get; init; }
}

/// <summary>Serializer options for cards.</summary>
internal static class AdaptiveJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = false,
        };
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
