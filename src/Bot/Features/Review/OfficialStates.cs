using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// The official state of stored assignments, for every place that counts them (card, My tasks, status, roll-up, Planner,
/// exports): the review state from the history, then <see cref="OfficialStateCalculator"/> (the domain function) on the
/// deadlines and the accepted date.
/// </summary>
internal sealed class OfficialStates(IHistoryStore history, OfficialStateCalculator calculator)
{
    public async Task<OfficialState> OfAsync(StoredPlan plan, AssignmentRecord a, DateOnly today, CancellationToken ct)
    {
        var review = ReviewStatus.Of(await history.ListByAssignmentAsync(a.TenantId, a.AssignmentId, ct).ConfigureAwait(false));
        return review.StateOf(calculator, a, plan.Document.Year, today);
    }

    /// <summary>The review state of one assignment, from its history.</summary>
    public async Task<ReviewStatus> ReviewOfAsync(string tenantId, string assignmentId, CancellationToken ct) =>
        ReviewStatus.Of(await history.ListByAssignmentAsync(tenantId, assignmentId, ct).ConfigureAwait(false));

    /// <summary>How many of <paramref name="assignments"/> are in each of the four states (every state present, zero or more).</summary>
    public async Task<IReadOnlyDictionary<OfficialState, int>> CountAsync(StoredPlan plan, IReadOnlyList<AssignmentRecord> assignments,
        DateOnly today, CancellationToken ct)
    {
        var counts = Enum.GetValues<OfficialState>().ToDictionary(s => s, _ => 0);
        foreach (var s in (await StatesAsync(plan, assignments, today, ct).ConfigureAwait(false)).Values) counts[s]++;
        return counts;
    }

    /// <summary>The official state of each of <paramref name="assignments"/> (of one plan), by assignment id.</summary>
    public async Task<IReadOnlyDictionary<string, OfficialState>> StatesAsync(StoredPlan plan, IReadOnlyList<AssignmentRecord> assignments,
        DateOnly today, CancellationToken ct)
    {
        // One history query per plan, not one per assignment (status reads a fixed number of queries, issue 17).
        var states = new Dictionary<string, OfficialState>(StringComparer.Ordinal);
        if (assignments.Count == 0) return states;
        var entries = await history.ListByPlanAsync(plan.TenantId, plan.PlanId, ct).ConfigureAwait(false);
        var byAssignment = entries.ToLookup(e => e.AssignmentId, StringComparer.Ordinal);
        foreach (var a in assignments)
            states[a.AssignmentId] = ReviewStatus.Of([.. byAssignment[a.AssignmentId]]).StateOf(calculator, a, plan.Document.Year, today);
        return states;
    }

    /// <summary>Adds, under the status card, the four-state counts of each plan shown ("Tình trạng theo hạn").</summary>
    public async Task AppendToStatusAsync(AdaptiveCard card, IReadOnlyList<(StoredPlan Plan, IReadOnlyList<AssignmentRecord> Assignments)> rows,
        CardView v, CancellationToken ct)
    {
        var vi = v.S.Lang == "vi";
        foreach (var (plan, list) in rows.Where(r => r.Plan.Status == PlanStatus.Published).Take(5))
        {
            var counts = await CountAsync(plan, list, v.Today, ct).ConfigureAwait(false);
            card.Body.Add(new Container
            {
                Id = "officialStates-" + plan.PlanId, Separator = true, Spacing = "medium",
                Items =
                [
                    new TextBlock($"{ReviewTexts.For(v).StateLabel} — {plan.Number ?? plan.PlanId}") { Weight = "bolder" },
                    new FactSet { Facts = [.. counts.Select(kv => new Fact(OfficialStateLabels.For(kv.Key, vi),
                        kv.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))] },
                ],
            });
        }
    }
}
