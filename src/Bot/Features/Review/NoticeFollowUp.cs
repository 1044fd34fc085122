using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// The queued <see cref="DeliveryKinds.Notice"/> of a card action (reassignment, correction, withdrawal): one connector call
/// per item, so a retry repeats only what failed — the prebuilt card put in place of the posted one (an idempotent PUT), or
/// the one-line message. Queued by <see cref="ProactiveCards.ReplaceAssignmentCardAsync"/> and <see cref="ProactiveCards.TellAsync"/>.
/// </summary>
internal sealed class NoticeFollowUp(IStateStore store, [FromKeyedServices(DeliveryProcessor.ConnectorServiceKey)] IConnectorClient connector,
    ILogger<NoticeFollowUp> logger) : IDeliveryFollowUp
{
    public string Kind => DeliveryKinds.Notice;

    public async Task<string?> RunAsync(WorkItem item, DeliveryPayload payload, CancellationToken ct)
    {
        var reference = await store.Conversations.GetAsync(item.TenantId, payload.MemberAadObjectId, ct).ConfigureAwait(false);
        if (reference is null || reference.Blocked) return "member not reachable";
        if (payload.CardJson is not null && payload.ConversationId is { } conversationId && payload.ActivityId is { } activityId)
        {
            var card = DeliveryContent.Prebuilt(payload.CardJson, payload.Title);
            await connector.UpdateActivityAsync(reference.ServiceUrl, conversationId, activityId, card, ct).ConfigureAwait(false);
            logger.LogInformation("Card {ActivityId} of {AadObjectId} in {TenantId} replaced after a card action", activityId,
                payload.MemberAadObjectId, item.TenantId);
            return null;
        }
        if (string.IsNullOrWhiteSpace(payload.Title)) return "empty notice";
        await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, Activity.CreateMessage(payload.Title), ct)
            .ConfigureAwait(false);
        logger.LogInformation("Notice to {AadObjectId} in {TenantId} sent after a card action", payload.MemberAadObjectId, item.TenantId);
        return null;
    }
}
