namespace TeamsPlans.Bot.Features.Status;

/// <summary>
/// "Trang sau" on the status card: the next plans, as a new page, instead of trimming the list to what fits in one
/// message. Principals and committee heads only (the status card is theirs).
/// </summary>
internal sealed class StatusPageAction(StatusBoard board)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        if (!action.State.CanManage)
            return CardActionResult.Fail(403, "NotPrincipal", "Chỉ Ban giám hiệu/trưởng ban xem được tình hình mọi kế hoạch.",
                "Only principals and committee heads can see the status of every plan.");
        var skip = Math.Max(0, action.Data.Int(StatusPaging.SkipField) ?? 0);
        return CardActionResult.Ok(await board.CardAsync(action.TenantId, null, action.State.View, ct, skip).ConfigureAwait(false));
    }
}
