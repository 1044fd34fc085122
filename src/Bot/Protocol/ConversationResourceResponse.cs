namespace TeamsPlans.Bot.Protocol;

public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ActivityId { get; set; }
}
