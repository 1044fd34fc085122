namespace TeamsPlans.Storage;

/// <summary>
/// When each report counts as finished under review (issue 15): counting follows acceptance, not hand-in. The history of an
/// assignment gives its rounds: every "report handed in" (<see cref="HistoryEvent.ReportHandedIn"/>) waits for the next
/// decision, "accepted" (<see cref="HistoryEvent.Accepted"/>: finished on that instant) or "returned" (not finished); no
/// decision yet is awaiting review (not finished). A decision answers every hand-in since the previous one.
/// <para>
/// Reports are paired with the hand-in lines of their assignment in order, newest with newest: a report without a
/// hand-in line (handed in before reports were reviewed, or on a host without review) counts as finished when handed in.
/// </para>
/// </summary>
public static class ReportAcceptances
{
    /// <summary>(Tenant, report id) → when it counts as finished (acceptance instant, or hand-in without review); null = not finished.</summary>
    public static IReadOnlyDictionary<(string TenantId, string ReportId), DateTimeOffset?> Of(
        IEnumerable<ReportSubmission> reports, IEnumerable<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(history);
        var rounds = history.ToLookup(e => (e.TenantId, e.AssignmentId));
        var result = new Dictionary<(string TenantId, string ReportId), DateTimeOffset?>();
        foreach (var group in reports.GroupBy(r => (r.TenantId, r.AssignmentId)))
        {
            var handIns = Rounds(rounds[group.Key]);
            var ordered = group.OrderBy(r => r.SubmittedAt).ToList();
            for (var i = 0; i < ordered.Count; i++)
                result[(ordered[i].TenantId, ordered[i].ReportId)] = FinishedAt(i, ordered.Count, handIns, ordered[i].SubmittedAt);
        }
        return result;
    }

    /// <summary>The hand-ins of one assignment, oldest first, each with its acceptance instant (null: returned or awaiting).</summary>
    public static IReadOnlyList<DateTimeOffset?> Rounds(IEnumerable<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Rounds(history.OrderBy(e => e.Sequence).ThenBy(e => e.At).Select(e => (e.Event, e.At)));
    }

    /// <summary>
    /// When the report at <paramref name="index"/> of an assignment's <paramref name="count"/> reports (oldest first) counts
    /// as finished: paired with the hand-in rounds newest with newest; an unpaired (older) report counts when handed in.
    /// </summary>
    internal static DateTimeOffset? FinishedAt(int index, int count, IReadOnlyList<DateTimeOffset?> handIns, DateTimeOffset submittedAt)
    {
        var paired = Math.Min(count, handIns.Count);
        var j = index - (count - paired); // index among the paired newest reports
        return j < 0 ? submittedAt : handIns[handIns.Count - paired + j];
    }

    /// <summary><see cref="Rounds(IEnumerable{HistoryEntry})"/> over one assignment's events already in their order.</summary>
    internal static IReadOnlyList<DateTimeOffset?> Rounds(IEnumerable<(HistoryEvent Event, DateTimeOffset At)> ordered)
    {
        var list = new List<DateTimeOffset?>();
        var pending = 0;
        foreach (var e in ordered)
        {
            if (e.Event == HistoryEvent.ReportHandedIn) { list.Add(null); pending++; continue; }
            if (e.Event is not (HistoryEvent.Accepted or HistoryEvent.Returned)) continue;
            for (var k = list.Count - pending; k < list.Count; k++) list[k] = e.Event == HistoryEvent.Accepted ? e.At : null;
            pending = 0;
        }
        return list;
    }

    /// <summary>
    /// The reports of <paramref name="plans"/> with their finished instants, in one report read and one history read per
    /// plan; a state store without a history store counts every report when handed in.
    /// </summary>
    public static async Task<IReadOnlyList<(ReportSubmission Report, DateTimeOffset? FinishedAt)>> OfPlansAsync(
        IStateStore store, IReadOnlyCollection<(string TenantId, string PlanId)> plans, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var reports = (await StatusReadModels.Of(store).ReportsOfPlansAsync(plans, ct).ConfigureAwait(false)).Select(r => r.Report).ToList();
        if (reports.Count == 0) return [];
        IHistoryStore? history;
        try { history = HistoryStoreFactory.For(store); }
        catch (NotSupportedException) { history = null; }
        var entries = new List<HistoryEntry>();
        if (history is not null)
            foreach (var (tenantId, planId) in plans.Distinct())
                entries.AddRange(await history.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false));
        var finished = Of(reports, entries);
        return [.. reports.Select(r => (r, finished.GetValueOrDefault((r.TenantId, r.ReportId), r.SubmittedAt)))];
    }
}
