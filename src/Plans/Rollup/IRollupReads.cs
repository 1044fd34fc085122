namespace TeamsPlans.Plans.Rollup;

/// <summary>
/// The store reads the department roll-up needs (<see cref="RollupService"/>); the state store implements them
/// (TeamsPlans.Storage.StoreRollupReads), so the computation stays in the domain.
/// </summary>
public interface IRollupReads
{
    /// <returns>The plan, or null when <paramref name="tenantId"/> has no plan <paramref name="planId"/>.</returns>
    Task<RollupPlan?> GetPlanAsync(string tenantId, string planId, CancellationToken ct = default);

    /// <summary>
    /// The plans of <paramref name="tenantIds"/> whose legal bases cite <paramref name="parentNumber"/> (compared as plan
    /// numbers: case, spaces and Unicode form do not matter), without their documents; none when the number is blank.
    /// </summary>
    Task<IReadOnlyList<RollupPlanHeader>> ListImplementingAsync(
        IReadOnlyCollection<string> tenantIds, string parentNumber, CancellationToken ct = default);

    /// <summary>Every report handed in on an assignment of one of <paramref name="plans"/>, in one read.</summary>
    Task<IReadOnlyList<RollupReport>> ReportsOfPlansAsync(
        IReadOnlyCollection<(string TenantId, string PlanId)> plans, CancellationToken ct = default);
}
