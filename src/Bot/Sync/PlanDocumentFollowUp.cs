using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Features.Review;
using Microsoft.Extensions.Options;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Sync;

/// <summary>
/// The queued <see cref="DeliveryKinds.PlanDocument"/>: the published plan's document is uploaded to the plan library
/// (<see cref="PlanMirror.UploadDocumentAsync"/>, idempotent), after the publishing invoke answered. Then the board
/// (Planner) is synced so its tasks link to the library copy, and cards already posted with the source link are updated
/// in place (<see cref="ProactiveCards.UpdateAssignmentCardAsync"/>). A failed upload is retried by the queue; on the last
/// attempt the board is synced anyway and the plan keeps its source link (publishing never fails on the document).
/// </summary>
internal sealed class PlanDocumentFollowUp(IStateStore store, IServiceProvider services, SyncLane lane, ProactiveCards proactive,
    IOptions<DeliveryOptions> options, ILogger<PlanDocumentFollowUp> logger) : IDeliveryFollowUp
{
    // Resolved when an upload runs: the library (Graph client, credentials) is not built with the delivery processor.
    private PlanMirror Mirror => services.GetRequiredService<PlanMirror>();

    public string Kind => DeliveryKinds.PlanDocument;

    public async Task<string?> RunAsync(WorkItem item, DeliveryPayload payload, CancellationToken ct)
    {
        if (payload.PlanId is not { } planId) return "no plan";
        var tenantId = item.TenantId;
        StoredPlan? plan;
        bool uploaded;
        try
        {
            (plan, uploaded) = await Mirror.UploadDocumentAsync(tenantId, planId, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && item.Attempts + 1 >= Math.Max(1, options.Value.MaxAttempts))
        {
            logger.LogError(e, "Plan document of {PlanId} in {TenantId} not uploaded after {Attempts} attempts; cards and board keep the source link",
                planId, tenantId, item.Attempts + 1);
            SyncBoard(tenantId, planId);
            return "upload failed; source link kept";
        }
        if (plan is null) return "plan gone";
        SyncBoard(tenantId, planId);
        if (!uploaded) return "document already in the library";
        foreach (var a in await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false))
            if (a.CardActivityId is not null) await proactive.UpdateAssignmentCardAsync(plan, a, ct).ConfigureAwait(false);
        return null;
    }

    private void SyncBoard(string tenantId, string planId) =>
        lane.Post($"board {tenantId}/{planId}", c => Mirror.SyncBoardAsync(tenantId, planId, c));
}
