using TeamsPlans.Bot.Protocol;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>The lease check before a send, and the bookkeeping after a committed send (journal, card reference, history).</summary>
internal sealed partial class DeliveryProcessor
{
    /// <summary>
    /// True when <paramref name="owner"/> still holds the item. Within the first half of the claim's lease nothing is
    /// checked (the worker renews leases every third of it); later, the lease is renewed here, owner-checked.
    /// </summary>
    private async Task<bool> EnsureLeaseAsync(WorkItem item, string owner)
    {
        var now = _time.GetUtcNow();
        if (item.LeaseUntil is { } until && now < until - _options.Lease / 2) return true;
        return await Queue.RenewAsync(item.Id, owner, _options.Lease, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task AfterCommitAsync(WorkItem item, DeliveryPayload payload, AssignmentRecord? assignment, ConversationRef conv,
        ResourceResponse response)
    {
        try
        {
            // The journal first: a failure in what follows must not leave the item looking "in doubt".
            if (_options.SendJournal) await _store.Sync.DeleteAsync(item.TenantId, JournalScope, item.IdempotencyKey, CancellationToken.None)
                .ConfigureAwait(false);
            if (payload.Kind == DeliveryKinds.Assignment && assignment is not null && response.Id is not null)
                await _store.Assignments.SetCardAsync(item.TenantId, assignment.AssignmentId, response.Id, conv.ConversationId,
                    CancellationToken.None).ConfigureAwait(false);
            if (payload.Kind is DeliveryKinds.Assignment or DeliveryKinds.Reminder && assignment is not null)
                await _history.AppendAsync(new HistoryEntry(item.TenantId, assignment.PlanId, assignment.AssignmentId, HistoryEvent.Delivered,
                    "system", null, HistorySource.System, _time.GetUtcNow(), payload.Kind == DeliveryKinds.Reminder ? payload.Code : null),
                        CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The item is committed as sent (with the activity id in its result); these are conveniences.
            _logger.LogWarning(e, "Sent {DeliveryKey} but could not record the card reference", item.IdempotencyKey);
        }
    }
}
