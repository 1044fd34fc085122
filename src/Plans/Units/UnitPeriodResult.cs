namespace TeamsPlans.Plans.Units;

/// <summary>
/// A unit's answer to one periodic report: on time / late / missing / not due yet (counted on its acceptance, issue 15),
/// and when it was first handed in.
/// </summary>
public sealed record UnitPeriodResult(UnitRollupPeriod Period, ReportTiming Timing, DateTimeOffset? SubmittedAt)
{
    /// <summary>Handed in, but not accepted yet (awaiting review or returned): counted as not done.</summary>
    public bool AwaitingReview { get; init; }
}
