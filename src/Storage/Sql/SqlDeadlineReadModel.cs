using System.Data.Common;
using System.Globalization;

namespace TeamsPlans.Storage.Sql;

/// <summary>
/// <see cref="IDeadlineReadModel"/> over assignment_deadlines (migration 0012), plain SQL shared by SQLite and PostgreSQL:
/// the database computes each row's next occurrence (months as year * 12 + month - 1, the day clamped to the month's
/// length, as DueFormat.Next does), counts the assignments that have one (from an index), and returns the first ones in order (the one-off deadlines
/// from an index in that order, the recurring ones computed); then the assignments shown are read by key with their plan's
/// number. Four queries, whatever the number of plans.
/// </summary>
internal sealed class SqlDeadlineReadModel(SqlDb db) : IDeadlineReadModel
{
    private readonly SqlAssignmentStore _assignments = new(db);

    /// <summary>The length of month <paramref name="m"/> (year * 12 + month - 1) in SQL.</summary>
    private static string MonthLength(string m) =>
        $"CASE ({m}) % 12 WHEN 1 THEN CASE WHEN (({m}) / 12 % 4 = 0 AND ({m}) / 12 % 100 <> 0) OR ({m}) / 12 % 400 = 0 THEN 29 ELSE 28 END " +
        $"WHEN 3 THEN 30 WHEN 5 THEN 30 WHEN 8 THEN 30 WHEN 10 THEN 30 ELSE 31 END";

    /// <summary>Sortable key of a day: month * 32 + the day of the month clamped to its length.</summary>
    private static string DayKey(string m) =>
        $"({m}) * 32 + CASE WHEN dom <= 28 THEN dom WHEN dom < {MonthLength(m)} THEN dom ELSE {MonthLength(m)} END";

    private static string Filter(string? member) =>
        "tenant_id = @tenant AND published = 1 AND is_open = 1" + (member is null ? "" : " AND member_aad_object_id = @member");

    // A member's rows come from ix_assignment_deadlines_member: the same conditions written so that they do not select the
    // partial indexes (which hold the whole tenant's rows); SQLite without statistics would otherwise take those.
    private static string Once(string? member) => member is null ? "step IS NULL" : "COALESCE(step, 0) = 0";
    private static string Recurs(string? member) => member is null ? "step IS NOT NULL" : "COALESCE(step, 0) > 0";
    private static string FirstRow(string? member) => member is null ? "idx = 0" : "idx + 0 = 0";

    private string Binary => db.Provider == StateStoreOptions.Postgres ? " COLLATE \"C\"" : "";

    public Task<DeadlinePage> NextDeadlinesAsync(string tenantId, string? memberAadObjectId, DateOnly today, int take,
        CancellationToken ct = default) =>
        db.ReadAsync(async c =>
        {
            var total = await CountAsync(c, tenantId, memberAadObjectId, today, ct).ConfigureAwait(false);
            if (total == 0 || take <= 0) return new DeadlinePage([], total);
            // One row per deadline: the first appearance of an assignment is its next deadline. The one-off deadlines (from the
            // index, in order) and the recurring ones (computed) each give their first rows, with room for assignments that
            // have several deadlines; more only when that room was used up by repeats.
            var ordered = new List<(string Id, int? Year)>();
            for (var limit = take * 2; ; limit *= 4)
            {
                var once = await TopAsync(c, OnceSql(memberAadObjectId), tenantId, memberAadObjectId, today, limit, ct).ConfigureAwait(false);
                var recurring = await TopAsync(c, RecurringSql(memberAadObjectId), tenantId, memberAadObjectId, today, limit, ct)
                    .ConfigureAwait(false);
                ordered = [.. once.Concat(recurring)
                    .OrderBy(r => r.Key).ThenBy(r => r.Plan, StringComparer.Ordinal).ThenBy(r => r.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)
                    .DistinctBy(r => r.Id, StringComparer.Ordinal).Take(take).Select(r => (r.Id, r.Year))];
                if (ordered.Count == take || (once.Count < limit && recurring.Count < limit)) break;
            }
            if (ordered.Count == 0) return new DeadlinePage([], total);
            var byId = await AssignmentsAsync(c, tenantId, ordered.Select(o => o.Id), ct).ConfigureAwait(false);
            return new DeadlinePage([.. ordered.Where(o => byId.ContainsKey(o.Id))
                .Select(o => new DeadlineEntry(byId[o.Id].Assignment, byId[o.Id].Number, o.Year))], total);
        }, ct);

    private static void Today(DbCommand cmd, string tenantId, string? member, DateOnly today)
    {
        cmd.P("@tenant", tenantId).P("@ty", today.Year).P("@tm", today.Year * 12 + today.Month - 1).P("@tday", today.Day);
        if (member is not null) cmd.P("@member", member);
    }

    /// <summary>Open assignments with a deadline ahead: one row each (idx 0) whose horizon (latest one-off day, or always) is not past.</summary>
    private static async Task<int> CountAsync(DbConnection c, string tenantId, string? member, DateOnly today, CancellationToken ct)
    {
        await using var cmd = c.Command(null,
            $"SELECT COUNT(*) FROM assignment_deadlines WHERE {Filter(member)} AND {FirstRow(member)} AND horizon >= @tm * 32 + @tday");
        Today(cmd, tenantId, member, today);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>The one-off deadlines from today on, in the index's order (ix_assignment_deadlines_once).</summary>
    private string OnceSql(string? member) => $"""
        SELECT assignment_id, plan_id, ordinal, plan_year, anchor_key AS due_key FROM assignment_deadlines
        WHERE {Filter(member)} AND {Once(member)} AND anchor_key >= @tm * 32 + @tday
        ORDER BY anchor_key, plan_id{Binary}, ordinal, assignment_id{Binary}
        LIMIT @limit
        """;

    /// <summary>
    /// The recurring deadlines' next day: the anchor (the last day; a yearly date in the plan's year, else this year) when
    /// that is today or later, else the first month anchor + k * step that is not before today's (the next step when that
    /// month's day has passed).
    /// </summary>
    private string RecurringSql(string? member) => $"""
        SELECT assignment_id, plan_id, ordinal, plan_year, due_key FROM (
          SELECT assignment_id, plan_id, ordinal, plan_year,
                 CASE WHEN akey >= @tm * 32 + @tday THEN akey ELSE {DayKey("nm")} END AS due_key
          FROM (
            SELECT assignment_id, plan_id, ordinal, plan_year, step, dom, akey,
                   am + (@tm - am + step - 1) / step * step
                      + CASE WHEN am + (@tm - am + step - 1) / step * step = @tm AND dom < @tday THEN step ELSE 0 END AS nm
            FROM (
              SELECT assignment_id, plan_id, ordinal, plan_year, step, dom, am, {DayKey("am")} AS akey
              FROM (
                SELECT assignment_id, plan_id, ordinal, plan_year, step, dom,
                       CASE WHEN yearly = 1 THEN COALESCE(plan_year, @ty) * 12 + anchor_month ELSE anchor_month END AS am
                FROM assignment_deadlines WHERE {Filter(member)} AND {Recurs(member)}) a) b) d) e
        ORDER BY due_key, plan_id{Binary}, ordinal, assignment_id{Binary}
        LIMIT @limit
        """;

    private static async Task<List<(string Id, string Plan, int Ordinal, int? Year, long Key)>> TopAsync(DbConnection c, string sql,
        string tenantId, string? member,
        DateOnly today, int limit, CancellationToken ct)
    {
        await using var cmd = c.Command(null, sql);
        Today(cmd, tenantId, member, today);
        cmd.P("@limit", limit);
        return await cmd.ListAsync(r => (r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture),
            r.IsDBNull(3) ? (int?)null : Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
            Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture)), ct).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, (AssignmentRecord Assignment, string? Number)>> AssignmentsAsync(DbConnection c, string tenantId,
        IEnumerable<string> ids, CancellationToken ct)
    {
        await using var cmd = c.Command(null, "");
        var columns = string.Join(", ", SqlAssignmentStore.Columns.Split(", ").Select(col => "a." + col.Trim()));
        cmd.CommandText = $"""
            SELECT {columns}, p.number AS plan_number
            FROM assignments a JOIN plans p ON p.tenant_id = a.tenant_id AND p.plan_id = a.plan_id
            WHERE a.tenant_id = @tenant AND a.assignment_id IN ({cmd.InList("a", ids)})
            """;
        cmd.P("@tenant", tenantId);
        return (await cmd.ListAsync(r => (Assignment: _assignments.Map(r), Number: r.StringOrNull("plan_number")), ct).ConfigureAwait(false))
            .ToDictionary(x => x.Assignment.AssignmentId, StringComparer.Ordinal);
    }
}
