using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Features.Rollup;

/// <summary>
/// The roll-up read in the four official states (issue 15), each unit's report for each occurrence: accepted (or handed
/// in where no review is recorded, <see cref="RollupPeriodStatus.FinishedAt"/>) on or before its due day (the next working day when it
/// falls on a holiday or a weekend) is done on time, after it done late;
/// not accepted (awaiting review, returned, not handed in) is overdue after the due day, within the deadline before. Counted over every
/// unit and occurrence.
/// </summary>
internal static class RollupStates
{
    public static OfficialState Of(RollupPeriodStatus p, DateOnly today, OfficialStateCalculator calc) =>
        calc.Of([new Deadline(DueDate.OnDate(p.Occurrence.Due), null, p.Occurrence.What, null, null)], null,
            p.FinishedAt, today);

    /// <summary>Adds the four-state counts ("rollupStates") under the roll-up's facts.</summary>
    public static AdaptiveCard Append(AdaptiveCard card, DepartmentRollup r, OfficialStateCalculator calc, CardView v)
    {
        if (r.Occurrences.Count == 0) return card;
        var states = r.Units.SelectMany(u => u.Periods).Select(p => Of(p, r.Today, calc));
        var at = card.Body.FindIndex(e => e.Id == "rollupFacts");
        card.Body.Insert(at < 0 ? card.Body.Count : at + 1, Review.OfficialStateText.Counts(states, v, "rollupStates", separator: false));
        return card;
    }
}
