using TeamsPlans.Bot.Features.Units;
using TeamsPlans.Plans.Corrections;

namespace TeamsPlans.Bot.Features.Corrections;

/// <summary>
/// A published plan and its revised document side by side: the stored assignments (by ordinal), the revised duties
/// expanded as an import expands them (one per unit of a set of units, with the member when the unit names one), and
/// the domain diff (<see cref="PlanCorrections"/>) between them.
/// </summary>
internal sealed record PlanRevision(StoredPlan Plan, PlanDocument Revised, IReadOnlyList<AssignmentRecord> Published,
    IReadOnlyList<(Assignment Assignment, string? Member)> Revision, PlanCorrection Diff)
{
    public static async Task<PlanRevision> ComputeAsync(IStateStore store, StoredPlan plan, PlanDocument revised, CancellationToken ct)
    {
        var published = (await store.Assignments.ListByPlanAsync(plan.TenantId, plan.PlanId, ct).ConfigureAwait(false))
            .OrderBy(a => a.Ordinal).ToList();
        var directory = UnitStores.TryFor(store) is { } units ? await units.ListAsync(plan.TenantId, ct).ConfigureAwait(false) : [];
        var revision = revised.Assignments
            .SelectMany(a => UnitExpansion.Expand(a.Assignee, directory, revised.Issuer)
                .Select(x => (new Assignment(x.Assignee, a.Duty, a.Deadlines), x.MemberAadObjectId)))
            .ToList();
        var diff = PlanCorrections.Compare(published.Select(r => new Assignment(r.Assignee, r.Duty, r.Deadlines)).ToList(),
            revision.Select(r => r.Item1).ToList());
        return new PlanRevision(plan, revised, published, revision, diff);
    }
}
