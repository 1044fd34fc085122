using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Cards;

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
