namespace TeamsPlans.Bot.Features.Common;

/// <summary>
/// The check every plan-level card action (remind, resend, map, publish) starts with: a principal or committee head, a
/// plan id on the card, and the plan in the tenant.
/// </summary>
internal sealed class PlanActionGuard(IStateStore store)
{
    /// <summary>The plan, or the error to answer with.</summary>
    public async Task<(StoredPlan? Plan, CardActionResult? Error)> CheckAsync(CardActionContext action, CancellationToken ct)
    {
        if (!action.State.CanManage)
            return (null, CardActionResult.Fail(403,
                "NotPrincipal", "Chỉ Ban giám hiệu/trưởng ban được thực hiện thao tác này. " + FirstRun.FirstRunTexts.Vi.HowToGetRole,
                "Only principals and committee heads can do this. " + FirstRun.FirstRunTexts.En.HowToGetRole));
        var planId = action.Data.String("planId");
        if (planId is null) return (null, CardActionResult.Fail(400, "BadRequest", "Thiếu mã kế hoạch.", "The card has no plan id."));
        var plan = await store.Plans.GetAsync(action.TenantId, planId, ct).ConfigureAwait(false);
        if (plan is null) return (null, CardActionResult.Fail(404, "NotFound", "Không tìm thấy kế hoạch.", "The plan was not found."));
        return (plan, null);
    }
}
