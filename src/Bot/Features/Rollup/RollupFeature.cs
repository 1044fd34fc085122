using TeamsPlans.Bot.Features.Common;

namespace TeamsPlans.Bot.Features.Rollup;

/// <summary>
/// "tổng hợp đơn vị [678/KH-SGDĐT] [2024]" and the roll-up card's year / plan buttons: which subordinate units issued their
/// implementing plan and handed in each periodic report. Principals, committee heads and admins only.
/// </summary>
internal sealed class RollupFeature(IStateStore store, RollupService rollup, RollupOptions options, PlanLookup lookup, ILogger<RollupFeature> logger,
    TeamsPlans.Plans.Scheduling.OfficialStateCalculator states)
{
    public Task<AdaptiveCard> CommandAsync(TurnState state, TextCommand command, CancellationToken ct) => state.CanManage
        ? CardAsync(state.TenantId, command.Argument, null, null, state.View, ct)
        : Task.FromResult(PlanCards.Notice(RollupTexts.For(state.View).LeadersOnly, [], state.View, "attention"));

    public async Task<CardActionResult> ActionAsync(CardActionContext action, CancellationToken ct)
    {
        if (!action.State.CanManage)
            return CardActionResult.Fail(403, "NotPrincipal", "Chỉ lãnh đạo đơn vị xem được tổng hợp đơn vị.",
                "Only principals, committee heads and admins can see the unit roll-up.");
        var planId = action.Data.String("planId");
        if (planId is null) return CardActionResult.Fail(400, "BadRequest", "Thiếu mã kế hoạch.", "The card has no plan id.");
        if (await store.Plans.GetAsync(action.TenantId, planId, ct).ConfigureAwait(false) is null)
            return CardActionResult.Fail(404, "NotFound", "Không tìm thấy kế hoạch.", "The plan was not found.");
        return CardActionResult.Ok(await CardAsync(action.TenantId, null, planId, action.Data.Int("year"), action.State.View, ct)
            .ConfigureAwait(false));
    }

    /// <summary>The department roll-up card for a plan (by id, by the number typed, or the latest periodic plan) and year.</summary>
    private async Task<AdaptiveCard> CardAsync(string tenantId, string? argument, string? planId, int? year, CardView view, CancellationToken ct)
    {
        var texts = RollupTexts.For(view);
        var units = options.UnitsOf(tenantId);
        if (units.Count == 0)
            return PlanCards.Notice(texts.NoUnits, [texts.NoUnitsHelp(tenantId)], view, "warning");
        var (number, typedYear) = RollupArgument.Parse(argument);
        var y = year ?? typedYear ?? view.Today.Year;
        var plan = await PlanAsync(tenantId, planId, number, y, ct).ConfigureAwait(false);
        if (plan is null)
            return number is null
                ? PlanCards.Notice(texts.NoPlan, [], view, "attention")
                : PlanLookup.NotFound(number, view);
        var r = await rollup.BuildAsync(tenantId, plan.PlanId, units, y, ct).ConfigureAwait(false);
        if (r is null) return PlanCards.Notice(texts.PlanGone, [], view, "attention");
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // The issuers of the units without a configured name, in one query.
        var firstPlans = await StatusReadModels.Of(store).PlanHeadersAsync([.. r.Units
            .Where(u => !options.UnitNames.ContainsKey(u.TenantId) && u.ImplementingPlans.Count > 0)
                .Select(u => (u.TenantId, u.ImplementingPlans[0].PlanId))], ct).ConfigureAwait(false);
        foreach (var u in r.Units)
        {
            if (options.UnitNames.TryGetValue(u.TenantId, out var n)) names[u.TenantId] = n;
            else if (u.ImplementingPlans.Count > 0
                && firstPlans.GetValueOrDefault((u.TenantId, u.ImplementingPlans[0].PlanId))?.Issuer is { Length: > 0 } issuer)
                names[u.TenantId] = issuer;
        }
        logger.LogInformation("Roll-up card of {PlanId} in {TenantId} for {Year}: {Units} units, {Overdue} overdue", plan.PlanId, tenantId, y,
            r.Units.Count, r.Units.Count(u => u.OverdueCount > 0));
        return RollupStates.Append(RollupCards.Rollup(r, names, view), r, states, view);
    }

    private async Task<StoredPlan?> PlanAsync(string tenantId, string? planId, string? number, int year, CancellationToken ct)
    {
        if (planId is not null) return await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (number is not null) return await lookup.FindAsync(tenantId, number, ct).ConfigureAwait(false);
        var all = (await store.Plans.ListAsync(tenantId, ct).ConfigureAwait(false)).Where(p => p.Status != PlanStatus.Archived)
            .OrderByDescending(p => p.UpdatedAt).ToList();
        return all.FirstOrDefault(p => RollupService.Occurrences(p.Document, year).Count > 0) ?? all.FirstOrDefault();
    }
}
