using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Cards;

/// <summary>Teams-specific card properties: width "Full" uses the whole message width.</summary>
public sealed class TeamsCardProperties
{
    public string? Width { get; init; } = "Full";
}
