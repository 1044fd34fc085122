namespace TeamsPlans.Plans.Units;

/// <summary>A unit's answer to one periodic report: on time / late / missing / not due yet, and when it was handed in.</summary>
public sealed record UnitPeriodResult(UnitRollupPeriod Period, ReportTiming Timing, DateTimeOffset? SubmittedAt);
