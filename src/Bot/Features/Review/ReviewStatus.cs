using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// The review state of an assignment, read from its history: the latest of "report handed in", "accepted", "returned"
/// decides (a report handed in after a return is awaiting review again). Every round stays in the history; a report a unit
/// head sent up (<see cref="HistoryEvent.ReportForwarded"/>) awaits review again within the same round.
/// </summary>
internal sealed record ReviewStatus(ReviewPhase Phase, HistoryEntry? Latest, int Rounds)
{
    public static readonly ReviewStatus None = new(ReviewPhase.None, null, 0);

    public static ReviewStatus Of(IReadOnlyList<HistoryEntry> history)
    {
        var steps = history.Where(e => e.Event is HistoryEvent.ReportHandedIn or HistoryEvent.ReportForwarded or HistoryEvent.Accepted
                or HistoryEvent.Returned)
            .OrderBy(e => e.Sequence).ToList();
        if (steps.Count == 0) return None;
        var last = steps[^1];
        var phase = last.Event switch
        {
            HistoryEvent.ReportHandedIn or HistoryEvent.ReportForwarded => ReviewPhase.Awaiting,
            HistoryEvent.Accepted => ReviewPhase.Accepted,
            _ => ReviewPhase.Returned,
        };
        return new ReviewStatus(phase, last, steps.Count(e => e.Event == HistoryEvent.ReportHandedIn));
    }

    /// <summary>
    /// When the work counts as finished: the acceptance of its report; without any report in review, the day the member
    /// marked it done. A report awaiting review or returned is not finished.
    /// </summary>
    public DateTimeOffset? FinishedAt(AssignmentState state) => Phase switch
    {
        ReviewPhase.Accepted => Latest!.At,
        ReviewPhase.None when state.Status == AssignmentStatus.Done => state.CompletedAt,
        _ => null,
    };

    /// <summary>
    /// Whether the assignment may not be marked done by its holder (issue 15: finished means accepted): a report of it is
    /// awaiting review, or was returned and not handed in again. Done then waits for the acceptance.
    /// </summary>
    public bool HoldsDone => Phase is ReviewPhase.Awaiting or ReviewPhase.Returned;

    public OfficialState StateOf(OfficialStateCalculator calc, AssignmentRecord a, int? planYear, DateOnly today) =>
        calc.Of(a.Deadlines, planYear, FinishedAt(a.State), today);
}
