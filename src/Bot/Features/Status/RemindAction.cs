using TeamsPlans.Bot.Features.Common;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>"Nhắc họ" on the status card: reminds the members who have not acknowledged, then shows the status again.</summary>
internal sealed class RemindAction(PlanActionGuard guard, IPlanReminderSender reminders, StatusBoard board, IWaitingDeliveries? waiting = null)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var (plan, error) = await guard.CheckAsync(action, ct).ConfigureAwait(false);
        if (plan is null) return error!;
        var r = await reminders.RemindAsync(action.TenantId, plan.PlanId, ct).ConfigureAwait(false);
        // Members the bot cannot reach yet (app not installed): their reminder waits with their card; counted apart.
        var notInstalled = waiting is null ? 0
            : (await waiting.TallyAsync(action.TenantId, [plan.PlanId], ct).ConfigureAwait(false))
                .GetValueOrDefault(plan.PlanId)?.WaitingMembers ?? 0;
        var reached = Math.Max(0, r.Sent + r.Queued - notInstalled);
        var failed = r.Failed > 0 ? string.Join("; ", r.Errors.Take(5)) : null;
        var text = StatusTexts.For(action.State.Vi).Reminded(reached, r.Failed, failed)
            + (notInstalled > 0 ? " " + DeliveryTallyTexts.For(action.State.Vi).NotInstalled(notInstalled) : "");
        await action.State.Turn.SendTextAsync(text, ct).ConfigureAwait(false);
        return CardActionResult.Ok(await board.CardAsync(action.TenantId, plan.Number ?? plan.PlanId, action.State.View, ct).ConfigureAwait(false));
    }
}
