using TeamsPlans.Bot.Features.Common;
using TeamsPlans.Bot.Features.Rollup;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.UnitRollup;

/// <summary>
/// "tổng hợp đơn vị [loại] [thuộc MÃ] [số kế hoạch] [năm]" when the plan gives duties to units of the tenant's directory:
/// the unit roll-up card (<see cref="UnitRollupCards"/>); otherwise the tenant roll-up (<see cref="RollupFeature"/>, units
/// configured as tenants) answers. The card's refresh button comes back here with "units": true. Leaders only.
/// </summary>
internal sealed class UnitRollupFeature(IStateStore store, UnitRollupService rollups, RollupFeature tenants, PlanLookup lookup)
{
    /// <summary>How many recent plans are looked at for one with unit duties when no number is typed.</summary>
    private const int RecentPlans = 10;

    public async Task<AdaptiveCard> CommandAsync(TurnState state, TextCommand command, CancellationToken ct)
    {
        if (!state.CanManage) return await tenants.CommandAsync(state, command, ct).ConfigureAwait(false);
        var arg = UnitRollupArgument.Parse(command.Argument);
        var year = arg.Year ?? state.View.Today.Year;
        if (arg.Number is { } number)
        {
            var plan = await lookup.FindAsync(state.TenantId, number, ct).ConfigureAwait(false);
            if (plan is null) return PlanLookup.NotFound(number, state.View);
            if (await rollups.BuildAsync(state.TenantId, plan.PlanId, year, arg.Filter, ct).ConfigureAwait(false) is { } outcome)
                return UnitRollupCards.Card(outcome, arg.Filter, state.View);
            return await tenants.CommandAsync(state, command, ct).ConfigureAwait(false);
        }
        // No number: the latest published plan that gives duties to units.
        var page = await StatusReadModels.Of(store).PlansPageAsync(state.TenantId, RecentPlans, ct).ConfigureAwait(false);
        foreach (var p in page.Plans.Where(p => p.Status == PlanStatus.Published))
            if (await rollups.BuildAsync(state.TenantId, p.PlanId, year, arg.Filter, ct).ConfigureAwait(false) is { } outcome)
                return UnitRollupCards.Card(outcome, arg.Filter, state.View);
        return await tenants.CommandAsync(state, command, ct).ConfigureAwait(false);
    }

    public async Task<CardActionResult> ActionAsync(CardActionContext action, CancellationToken ct)
    {
        if (!action.Data.Flag("units")) return await tenants.ActionAsync(action, ct).ConfigureAwait(false);
        if (!action.State.CanManage)
            return CardActionResult.Fail(403, "NotPrincipal", "Chỉ lãnh đạo đơn vị xem được tổng hợp đơn vị.",
                "Only principals, committee heads and admins can see the unit roll-up.");
        if (action.Data.String("planId") is not { } planId) return CardActionResult.Fail(400, "BadRequest", "Thiếu mã kế hoạch.",
            "The card has no plan id.");
        var kinds = (action.Data.String("kinds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(k => Enum.TryParse<UnitKind>(k, out var kind) ? kind : (UnitKind?)null).OfType<UnitKind>().ToList();
        var filter = new UnitRollupFilter(kinds, action.Data.String("parent"));
        var year = action.Data.Int("year") ?? action.State.View.Today.Year;
        var outcome = await rollups.BuildAsync(action.TenantId, planId, year, filter, ct).ConfigureAwait(false);
        return outcome is null
            ? CardActionResult.Fail(404, "NotFound", "Không tìm thấy kế hoạch giao cho đơn vị.", "No plan giving duties to units was found.")
            : CardActionResult.Ok(UnitRollupCards.Card(outcome, filter, action.State.View, action.Data.Int(UnitRollupCards.UnitSkip) ?? 0));
    }
}
