using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage;

/// <summary>One duty given to one assignee. MemberAadObjectId is null until the assignee is resolved to a person.</summary>
public sealed record AssignmentRecord(
    string TenantId, string AssignmentId, string PlanId, int Ordinal, Assignee Assignee, string Duty,
    IReadOnlyList<Deadline> Deadlines, string? MemberAadObjectId, AssignmentState State, DateTimeOffset UpdatedAt)
{
    /// <summary>Where the member's card was posted, for updates (activity id / conversation id).</summary>
    public string? CardActivityId { get; init; }
    public string? CardConversationId { get; init; }
}
