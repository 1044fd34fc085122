using TeamsPlans.Bot.Features.Common;

namespace TeamsPlans.Bot.Features.Resend;

/// <summary>
/// "gửi lại [kế hoạch 82/KH-THPT BK]": puts the failed deliveries of the plan (of every published plan without a
/// number) back in the delivery queue; members who blocked the bot are counted, not resent. Principals only.
/// <paramref name="deliveries"/> is absent when cards are sent directly (no queue to resend from).
/// </summary>
internal sealed class ResendCommand(IStateStore store, PlanLookup lookup, ILogger<ResendCommand> logger, IPlanDeliveries? deliveries = null,
    Reports.ReportUploadRetry? uploads = null)
{
    public async Task<AdaptiveCard> HandleAsync(TurnState state, TextCommand command, CancellationToken ct)
    {
        var (view, vi, tenantId, texts) = (state.View, state.Vi, state.TenantId, ResendTexts.For(state.View));
        if (!state.CanManage)
            return PlanCards.Notice(texts.PrincipalsOnly, [], view, "attention");
        if (deliveries is null)
            return PlanCards.Notice(texts.NoQueue, [], view, "attention");
        IReadOnlyList<PlanHeader> plans;
        if (command.Argument is { } number)
        {
            if (await lookup.FindAsync(tenantId, number, ct).ConfigureAwait(false) is not { } plan) return PlanLookup.NotFound(number, view);
            plans = [PlanHeader.Of(plan)];
        }
        else
        {
            // The published plans' headers: no plan document is read (issue 17).
            plans = await StatusReadModels.Of(store).PlanHeadersAsync(tenantId, PlanStatus.Published, ct).ConfigureAwait(false);
        }
        if (plans.Count == 0)
            return PlanCards.Notice(texts.NothingPublished, [], view);
        var lines = new List<string>();
        var resent = 0;
        var results = await deliveries.ResendFailedDeliveriesAsync(tenantId, [.. plans.Select(p => p.PlanId)], !vi, ct).ConfigureAwait(false);
        foreach (var plan in plans)
        {
            var r = results[plan.PlanId];
            resent += r.Resent;
            var blocked = r.Blocked == 0 ? "" : texts.Blocked(r.Blocked);
            lines.Add($"{PlanCards.PlanTitle(plan)}: {texts.ResentCount(r.Resent)}{blocked} ({r.Summary})");
        }
        // Report uploads SharePoint kept refusing (kept with their file) go back in the queue too.
        var reportsResent = uploads is null ? 0 : await uploads.RequeuePlansAsync(tenantId, plans.Select(p => p.PlanId), ct).ConfigureAwait(false);
        if (reportsResent > 0) lines.Add(Reports.ReportUploadTexts.For(view).ResentUploads(reportsResent));
        logger.LogInformation("Resend of failed deliveries in {TenantId}: {Resent} queued again over {Plans} plans, {Reports} report uploads",
            tenantId, resent, plans.Count, reportsResent);
        var title = resent == 0 ? texts.NoneFailed : texts.ResentTitle(resent);
        return PlanCards.Notice(title, lines, view, resent == 0 ? null : "good");
    }
}
