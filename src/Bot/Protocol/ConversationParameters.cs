using System.Text.Json.Nodes;

namespace TeamsPlans.Bot.Protocol;

public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public JsonObject? ChannelData { get; set; }
    public Activity? Activity { get; set; }
}
