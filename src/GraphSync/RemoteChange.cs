namespace TeamsPlans.GraphSync;

/// <summary>A change made on the remote side (Planner) that TeamsPlans should take over (refresh the member's card).</summary>
public sealed record RemoteChange(
    string TenantId, string PlanId, string TaskKey, string? AssignmentId, string RemoteId, RemoteChangeKind Kind,
    int PercentComplete, DateTimeOffset? DueAt, string Title, IReadOnlyList<string> AssigneeIds);
