namespace TeamsPlans.Plans.Rollup;

/// <summary>
/// A report handed in by a unit (<paramref name="TenantId"/>) on an assignment of one of its plans. <paramref name="Period"/>
/// is the concrete due date it answers, "yyyy-MM-dd" (<see cref="RollupService.PeriodKey"/>).
/// </summary>
public sealed record RollupReport(string TenantId, string ReportId, string Period, DateTimeOffset SubmittedAt);
