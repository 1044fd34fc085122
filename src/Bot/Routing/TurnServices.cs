namespace TeamsPlans.Bot.Routing;

/// <summary>What the router needs for its once-per-turn work: tenant policy, member lookup, clock, logging.</summary>
internal sealed class TurnServices(IStateStore store, MemberDirectory directory, ConversationOptions options, TenantPolicy tenants,
    TimeProvider time, ILogger<ActivityRouter> logger)
{
    public IStateStore Store { get; } = store;
    public MemberDirectory Directory { get; } = directory;
    public ConversationOptions Options { get; } = options;
    public TenantPolicy Tenants { get; } = tenants;
    public TimeProvider Time { get; } = time;
    public ILogger<ActivityRouter> Logger { get; } = logger;
}
