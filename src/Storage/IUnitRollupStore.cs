using TeamsPlans.Plans.Units;

namespace TeamsPlans.Storage;

/// <summary>
/// The department roll-up of units (issue #14): the links between a department plan and the units' implementing plans
/// (table plan_links, migration 0009) and the one read the roll-up is computed from, a fixed number of queries whatever
/// the number of units (obtain it with <see cref="UnitRollupStores.For"/>).
/// </summary>
public interface IUnitRollupStore
{
    /// <summary>Records (or refreshes) that the unit's plan implements the department plan; false when it was already linked.</summary>
    Task<bool> LinkAsync(UnitPlanLink link, CancellationToken ct = default);
    Task<IReadOnlyList<UnitPlanLink>> LinksAsync(string tenantId, string planId, CancellationToken ct = default);
    /// <summary>The units, in any tenant, that run TeamsPlans in <paramref name="ownTenantId"/> (their department's tenant and code).</summary>
    Task<IReadOnlyList<Unit>> UnitsWithOwnTenantAsync(string ownTenantId, CancellationToken ct = default);
    /// <summary>Plan, directory, unit duties, first hand-ins and links of a department plan in five queries; null when the plan does not
    /// exist.</summary>
    Task<UnitRollupData?> ReadAsync(string tenantId, string planId, CancellationToken ct = default);
    /// <summary>As <see cref="ReadAsync"/>, with every report of the plan and its review (issue 15: counting follows acceptance) in
    /// <see cref="UnitRollupData.Reports"/>, from two statements (the reports, the plan's review events): six queries in all.</summary>
    Task<UnitRollupData?> ReadReviewedAsync(string tenantId, string planId, CancellationToken ct = default);
}
