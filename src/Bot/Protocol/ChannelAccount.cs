using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPlans.Bot.Protocol;

/// <summary>A channel account (user or bot). In Teams, <see cref="AadObjectId"/> is the Entra object id of a user.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
