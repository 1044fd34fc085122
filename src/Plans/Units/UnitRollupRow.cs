namespace TeamsPlans.Plans.Units;

/// <summary>
/// One unit of the department roll-up: its implementing plan (issued, with the link when the cascade made it; on time,
/// late, missing or not due against the duty's deadline) and each periodic report, with the unit's colour.
/// </summary>
public sealed record UnitRollupRow(Unit Unit, bool PlanIssued, UnitPlanLink? Plan, ReportTiming PlanTiming, IReadOnlyList<UnitPeriodResult> Reports,
    RollupLight Light);
