namespace TeamsPlans.Plans.Units;

/// <summary>The first report handed in on an assignment for a period key.</summary>
public sealed record UnitReportFact(string AssignmentId, string PeriodKey, DateTimeOffset SubmittedAt);
