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
        await action.State.Turn.SendTextAsync(action.State.Vi
            ? $"Đã nhắc {reached} người chưa xác nhận" + (failed is not null ? $"; {r.Failed} lỗi: {failed}" : ".")
            : $"Reminded {reached} people who have not acknowledged" + (failed is not null ? $"; {r.Failed} failed: {failed}" : "."), ct).ConfigureAwait(false);
        return CardActionResult.Ok(await board.CardAsync(action.TenantId, plan.Number ?? plan.PlanId, action.State.View, ct).ConfigureAwait(false));
    }
}
