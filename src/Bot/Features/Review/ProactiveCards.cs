using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// Proactive messages of the review, comment and reassignment features: a card to a member's personal chat with the bot,
/// and the member's posted assignment card updated in place. A member without a conversation (or who blocked the bot)
/// is skipped and logged; a connector failure is logged (the card refreshes itself when opened).
/// </summary>
internal sealed class ProactiveCards(IStateStore store, IConnectorClient connector, AssignmentCardFactory cards, TimeProvider time, ILogger<ProactiveCards> logger)
{
    /// <summary>Sends the card built for the member's language; false when the member cannot be reached.</summary>
    public async Task<bool> SendAsync(string tenantId, string aadObjectId, Func<CardView, AdaptiveCard> build, CancellationToken ct)
    {
        var reference = await store.Conversations.GetAsync(tenantId, aadObjectId, ct).ConfigureAwait(false);
        if (reference is null || reference.Blocked)
        {
            logger.LogWarning("No conversation with {AadObjectId} in {TenantId}: card not sent", aadObjectId, tenantId);
            return false;
        }
        var member = await store.Members.GetAsync(tenantId, aadObjectId, ct).ConfigureAwait(false);
        var view = CardView.For(member?.PreferredLocale, TeamsPlans.Plans.Scheduling.VietnamTime.Today(time));
        try
        {
            await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, build(view).ToMessage(), ct).ConfigureAwait(false);
            return true;
        }
        catch (ConnectorException e)
        {
            logger.LogWarning(e, "Card to {AadObjectId} in {TenantId} not sent ({Status})", aadObjectId, tenantId, e.StatusCode);
            return false;
        }
    }

    /// <summary>Updates the holder's posted assignment card with the current state (when it was posted).</summary>
    public async Task UpdateAssignmentCardAsync(StoredPlan plan, AssignmentRecord a, CancellationToken ct)
    {
        if (a.CardActivityId is null || a.CardConversationId is null || a.MemberAadObjectId is null) return;
        var reference = await store.Conversations.GetAsync(a.TenantId, a.MemberAadObjectId, ct).ConfigureAwait(false);
        if (reference is null || reference.Blocked) return;
        var member = await store.Members.GetAsync(a.TenantId, a.MemberAadObjectId, ct).ConfigureAwait(false);
        var (card, _) = await cards.ForAssigneeAsync(plan, a, member, reference.UserId, ct).ConfigureAwait(false);
        try
        {
            await connector.UpdateActivityAsync(reference.ServiceUrl, a.CardConversationId, a.CardActivityId, card.ToMessage(), ct).ConfigureAwait(false);
        }
        catch (ConnectorException e)
        {
            logger.LogWarning(e, "Card of {AssignmentId} in {TenantId} not updated ({Status})", a.AssignmentId, a.TenantId, e.StatusCode);
        }
    }
}
