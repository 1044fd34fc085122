namespace TeamsPlans.Plans.Rollup;

/// <summary>
/// A report handed in by a unit (<paramref name="TenantId"/>) on an assignment of one of its plans. <paramref name="Period"/>
/// is the concrete due date it answers, "yyyy-MM-dd" (<see cref="RollupService.PeriodKey"/>).
/// </summary>
public sealed record RollupReport(string TenantId, string ReportId, string Period, DateTimeOffset SubmittedAt)
{
    /// <summary>Handed in but not accepted (awaiting review, or returned): not finished (issue 15).</summary>
    public bool AwaitingReview { get; init; }

    /// <summary>When it was accepted; null = no review recorded (it counts when handed in, unless <see cref="AwaitingReview"/>).</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>When the report counts as finished: its acceptance (or hand-in without review); null while not accepted.</summary>
    public DateTimeOffset? FinishedAt => AwaitingReview ? null : AcceptedAt ?? SubmittedAt;
}
