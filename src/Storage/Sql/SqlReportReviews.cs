using System.Data.Common;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Storage.Sql;

/// <summary>
/// The reports of one plan with their review (issue 15, <see cref="ReportAcceptances"/>) in two statements on the caller's
/// connection: the reports' assignment, period and hand-in instant (no file, no submitter), and only the review events of the
/// plan's history (hand-in, accepted, returned), both already in the order the pairing needs. The events come from
/// ix_assignment_history_plan_event (migration 0017) alone; `+id` keeps SQLite (no statistics) from preferring
/// ix_assignment_history_plan to save the sort, which reads every event of the plan (several per assignment).
/// </summary>
internal sealed class SqlReportReviews(SqlDb db)
{
    public async Task<IReadOnlyList<UnitReportFact>> ReportsAsync(DbConnection c, string tenantId, string planId, CancellationToken ct)
    {
        await using var reportCmd = c.Command(null, """
            SELECT r.assignment_id, r.period, r.submitted_at
            FROM assignments a CROSS JOIN reports r
            WHERE r.tenant_id = a.tenant_id AND r.assignment_id = a.assignment_id AND a.tenant_id = @tenant AND a.plan_id = @plan
            ORDER BY r.submitted_at, r.report_id
            """);
        reportCmd.P("@tenant", tenantId).P("@plan", planId);
        var reports = await reportCmd.ListAsync(r => (Assignment: r.GetString(0), Period: r.GetString(1), At: db.ReadTime(r, 2)), ct)
            .ConfigureAwait(false);
        if (reports.Count == 0) return [];

        await using var historyCmd = c.Command(null, """
            SELECT assignment_id, event, at FROM assignment_history
            WHERE tenant_id = @tenant AND plan_id = @plan AND event IN ('ReportHandedIn', 'Accepted', 'Returned')
            ORDER BY +id
            """);
        historyCmd.P("@tenant", tenantId).P("@plan", planId);
        var events = (await historyCmd.ListAsync(r => (Assignment: r.GetString(0), Event: Enum.Parse<HistoryEvent>(r.GetString(1)),
            At: db.ReadTime(r, 2)), ct).ConfigureAwait(false)).ToLookup(e => e.Assignment, e => (e.Event, e.At), StringComparer.Ordinal);

        // Each assignment's reports oldest first (the statement's order; sorting on the text id would cost PostgreSQL a
        // collation-aware sort of every row), paired with its hand-in rounds.
        var result = new List<UnitReportFact>(reports.Count);
        foreach (var group in reports.GroupBy(r => r.Assignment, StringComparer.Ordinal))
        {
            var handIns = ReportAcceptances.Rounds(events[group.Key]);
            var count = group.Count();
            var i = 0;
            foreach (var r in group)
            {
                var finished = ReportAcceptances.FinishedAt(i++, count, handIns, r.At);
                result.Add(new UnitReportFact(r.Assignment, r.Period, r.At) { AwaitingReview = finished is null, AcceptedAt = finished });
            }
        }
        return result;
    }
}
