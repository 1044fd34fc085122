using TeamsPlans.Bot.Features.Common;

namespace TeamsPlans.Bot.Features.Resend;

/// <summary>
/// "gửi lại [kế hoạch 82/KH-THPT BK]": puts the failed deliveries of the plan (of every published plan without a
/// number) back in the delivery queue; members who blocked the bot are counted, not resent. Principals only.
/// <paramref name="deliveries"/> is absent when cards are sent directly (no queue to resend from).
/// </summary>
public sealed class ResendCommand(IStateStore store, PlanLookup lookup, ILogger<ResendCommand> logger, IPlanDeliveries? deliveries = null)
{
    public async Task<AdaptiveCard> HandleAsync(TurnState state, TextCommand command, CancellationToken ct)
    {
        var (view, vi, tenantId) = (state.View, state.Vi, state.TenantId);
        if (!state.CanManage)
            return PlanCards.Notice(vi ? "Chỉ lãnh đạo đơn vị (Ban giám hiệu, trưởng ban, quản trị) được gửi lại thẻ." : "Only principals, committee heads and admins can resend cards.", [], view, "attention");
        if (deliveries is null)
            return PlanCards.Notice(vi ? "Bot này gửi thẻ trực tiếp, không có hàng đợi để gửi lại." : "This bot sends cards directly; there is no delivery queue to resend from.", [], view, "attention");
        IReadOnlyList<StoredPlan> plans;
        if (command.Argument is { } number)
        {
            if (await lookup.FindAsync(tenantId, number, ct).ConfigureAwait(false) is not { } plan) return PlanLookup.NotFound(number, view);
            plans = [plan];
        }
        else
        {
            plans = [.. (await store.Plans.ListAsync(tenantId, ct).ConfigureAwait(false)).Where(p => p.Status == PlanStatus.Published)];
        }
        if (plans.Count == 0)
            return PlanCards.Notice(vi ? "Chưa có kế hoạch nào đã gửi." : "No plan has been published yet.", [], view);
        var lines = new List<string>();
        var resent = 0;
        foreach (var plan in plans)
        {
            var r = await deliveries.ResendFailedDeliveriesAsync(tenantId, plan.PlanId, !vi, ct).ConfigureAwait(false);
            resent += r.Resent;
            var blocked = r.Blocked == 0 ? "" : vi ? $"; {r.Blocked} người đã chặn bot, không gửi lại" : $"; {r.Blocked} blocked the bot, not resent";
            lines.Add($"{PlanCards.PlanTitle(plan)}: {(vi ? $"gửi lại {r.Resent}" : $"resent {r.Resent}")}{blocked} ({r.Summary})");
        }
        logger.LogInformation("Resend of failed deliveries in {TenantId}: {Resent} queued again over {Plans} plans", tenantId, resent, plans.Count);
        var title = resent == 0
            ? (vi ? "Không có thẻ nào gửi lỗi." : "No failed card to resend.")
            : (vi ? $"Đã gửi lại {resent} thẻ gửi lỗi." : $"Resent {resent} failed cards.");
        return PlanCards.Notice(title, lines, view, resent == 0 ? null : "good");
    }
}
