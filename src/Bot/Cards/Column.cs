using System.Text.Json.Serialization;

namespace TeamsPlans.Bot.Cards;

public sealed class Column
{
    [JsonPropertyOrder(-10)] public string Type => "Column";
    /// <summary>"auto", "stretch" or a weight ("2").</summary>
    public string? Width { get; init; }
    public string? Spacing { get; init; }
    public string? VerticalContentAlignment { get; init; }
    public List<CardElement> Items { get; init; } = [];
}
