using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Conversation;

/// <summary>An assignment state change made from a card (or its Action.Submit fallback).</summary>
internal sealed record AssignmentChange(
    string TenantId, string AssignmentId, string PlanId, string ActorAadObjectId, AssignmentAction Action,
    AssignmentState Before, AssignmentRecord After, DateTimeOffset At);

/// <summary>
/// Told about every persisted assignment change (after the store accepted it). The Planner/Graph sync plugs in here.
/// All registered sinks are called (IEnumerable&lt;IAssignmentChangeSink&gt;; none registered = nothing happens);
/// a sink that throws is logged and does not undo the change.
/// </summary>
internal interface IAssignmentChangeSink
{
    Task OnAssignmentChangedAsync(AssignmentChange change, CancellationToken ct);
}

/// <summary>Sends a reminder (with the current assignment card) to the assignees of a plan who have not acknowledged.</summary>
internal interface IPlanReminderSender
{
    Task<PublishResult> RemindAsync(string tenantId, string planId, CancellationToken ct);
}
