namespace TeamsPlans.Plans.Units;

/// <summary>The department roll-up of the units of a plan (after the filter), red units first, and its counts.</summary>
public sealed record UnitRollupResult(IReadOnlyList<UnitRollupPeriod> Periods, IReadOnlyList<UnitRollupRow> Rows, int UnitsInPlan)
{
    public int Issued => Rows.Count(r => r.PlanIssued);
    public int Count(RollupLight light) => Rows.Count(r => r.Light == light);
    public int Count(UnitRollupPeriod period, ReportTiming timing) =>
        Rows.Count(r => r.Reports.Any(p => p.Period.Key == period.Key && p.Timing == timing));
}
