using System.Data.Common;
using TeamsPlans.Plans.Deadlines;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage.Sql;

/// <summary>
/// Keeps <c>assignment_deadlines</c> (migration 0012) in step with the assignments and plans: one row per deadline with
/// what its next occurrence is computed from (the month of its last day, the day of the month, the step in months), and
/// the assignment's plan, ordinal, member, openness and the plan's status and year, so "hạn sắp tới" reads only that table.
/// Called inside the writers' transactions; rows of assignments stored before the migration are written by <see cref="CatchUpAsync"/>.
/// </summary>
internal static class SqlDeadlineIndex
{
    /// <summary>One row's computed part: yearly (month of the year) or absolute month, day of the month, step (null = once).</summary>
    internal readonly record struct Row(bool Yearly, int AnchorMonth, int Dom, int? Step, int? AnchorKey);

    /// <summary>The horizon of an assignment with a recurring deadline: it always has one ahead.</summary>
    internal const int Always = int.MaxValue;

    /// <summary>
    /// The rows of <paramref name="deadlines"/>, following DueFormat.Next: the last day of the deadline, then (when it recurs)
    /// the same day every step months, clamped to the month's length. A deadline whose date cannot exist gets no row.
    /// </summary>
    internal static IEnumerable<Row> Rows(IReadOnlyList<Deadline> deadlines)
    {
        foreach (var d in deadlines)
        {
            var recurrence = d.Recurrence ?? (d.Due.Kind == DueKind.YearlyDate ? Recurrence.Yearly : null);
            int? step = recurrence is { } r ? RecurrenceSteps.Months(r) : null;
            var dom = d.Due.Kind is DueKind.Date or DueKind.YearlyDate ? d.Due.Day : 31;
            if (d.Due.Kind == DueKind.YearlyDate)
            {
                if (d.Due.Month is < 1 or > 12 || d.Due.Day is < 1 or > 31) continue;
                yield return new Row(true, d.Due.Month - 1, dom, step, null);
                continue;
            }
            DateOnly last;
            try { last = d.Due.LastDay(); }
            catch (ArgumentOutOfRangeException) { continue; }
            catch (InvalidOperationException) { continue; }
            var month = last.Year * 12 + last.Month - 1;
            yield return new Row(false, month, Math.Min(dom, 31), step, step is null ? month * 32 + last.Day : null);
        }
    }

    private const string Insert = """
        INSERT INTO assignment_deadlines (tenant_id, assignment_id, idx, plan_id, ordinal, member_aad_object_id, is_open, published, plan_year,
          yearly, anchor_month, dom, step, anchor_key, horizon)
        VALUES (@tenant, @id, @idx, @plan, @ordinal, @member, @open, @published, @year, @yearly, @month, @dom, @step, @key, @horizon)
        """;

    /// <summary>Rewrites the rows of <paramref name="assignments"/> (their plans' status and year read once per plan).</summary>
    public static async Task WriteAsync(SqlDb db, DbConnection c, DbTransaction tx, IReadOnlyList<AssignmentRecord> assignments, CancellationToken ct)
    {
        var plans = new Dictionary<(string, string), (bool Published, int? Year)>();
        foreach (var a in assignments)
        {
            if (!plans.TryGetValue((a.TenantId, a.PlanId), out var plan))
                plans[(a.TenantId, a.PlanId)] = plan = await PlanAsync(db, c, tx, a.TenantId, a.PlanId, ct).ConfigureAwait(false);
            await WriteAsync(c, tx, a.TenantId, a.AssignmentId, a.PlanId, a.Ordinal, a.MemberAadObjectId, a.State.Status != AssignmentStatus.Done,
                plan, a.Deadlines ?? [], ct).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(DbConnection c, DbTransaction tx, string tenantId, string assignmentId, string planId, int ordinal,
        string? member, bool open, (bool Published, int? Year) plan, IReadOnlyList<Deadline> deadlines, CancellationToken ct)
    {
        await using (var del = c.Command(tx, "DELETE FROM assignment_deadlines WHERE tenant_id = @tenant AND assignment_id = @id"))
        {
            del.P("@tenant", tenantId).P("@id", assignmentId);
            await del.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        var rows = Rows(deadlines).ToList();
        var horizon = rows.Any(r => r.Step is not null) ? Always : rows.Select(r => r.AnchorKey ?? 0).DefaultIfEmpty().Max();
        var idx = 0;
        foreach (var row in rows)
        {
            await using var ins = c.Command(tx, Insert);
            ins.P("@tenant", tenantId).P("@id", assignmentId).P("@idx", idx++).P("@plan", planId).P("@ordinal", ordinal).P("@member", member)
               .P("@open", open ? 1 : 0).P("@published", plan.Published ? 1 : 0).P("@year", plan.Year)
               .P("@yearly", row.Yearly ? 1 : 0).P("@month", row.AnchorMonth).P("@dom", row.Dom).P("@step", row.Step)
               .P("@key", row.AnchorKey).P("@horizon", horizon);
            await ins.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task<(bool Published, int? Year)> PlanAsync(SqlDb db, DbConnection c, DbTransaction tx, string tenantId, string planId,
        CancellationToken ct)
    {
        await using var cmd = c.Command(tx,
            $"SELECT status, {YearOf(db, "document_json")} AS plan_year FROM plans WHERE tenant_id = @tenant AND plan_id = @plan");
        cmd.P("@tenant", tenantId).P("@plan", planId);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await r.ReadAsync(ct).ConfigureAwait(false)) return (false, null);
        int? year = r.IsDBNull(1) ? null : Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        return (r.GetString(0) == nameof(PlanStatus.Published), year);
    }

    /// <summary>The plan document's year, read by the database (the document is not sent back).</summary>
    private static string YearOf(SqlDb db, string column) => db.Provider == StateStoreOptions.Postgres
        ? $"CASE WHEN jsonb_typeof({column} -> 'year') = 'number' THEN ({column} ->> 'year')::int END"
        : $"CASE WHEN json_type({column}, '$.year') = 'integer' THEN json_extract({column}, '$.year') END";

    /// <summary>A plan was written: its rows follow its status and year.</summary>
    public static async Task SetPlanAsync(DbConnection c, DbTransaction tx, StoredPlan plan, CancellationToken ct)
    {
        await using var cmd = c.Command(tx,
            "UPDATE assignment_deadlines SET published = @published, plan_year = @year WHERE tenant_id = @tenant AND plan_id = @plan");
        cmd.P("@published", plan.Status == PlanStatus.Published ? 1 : 0).P("@year", plan.Document.Year)
           .P("@tenant", plan.TenantId).P("@plan", plan.PlanId);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>An assignment's state changed: its rows are open unless it is Done.</summary>
    public static async Task SetOpenAsync(DbConnection c, DbTransaction tx, string tenantId, string assignmentId, AssignmentState state,
        CancellationToken ct)
    {
        await using var cmd = c.Command(tx, "UPDATE assignment_deadlines SET is_open = @open WHERE tenant_id = @tenant AND assignment_id = @id");
        cmd.P("@open", state.Status == AssignmentStatus.Done ? 0 : 1).P("@tenant", tenantId).P("@id", assignmentId);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>An assignment was handed to another member.</summary>
    public static async Task SetMemberAsync(DbConnection c, DbTransaction tx, string tenantId, string assignmentId, string? member,
        CancellationToken ct)
    {
        await using var cmd = c.Command(tx,
            "UPDATE assignment_deadlines SET member_aad_object_id = @member WHERE tenant_id = @tenant AND assignment_id = @id");
        cmd.P("@member", member).P("@tenant", tenantId).P("@id", assignmentId);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the rows of the assignments stored before migration 0012 (listed in assignment_deadlines_pending), 1,000 per
    /// transaction, then forgets them. Nothing to do (one query) once they are written; several instances may run it at once.
    /// </summary>
    public static async Task CatchUpAsync(SqlDb db, CancellationToken ct)
    {
        var assignments = new SqlAssignmentStore(db);
        while (await db.WriteAsync(async (c, tx) =>
        {
            List<(string Tenant, string Id)> pending;
            const string next = "SELECT tenant_id, assignment_id FROM assignment_deadlines_pending ORDER BY tenant_id, assignment_id LIMIT 1000";
            await using (var cmd = c.Command(tx, next))
                pending = await cmd.ListAsync(r => (r.GetString(0), r.GetString(1)), ct).ConfigureAwait(false);
            var rows = new List<AssignmentRecord>();
            foreach (var (tenant, id) in pending)
            {
                const string one = $"SELECT {SqlAssignmentStore.Columns} FROM assignments WHERE tenant_id = @tenant AND assignment_id = @id";
                await using (var get = c.Command(tx, one))
                {
                    get.P("@tenant", tenant).P("@id", id);
                    if (await get.FirstAsync(assignments.Map, ct).ConfigureAwait(false) is { } a) rows.Add(a);
                }
                await using var done = c.Command(tx, "DELETE FROM assignment_deadlines_pending WHERE tenant_id = @tenant AND assignment_id = @id");
                done.P("@tenant", tenant).P("@id", id);
                await done.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await WriteAsync(db, c, tx, rows, ct).ConfigureAwait(false);
            return pending.Count;
        }, ct).ConfigureAwait(false) > 0)
        {
        }
    }
}
