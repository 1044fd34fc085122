namespace TeamsPlans.Bot.Conversation;

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
