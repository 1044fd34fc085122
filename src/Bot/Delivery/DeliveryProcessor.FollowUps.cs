using TeamsPlans.Bot.Protocol;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>Queued follow-ups of card actions (<see cref="IDeliveryFollowUp"/>): run, then committed like a delivery.</summary>
internal sealed partial class DeliveryProcessor
{
    private readonly Dictionary<string, IDeliveryFollowUp> _followUps;

    private async Task<DeliveryOutcome> RunFollowUpAsync(WorkItem item, string owner, DeliveryPayload payload, IDeliveryFollowUp followUp,
        CancellationToken stop)
    {
        try
        {
            if (await followUp.RunAsync(item, payload, stop).ConfigureAwait(false) is { } skipped)
                return await SkipAsync(item, owner, skipped, payload.Kind).ConfigureAwait(false);
            var done = new DeliveryResult { SentAt = _time.GetUtcNow() }.ToJson();
            if (!await Queue.CompleteAsync(item.Id, owner, done, CancellationToken.None).ConfigureAwait(false))
                return DeliveryOutcome.LeaseLost;
            _metrics.Sent.Add(1, DeliveryMetrics.Tag(payload.Kind));
            return DeliveryOutcome.Sent;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Queue.DeferAsync(item.Id, owner, _time.GetUtcNow(), "dừng trước khi xong / worker stopped", CancellationToken.None)
                .ConfigureAwait(false);
            return DeliveryOutcome.Released;
        }
        catch (ConnectorException e)
        {
            return await HandleConnectorErrorAsync(item, owner, payload, e, journalWritten: false).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogWarning(e, "Follow-up {DeliveryKey} failed; retried", item.IdempotencyKey);
            var reason = $"{e.GetType().Name}: {Truncate(e.Message, 300)}";
            var outcome = await RetryAsync(item, owner, payload, reason, null).ConfigureAwait(false);
            if (outcome == DeliveryOutcome.Failed) await TellFailedAsync(item, payload, followUp, reason).ConfigureAwait(false);
            return outcome;
        }
    }

    /// <summary>The follow-up's last attempt failed: it is told (and tells the member); its own failure is only logged.</summary>
    private async Task TellFailedAsync(WorkItem item, DeliveryPayload payload, IDeliveryFollowUp followUp, string reason)
    {
        try
        {
            await followUp.OnFailedAsync(item, payload, reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "Follow-up {DeliveryKey} failed for good and its failure could not be told", item.IdempotencyKey);
        }
    }
}
