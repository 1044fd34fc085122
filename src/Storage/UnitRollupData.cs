using TeamsPlans.Plans.Units;

namespace TeamsPlans.Storage;

/// <summary>What the unit roll-up of a department plan is computed from, read by <see cref="IUnitRollupStore.ReadAsync"/>.</summary>
/// <param name="Units">The tenant's unit directory (names, kinds, parents for the filters).</param>
/// <param name="Duties">The plan's assignments given to directory units.</param>
/// <param name="Reports">The first hand-in per (assignment, period) on those assignments.</param>
public sealed record UnitRollupData(
    StoredPlan Plan, IReadOnlyList<Unit> Units, IReadOnlyList<UnitDutyFact> Duties, IReadOnlyList<UnitReportFact> Reports,
        IReadOnlyList<UnitPlanLink> Links);
