using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage;

/// <summary>
/// Read models of the status, "my tasks", deadlines, resend and roll-up cards: each call is one query, whatever the number
/// of plans, assignments or units, so a card costs a fixed number of round trips (obtain it with
/// <see cref="StatusReadModels.Of"/>). Every call names the tenant(s); lists come back in the order the cards show them.
/// </summary>
public interface IStatusReadModel
{
    /// <summary>The first <paramref name="take"/> plans that are not archived
    /// (published first, then latest update first), and how many there are.</summary>
    Task<StatusPage> PlansPageAsync(string tenantId, int take, CancellationToken ct = default);
    /// <summary>The plans of <paramref name="planIds"/> that exist, by plan id.</summary>
    Task<IReadOnlyDictionary<string, StoredPlan>> PlansAsync(string tenantId, IReadOnlyCollection<string> planIds, CancellationToken ct = default);
    /// <summary>The plans of (tenant, plan id) pairs that exist (several units at once), by pair.</summary>
    Task<IReadOnlyDictionary<(string TenantId, string PlanId), StoredPlan>> PlansAsync(IReadOnlyCollection<(string TenantId, string PlanId)> keys,
        CancellationToken ct = default);
    /// <summary>The assignments of each plan (by ordinal); every plan id asked for is a key (empty list when it has none).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<AssignmentRecord>>> AssignmentsByPlanAsync(string tenantId, IReadOnlyCollection<string> planIds,
        CancellationToken ct = default);
    /// <summary>The members of <paramref name="aadObjectIds"/> that exist.</summary>
    Task<IReadOnlyList<Member>> MembersAsync(string tenantId, IReadOnlyCollection<string> aadObjectIds, CancellationToken ct = default);
    /// <summary>Per plan: reports handed in, counted once per (assignment, period). Plans without any are absent.</summary>
    Task<IReadOnlyDictionary<string, int>> ReportsHandedInAsync(string tenantId, IReadOnlyCollection<string> planIds, CancellationToken ct = default);
    /// <summary>Per assignment of the member: when its latest report was handed in. Assignments without a report are absent.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> LastReportsOfMemberAsync(string tenantId, string aadObjectId, CancellationToken ct = default);
    /// <summary>
    /// The reports of the units (<paramref name="tenantIds"/>) handed in on assignments of <paramref name="planIds"/>, with the
    /// plan each belongs to, ordered by unit and hand-in time. Only the (unit, plan) pairs given count.
    /// </summary>
    Task<IReadOnlyList<PlanReport>> ReportsOfPlansAsync(IReadOnlyCollection<(string TenantId, string PlanId)> plans, CancellationToken ct = default);
    /// <summary>The headers of the tenant's plans in <paramref name="status"/>, in
    /// creation order (as IPlanStore.ListAsync; no document is read).</summary>
    Task<IReadOnlyList<PlanHeader>> PlanHeadersAsync(string tenantId, PlanStatus status, CancellationToken ct = default);
    /// <summary>The headers of (tenant, plan id) pairs that exist (several units at once), by pair.</summary>
    Task<IReadOnlyDictionary<(string TenantId, string PlanId), PlanHeader>> PlanHeadersAsync(
        IReadOnlyCollection<(string TenantId, string PlanId)> keys, CancellationToken ct = default);
    /// <summary>
    /// The headers of the plans of <paramref name="tenantIds"/> that cite <paramref name="parentNumber"/> in their legal bases
    /// (as <see cref="IPlanStore.ListImplementingAsync"/>: by unit, then creation time), without their documents.
    /// </summary>
    Task<IReadOnlyList<PlanHeader>> ImplementingPlanHeadersAsync(IReadOnlyCollection<string> tenantIds, string parentNumber,
        CancellationToken ct = default);
    /// <summary>The delivery queue items of the tenant in <paramref name="queue"/>
    /// without their payloads: key, state, and whether a Done item was skipped.</summary>
    Task<IReadOnlyList<QueueItemState>> QueueStatesAsync(string tenantId, string queue, CancellationToken ct = default);
}
