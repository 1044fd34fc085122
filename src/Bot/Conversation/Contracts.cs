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

/// <summary>Outcome of sending a plan's assignment cards (or reminders).</summary>
public sealed record PublishResult(int Sent, int AlreadySent, int Unresolved, int Failed, IReadOnlyList<string> Errors)
{
    /// <summary>Items accepted for later delivery (durable queue implementations); 0 for direct sends.</summary>
    public int Queued { get; init; }
}

/// <summary>
/// Sends each resolved assignee of a published plan their assignment card. <see cref="DirectAssignmentPublisher"/>
/// sends immediately through the Bot Connector; the delivery pipeline may register a durable-queue implementation
/// (registered before or after AddTeamsPlansConversation, it wins). Must be idempotent: assignments whose card was
/// already posted (CardActivityId set) are not sent again.
/// </summary>
public interface IAssignmentPublisher
{
    Task<PublishResult> PublishAsync(string tenantId, string planId, CancellationToken ct);
}

/// <summary>What a resend did: deliveries put back in the queue, members who blocked the bot (never resent), and the
/// plan's delivery summary afterwards ("đã gửi 120, đang chờ 2, bị chặn 1").</summary>
public sealed record ResendResult(int Resent, int Blocked, string Summary);

/// <summary>
/// A plan's proactive deliveries as a principal sees them (the durable delivery queue): how many failed or reached a
/// member who blocked the bot, and sending the failed ones again on request.
/// </summary>
public interface IPlanDeliveries
{
    /// <summary>Per plan: deliveries that failed, and those to members who blocked the bot (plans without any are left out).</summary>
    Task<IReadOnlyDictionary<string, (int Failed, int Blocked)>> ProblemsAsync(string tenantId, IReadOnlyCollection<string> planIds,
        CancellationToken ct);
    Task<ResendResult> ResendFailedDeliveriesAsync(string tenantId, string planId, bool english, CancellationToken ct);

    /// <summary>The same for several plans at once, by plan id (the queue's implementation reads a fixed number of times).</summary>
    async Task<IReadOnlyDictionary<string, ResendResult>> ResendFailedDeliveriesAsync(string tenantId, IReadOnlyList<string> planIds, bool english,
        CancellationToken ct)
    {
        var results = new Dictionary<string, ResendResult>(StringComparer.Ordinal);
        foreach (var planId in planIds) results[planId] = await ResendFailedDeliveriesAsync(tenantId, planId, english, ct).ConfigureAwait(false);
        return results;
    }
}

/// <summary>Sends a reminder (with the current assignment card) to the assignees of a plan who have not acknowledged.</summary>
internal interface IPlanReminderSender
{
    Task<PublishResult> RemindAsync(string tenantId, string planId, CancellationToken ct);
}

/// <summary>Reads a plan document (.txt, .md, .docx, .pdf) into a <see cref="PlanDocument"/>.</summary>
public interface IPlanDocumentReader
{
    /// <param name="name">The file name: its extension chooses the reader.</param>
    Task<PlanDocument> ReadAsync(Stream content, string name, CancellationToken ct);
}
