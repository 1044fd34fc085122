using TeamsPlans.Bot.Delivery;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// Proactive messages of the review, comment and reassignment features: a card to a member's personal chat with the bot,
/// and the member's posted assignment card updated in place. Both are queued in the durable delivery queue
/// (<see cref="DeliveryKinds.Card"/>, <see cref="DeliveryKinds.CardUpdate"/>), never sent inside the card action: Teams
/// gives an invoke about 15 s and every connector call may be slow or retried. The queue sends them after the answer, with
/// its retries; what fails for good is Failed with the reason (delivery status, "resend"). A member without a
/// conversation (or who blocked the bot) is skipped and logged.
/// </summary>
internal sealed class ProactiveCards(IStateStore store, TimeProvider time, ILogger<ProactiveCards> logger)
{
    /// <summary>Queues the card built for the member's language; false when the member cannot be reached.</summary>
    public async Task<bool> SendAsync(string tenantId, string aadObjectId, Func<CardView, AdaptiveCard> build, CancellationToken ct)
    {
        var reference = await store.Conversations.GetAsync(tenantId, aadObjectId, ct).ConfigureAwait(false);
        if (reference is null || reference.Blocked)
        {
            logger.LogWarning("No conversation with {AadObjectId} in {TenantId}: card not sent", aadObjectId, tenantId);
            return false;
        }
        var member = await store.Members.GetAsync(tenantId, aadObjectId, ct).ConfigureAwait(false);
        var card = build(CardView.For(member?.PreferredLocale, TeamsPlans.Plans.Scheduling.VietnamTime.Today(time)));
        var payload = new DeliveryPayload
        {
            TenantId = tenantId, Kind = DeliveryKinds.Card, MemberAadObjectId = aadObjectId, CardJson = card.ToJson(), Title = card.FallbackText,
        };
        var key = $"card|m:{Uri.EscapeDataString(aadObjectId)}|{Guid.NewGuid():N}";
        await store.Queue.EnqueueAsync(tenantId, DeliveryOptions.QueueName, DeliveryKinds.Card, key, payload.ToJson(), null, ct)
            .ConfigureAwait(false);
        logger.LogInformation("Card to {AadObjectId} in {TenantId} queued as {DeliveryKey}", aadObjectId, tenantId, key);
        return true;
    }

    /// <summary>Queues the update of the holder's posted assignment card (when it was posted), built from the state at send time.</summary>
    public async Task UpdateAssignmentCardAsync(StoredPlan plan, AssignmentRecord a, CancellationToken ct)
    {
        if (a.CardActivityId is null || a.CardConversationId is null || a.MemberAadObjectId is null) return;
        var payload = new DeliveryPayload
        {
            TenantId = a.TenantId, Kind = DeliveryKinds.CardUpdate, MemberAadObjectId = a.MemberAadObjectId, PlanId = plan.PlanId,
                AssignmentId = a.AssignmentId,
        };
        var key = $"followup|k:{DeliveryKinds.CardUpdate}|a:{Uri.EscapeDataString(a.AssignmentId)}|{Guid.NewGuid():N}";
        await store.Queue.EnqueueAsync(a.TenantId, DeliveryOptions.QueueName, DeliveryKinds.CardUpdate, key, payload.ToJson(), null, ct)
            .ConfigureAwait(false);
    }

    /// <summary>Queues <paramref name="card"/> in place of the holder's posted assignment card (reassigned, withdrawn), when it was posted.</summary>
    public Task ReplaceAssignmentCardAsync(AssignmentRecord a, AdaptiveCard card, CancellationToken ct)
    {
        if (a.CardActivityId is null || a.CardConversationId is null || a.MemberAadObjectId is null) return Task.CompletedTask;
        return QueueNoticeAsync(a.TenantId, a.MemberAadObjectId, a.AssignmentId, new DeliveryPayload
        {
            TenantId = a.TenantId, Kind = DeliveryKinds.Notice, MemberAadObjectId = a.MemberAadObjectId, PlanId = a.PlanId,
                AssignmentId = a.AssignmentId,
            CardJson = card.ToJson(), ConversationId = a.CardConversationId, ActivityId = a.CardActivityId, Title = card.FallbackText,
        }, ct);
    }

    /// <summary>Queues a one-line message to the member (text chosen for their language by <paramref name="text"/>);
    /// false when the member cannot be reached.</summary>
    public async Task<bool> TellAsync(string tenantId, string aadObjectId, string? assignmentId, Func<CardView, string> text, CancellationToken ct)
    {
        var reference = await store.Conversations.GetAsync(tenantId, aadObjectId, ct).ConfigureAwait(false);
        if (reference is null || reference.Blocked) return false;
        var member = await store.Members.GetAsync(tenantId, aadObjectId, ct).ConfigureAwait(false);
        var view = CardView.For(member?.PreferredLocale, TeamsPlans.Plans.Scheduling.VietnamTime.Today(time));
        await QueueNoticeAsync(tenantId, aadObjectId, assignmentId, new DeliveryPayload
        {
            TenantId = tenantId, Kind = DeliveryKinds.Notice, MemberAadObjectId = aadObjectId, AssignmentId = assignmentId, Title = text(view),
        }, ct).ConfigureAwait(false);
        return true;
    }

    private async Task QueueNoticeAsync(string tenantId, string aadObjectId, string? assignmentId, DeliveryPayload payload, CancellationToken ct)
    {
        var key = $"followup|k:{DeliveryKinds.Notice}|m:{Uri.EscapeDataString(aadObjectId)}" +
            $"|a:{Uri.EscapeDataString(assignmentId ?? "-")}|{Guid.NewGuid():N}";
        await store.Queue.EnqueueAsync(tenantId, DeliveryOptions.QueueName, DeliveryKinds.Notice, key, payload.ToJson(), null,
            ct).ConfigureAwait(false);
        logger.LogInformation("Notice to {AadObjectId} in {TenantId} queued as {DeliveryKey}", aadObjectId, tenantId, key);
    }
}
