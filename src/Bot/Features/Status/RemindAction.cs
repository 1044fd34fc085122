using TeamsPlans.Bot.Features.Common;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>"Nhắc họ" on the status card: reminds the members who have not acknowledged, then shows the status again.</summary>
internal sealed class RemindAction(PlanActionGuard guard, IPlanReminderSender reminders, StatusBoard board)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var (plan, error) = await guard.CheckAsync(action, ct).ConfigureAwait(false);
        if (plan is null) return error!;
        var r = await reminders.RemindAsync(action.TenantId, plan.PlanId, ct).ConfigureAwait(false);
        var reached = r.Sent + r.Queued;
        var failed = r.Failed > 0 ? string.Join("; ", r.Errors.Take(5)) : null;
        await action.State.Turn.SendTextAsync(StatusTexts.For(action.State.Vi).Reminded(reached, r.Failed, failed), ct).ConfigureAwait(false);
        return CardActionResult.Ok(await board.CardAsync(action.TenantId, plan.Number ?? plan.PlanId, action.State.View, ct).ConfigureAwait(false));
    }
}
