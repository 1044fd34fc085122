using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// The queued <see cref="DeliveryKinds.CardUpdate"/>: the member's posted assignment card is updated in place with the
/// state it has when the queue gets to it (review state, reports, official state: <see cref="AssignmentCardFactory"/>).
/// </summary>
internal sealed class CardRefreshFollowUp(IStateStore store, [FromKeyedServices(DeliveryProcessor.ConnectorServiceKey)] IConnectorClient connector,
    AssignmentCardFactory cards, ILogger<CardRefreshFollowUp> logger) : IDeliveryFollowUp
{
    public string Kind => DeliveryKinds.CardUpdate;

    public async Task<string?> RunAsync(WorkItem item, DeliveryPayload payload, CancellationToken ct)
    {
        if (payload.PlanId is null || payload.AssignmentId is null) return "no assignment";
        var a = await store.Assignments.GetAsync(item.TenantId, payload.AssignmentId, ct).ConfigureAwait(false);
        var plan = await store.Plans.GetAsync(item.TenantId, payload.PlanId, ct).ConfigureAwait(false);
        if (a is null || plan is null) return "assignment gone";
        if (a.CardActivityId is null || a.CardConversationId is null || a.MemberAadObjectId is null) return "no card posted";
        var reference = await store.Conversations.GetAsync(a.TenantId, a.MemberAadObjectId, ct).ConfigureAwait(false);
        if (reference is null || reference.Blocked) return "member not reachable";
        var member = await store.Members.GetAsync(a.TenantId, a.MemberAadObjectId, ct).ConfigureAwait(false);
        var (card, _) = await cards.ForAssigneeAsync(plan, a, member, reference.UserId, ct).ConfigureAwait(false);
        await connector.UpdateActivityAsync(reference.ServiceUrl, a.CardConversationId, a.CardActivityId, card.ToMessage(), ct).ConfigureAwait(false);
        logger.LogInformation("Card of {AssignmentId} in {TenantId} updated after a card action", a.AssignmentId, a.TenantId);
        return null;
    }
}
