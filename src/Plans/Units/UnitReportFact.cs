namespace TeamsPlans.Plans.Units;

/// <summary>The first report handed in on an assignment for a period key.</summary>
public sealed record UnitReportFact(string AssignmentId, string PeriodKey, DateTimeOffset SubmittedAt)
{
    /// <summary>Handed in but not accepted (awaiting review, or returned): not finished (issue 15).</summary>
    public bool AwaitingReview { get; init; }

    /// <summary>When it was accepted; null = no review recorded (it counts when handed in, unless <see cref="AwaitingReview"/>).</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>When the report counts as finished: its acceptance (or hand-in without review); null while not accepted.</summary>
    public DateTimeOffset? FinishedAt => AwaitingReview ? null : AcceptedAt ?? SubmittedAt;
}
