using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Work a card action leaves for after its invoke has answered (Teams waits at most about 15 s for the answer): queued in
/// the durable delivery queue under its own <see cref="Kind"/> and run by the <see cref="DeliveryProcessor"/> with the
/// queue's retries (backoff, then Failed with the reason, visible in the delivery status and re-queued by "resend").
/// </summary>
internal interface IDeliveryFollowUp
{
    /// <summary>The delivery kind this runs (<see cref="DeliveryKinds"/>).</summary>
    string Kind { get; }

    /// <summary>Does the work; returns null when done, or the reason it was skipped on purpose. A
    /// <see cref="TeamsPlans.Bot.Protocol.ConnectorException"/> or any other exception retries it.</summary>
    Task<string?> RunAsync(WorkItem item, DeliveryPayload payload, CancellationToken ct);

    /// <summary>The work failed for good (its last attempt; <paramref name="reason"/> as recorded): tell whoever must know.
    /// The item stays Failed, so "resend" (or a retry the follow-up offers) can queue it again.</summary>
    Task OnFailedAsync(WorkItem item, DeliveryPayload payload, string reason, CancellationToken ct) => Task.CompletedTask;
}
