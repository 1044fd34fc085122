using TeamsPlans.Bot.Features.Common;
using TeamsPlans.Bot.Features.Status;

namespace TeamsPlans.Bot.Features.Resend;

/// <summary>"Gửi lại" on the status card: the plan's failed assignment cards go back in the delivery queue.</summary>
internal sealed class ResendAction(PlanActionGuard guard, StatusBoard board, ILogger<ResendAction> logger, IPlanDeliveries? deliveries = null)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var (plan, error) = await guard.CheckAsync(action, ct).ConfigureAwait(false);
        if (plan is null) return error!;
        if (deliveries is null)
            return CardActionResult.Fail(501, "NoQueue", "Bot này gửi thẻ trực tiếp, không có hàng đợi để gửi lại.",
                "This bot sends cards directly; there is no delivery queue.");
        var r = await deliveries.ResendFailedDeliveriesAsync(action.TenantId, plan.PlanId, !action.State.Vi, ct).ConfigureAwait(false);
        logger.LogInformation("Resend of {PlanId} in {TenantId} from the status card by {AadObjectId}: {Resent} queued again",
            plan.PlanId, action.TenantId, action.UserKey, r.Resent);
        await action.State.Turn.SendTextAsync(ResendTexts.For(action.State.View).ResentFromStatus(r.Resent, r.Summary), ct).ConfigureAwait(false);
        return CardActionResult.Ok(await board.CardAsync(action.TenantId, plan.Number ?? plan.PlanId, action.State.View, ct).ConfigureAwait(false));
    }
}
