using System.Text.Json.Serialization;

namespace TeamsPlans.Bot.Cards;

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
