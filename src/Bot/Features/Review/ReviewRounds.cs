using System.Globalization;
using TeamsPlans.Plans.Scheduling;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// The earlier rounds of a report, read from the assignment's history (issue 15): each hand-in before the one under review,
/// who handed it in and when, and what became of it (who returned it, when, and the reason). The review card shows them so
/// the reviewer sees the report's story before deciding.
/// </summary>
internal static class ReviewRounds
{
    /// <summary>One round: its hand-in and the decision on it (null while it awaited review).</summary>
    internal sealed record Round(int Number, HistoryEntry HandIn, HistoryEntry? Decision);

    public static IReadOnlyList<Round> Of(IReadOnlyList<HistoryEntry> history)
    {
        var rounds = new List<Round>();
        var steps = history.Where(e => e.Event is HistoryEvent.ReportHandedIn or HistoryEvent.Accepted or HistoryEvent.Returned);
        foreach (var e in steps.OrderBy(e => e.Sequence))
        {
            if (e.Event == HistoryEvent.ReportHandedIn) rounds.Add(new Round(rounds.Count + 1, e, null));
            else if (rounds.Count > 0 && rounds[^1].Decision is null) rounds[^1] = rounds[^1] with { Decision = e };
        }
        return rounds;
    }

    /// <summary>The "Các lần nộp trước" section: the rounds before <paramref name="current"/>, oldest first; none when it is the first.</summary>
    public static IEnumerable<CardElement> Earlier(IReadOnlyList<HistoryEntry> history, HistoryEntry current, ReviewTexts t, double scale)
    {
        var rounds = Of(history).Where(r => r.HandIn.Sequence < current.Sequence).ToList();
        // A report a unit head sent up (ReportForwarded) is the last hand-in's round, not an earlier one.
        var earlier = current.Event == HistoryEvent.ReportForwarded && rounds.Count > 0 ? rounds[..^1] : rounds;
        if (earlier.Count == 0) yield break;
        yield return new TextBlock(t.EarlierRounds) { Id = "earlierRounds", Weight = "bolder", Spacing = "medium", Separator = true };
        foreach (var r in earlier.TakeLast(Cap(5, scale)))
        {
            var handedIn = t.RoundHandedIn(r.Number.ToString(CultureInfo.InvariantCulture), r.HandIn.ActorName ?? r.HandIn.Actor, Day(r.HandIn));
            var outcome = r.Decision switch
            {
                null => "",
                { Event: HistoryEvent.Returned } d => " — " + t.ReturnedBy(d.ActorName ?? d.Actor, Day(d), d.Detail ?? ""),
                { } d => " — " + t.AcceptedBy(d.ActorName ?? d.Actor, Day(d)),
            };
            yield return new TextBlock(Cut(handedIn + outcome, 700, scale)) { Id = "round-" + r.Number, Spacing = "small", IsSubtle = true };
        }
    }

    private static string Day(HistoryEntry e) => VietnamTime.Local(e.At).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
