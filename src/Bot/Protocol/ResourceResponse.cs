namespace TeamsPlans.Bot.Protocol;

public sealed class ResourceResponse
{
    public string? Id { get; set; }
}
