using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.UnitRollup;

/// <summary>
/// The unit roll-up of a department plan for a year: one <see cref="IUnitRollupStore.ReadReviewedAsync"/> (six queries,
/// whatever the number of units, the plan's reports with their review among them), the plan's periodic reports of the year
/// (<see cref="RollupService.Occurrences"/>, the period keys reports are handed in under), then <see
/// cref="UnitRollupCalculator"/> with today's date in Vietnam.
/// </summary>
internal sealed class UnitRollupService(IStateStore store, TimeProvider time, ILogger<UnitRollupService> logger)
{
    public sealed record Outcome(StoredPlan Plan, int Year, UnitRollupResult Result);

    /// <returns>Null when the plan does not exist or gives no duty to a directory unit (the tenant roll-up answers then).</returns>
    public async Task<Outcome?> BuildAsync(string tenantId, string planId, int year, UnitRollupFilter filter, CancellationToken ct)
    {
        if (UnitRollupStores.TryFor(store) is not { } units) return null;
        var data = await units.ReadReviewedAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (data is null || data.Duties.Count == 0) return null;
        var periods = RollupService.Occurrences(data.Plan.Document, year).Select(o => new UnitRollupPeriod(o.Due, o.PeriodKey, o.What)).ToList();
        // Counting follows acceptance (issue 15): the reports come with their review from the plan's history.
        var result = UnitRollupCalculator.Calculate(data.Units, data.Duties, data.Reports, data.Links, periods, VietnamTime.Today(time), filter);
        logger.LogInformation("Unit roll-up of {TenantId}/{PlanId} for {Year}: {Units} units shown of {InPlan}, {Issued} issued, {Red} red",
            tenantId, planId, year, result.Rows.Count, result.UnitsInPlan, result.Issued, result.Count(RollupLight.Red));
        return new Outcome(data.Plan, year, result);
    }
}
