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
            var paired = Math.Min(ordered.Count, handIns.Count);
            for (var i = 0; i < ordered.Count; i++)
            {
                var j = i - (ordered.Count - paired); // index among the paired newest reports
                result[(ordered[i].TenantId, ordered[i].ReportId)] = j < 0 ? ordered[i].SubmittedAt : handIns[handIns.Count - paired + j];
            }
        }
        return result;
    }

    /// <summary>The hand-ins of one assignment, oldest first, each with its acceptance instant (null: returned or awaiting).</summary>
    public static IReadOnlyList<DateTimeOffset?> Rounds(IEnumerable<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var list = new List<DateTimeOffset?>();
        var pending = 0;
        foreach (var e in history.OrderBy(e => e.Sequence).ThenBy(e => e.At))
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
