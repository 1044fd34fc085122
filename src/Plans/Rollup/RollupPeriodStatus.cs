namespace TeamsPlans.Plans.Rollup;

/// <summary>
/// Whether a unit reported for one occurrence; Overdue when not submitted and the due date has passed (Vietnam time).
/// </summary>
public sealed record RollupPeriodStatus(
    RollupOccurrence Occurrence, bool Submitted, DateTimeOffset? SubmittedAt, string? ReportId, bool Overdue);
