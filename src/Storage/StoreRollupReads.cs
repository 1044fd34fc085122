using TeamsPlans.Plans.Rollup;

namespace TeamsPlans.Storage;

/// <summary>
/// The department roll-up's reads (<see cref="IRollupReads"/>) over a state store: plans from <see cref="IPlanStore"/>,
/// the units' implementing plans (headers, no documents) and the reports of many plans in one query each from the status read model (<see
/// cref="StatusReadModels.Of"/>).
/// </summary>
internal sealed class StoreRollupReads(IStateStore store) : IRollupReads
{
    public async Task<RollupPlan?> GetPlanAsync(string tenantId, string planId, CancellationToken ct = default) =>
        await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false) is { } plan ? Of(plan) : null;

    public async Task<IReadOnlyList<RollupPlanHeader>> ListImplementingAsync(
        IReadOnlyCollection<string> tenantIds, string parentNumber, CancellationToken ct = default)
    {
        if (PlanNumbers.Normalize(parentNumber) is null) return [];
        var plans = await StatusReadModels.Of(store).ImplementingPlanHeadersAsync(tenantIds, parentNumber, ct).ConfigureAwait(false);
        return [.. plans.Select(p => new RollupPlanHeader(p.TenantId, p.PlanId, p.Number, p.Title, p.IssuedOn))];
    }

    public async Task<IReadOnlyList<RollupReport>> ReportsOfPlansAsync(
        IReadOnlyCollection<(string TenantId, string PlanId)> plans, CancellationToken ct = default)
    {
        // Each with its review (issue 15): counted when accepted, not when handed in.
        var reports = await ReportAcceptances.OfPlansAsync(store, plans, ct).ConfigureAwait(false);
        return [.. reports.Select(r => new RollupReport(r.Report.TenantId, r.Report.ReportId, r.Report.Period, r.Report.SubmittedAt)
            { AwaitingReview = r.FinishedAt is null, AcceptedAt = r.FinishedAt })];
    }

    private static RollupPlan Of(StoredPlan plan) => new(plan.TenantId, plan.PlanId, plan.Document);
}
