namespace TeamsPlans.Plans.Rollup;

/// <summary>
/// Whether a unit reported for one occurrence (<paramref name="Submitted"/>: handed in, <paramref name="SubmittedAt"/> the
/// first hand-in); Overdue when not finished (not accepted) and the due date has passed (Vietnam time).
/// </summary>
public sealed record RollupPeriodStatus(
    RollupOccurrence Occurrence, bool Submitted, DateTimeOffset? SubmittedAt, string? ReportId, bool Overdue)
{
    /// <summary>Handed in, but no report of the period accepted yet (awaiting review or returned): not finished.</summary>
    public bool AwaitingReview { get; init; }

    /// <summary>When the first accepted report was accepted; null = no review recorded (counts when handed in).</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>When the unit's report counts as finished (issue 15: acceptance, not hand-in); null while not finished.</summary>
    public DateTimeOffset? FinishedAt => AwaitingReview ? null : AcceptedAt ?? SubmittedAt;
}
