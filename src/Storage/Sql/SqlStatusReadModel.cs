using System.Data.Common;

namespace TeamsPlans.Storage.Sql;

/// <summary>
/// <see cref="IStatusReadModel"/> in plain SQL shared by SQLite and PostgreSQL: one statement per call (IN lists and joins
/// instead of one query per plan or per assignment), served by the indexes of migration 0008 (docs/performance.md).
/// CROSS JOIN where the join order matters: SQLite (no statistics) then keeps the written order — from the few assignments
/// to their reports — and PostgreSQL plans it like any inner join.
/// </summary>
internal sealed class SqlStatusReadModel(SqlDb db) : IStatusReadModel
{
    private readonly SqlPlanStore _plans = new(db);
    private readonly SqlAssignmentStore _assignments = new(db);
    private readonly SqlReportStore _reports = new(db);

    private static string Prefixed(string columns, string alias) => string.Join(", ", columns.Split(", ").Select(c => alias + "." + c.Trim()));

    public Task<StatusPage> PlansPageAsync(string tenantId, int take, CancellationToken ct = default) =>
        db.ReadAsync(async c =>
        {
            // The ids from the index ix_plans_status alone, then only those rows (documents are large).
            await using var cmd = c.Command(null, """
                SELECT plan_id FROM plans WHERE tenant_id = @tenant AND status <> 'Archived'
                ORDER BY CASE WHEN status = 'Published' THEN 0 ELSE 1 END, updated_at DESC, created_at, plan_id
                LIMIT @take
                """);
            cmd.P("@tenant", tenantId).P("@take", Math.Max(0, take));
            var ids = await cmd.ListAsync(r => r.GetString(0), ct).ConfigureAwait(false);
            var rows = ids.Count == 0 ? [] : await PlansAsync(c, tenantId, ids, ct).ConfigureAwait(false);
            var plans = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
            await using var count = c.Command(null, "SELECT COUNT(*) FROM plans WHERE tenant_id = @tenant AND status <> 'Archived'");
            count.P("@tenant", tenantId);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            return new StatusPage(plans, total);
        }, ct);

    public Task<IReadOnlyDictionary<string, StoredPlan>> PlansAsync(string tenantId, IReadOnlyCollection<string> planIds,
        CancellationToken ct = default) =>
        planIds.Count == 0 ? Task.FromResult<IReadOnlyDictionary<string, StoredPlan>>(new Dictionary<string, StoredPlan>()) :
        db.ReadAsync<IReadOnlyDictionary<string, StoredPlan>>(async c => await PlansAsync(c, tenantId, planIds, ct).ConfigureAwait(false), ct);

    private async Task<Dictionary<string, StoredPlan>> PlansAsync(DbConnection c, string tenantId, IEnumerable<string> planIds, CancellationToken ct)
    {
        await using var cmd = c.Command(null, "");
        cmd.CommandText = $"SELECT {SqlPlanStore.Columns} FROM plans WHERE tenant_id = @tenant AND plan_id IN " +
            $"({cmd.InList("p", planIds.Distinct(StringComparer.Ordinal))})";
        cmd.P("@tenant", tenantId);
        return (await cmd.ListAsync(_plans.Map, ct).ConfigureAwait(false)).ToDictionary(p => p.PlanId, StringComparer.Ordinal);
    }

    public Task<IReadOnlyDictionary<(string TenantId, string PlanId), StoredPlan>> PlansAsync(
        IReadOnlyCollection<(string TenantId, string PlanId)> keys, CancellationToken ct = default)
    {
        var wanted = keys.ToHashSet();
        if (wanted.Count == 0) return Task.FromResult<IReadOnlyDictionary<(string, string), StoredPlan>>(
            new Dictionary<(string, string), StoredPlan>());
        return db.ReadAsync<IReadOnlyDictionary<(string, string), StoredPlan>>(async c =>
        {
            await using var cmd = c.Command(null, "");
            cmd.CommandText = $"""
                SELECT {SqlPlanStore.Columns} FROM plans
                WHERE tenant_id IN ({cmd.InList("t", wanted.Select(k => k.TenantId).Distinct(StringComparer.Ordinal))})
                  AND plan_id IN ({cmd.InList("p", wanted.Select(k => k.PlanId).Distinct(StringComparer.Ordinal))})
                """;
            var result = new Dictionary<(string, string), StoredPlan>();
            foreach (var p in await cmd.ListAsync(_plans.Map, ct).ConfigureAwait(false))
                if (wanted.Contains((p.TenantId, p.PlanId))) result[(p.TenantId, p.PlanId)] = p;
            return result;
        }, ct);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<AssignmentRecord>>> AssignmentsByPlanAsync(string tenantId,
        IReadOnlyCollection<string> planIds, CancellationToken ct = default)
    {
        var result = planIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new List<AssignmentRecord>(), StringComparer.Ordinal);
        if (result.Count == 0) return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<AssignmentRecord>>>(
            new Dictionary<string, IReadOnlyList<AssignmentRecord>>());
        return db.ReadAsync<IReadOnlyDictionary<string, IReadOnlyList<AssignmentRecord>>>(async c =>
        {
            await using var cmd = c.Command(null, "");
            cmd.CommandText = $"""
                SELECT {SqlAssignmentStore.Columns} FROM assignments
                WHERE tenant_id = @tenant AND plan_id IN ({cmd.InList("p", result.Keys)})
                ORDER BY plan_id, ordinal, assignment_id
                """;
            cmd.P("@tenant", tenantId);
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                {
                    var a = _assignments.Map(r);
                    result[a.PlanId].Add(a);
                }
            return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<AssignmentRecord>)kv.Value, StringComparer.Ordinal);
        }, ct);
    }

    public Task<IReadOnlyList<Member>> MembersAsync(string tenantId, IReadOnlyCollection<string> aadObjectIds, CancellationToken ct = default) =>
        aadObjectIds.Count == 0 ? Task.FromResult<IReadOnlyList<Member>>([]) :
        db.ReadAsync<IReadOnlyList<Member>>(async c =>
        {
            await using var cmd = c.Command(null, "");
            cmd.CommandText = $"SELECT {SqlMemberStore.Columns} FROM members WHERE tenant_id = @tenant AND aad_object_id IN " +
                $"({cmd.InList("m", aadObjectIds.Distinct(StringComparer.Ordinal))})";
            cmd.P("@tenant", tenantId);
            return await cmd.ListAsync(SqlMemberStore.Map, ct).ConfigureAwait(false);
        }, ct);

    public Task<IReadOnlyDictionary<string, int>> ReportsHandedInAsync(string tenantId, IReadOnlyCollection<string> planIds,
        CancellationToken ct = default) =>
        planIds.Count == 0 ? Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>()) :
        db.ReadAsync<IReadOnlyDictionary<string, int>>(async c =>
        {
            await using var cmd = c.Command(null, "");
            cmd.CommandText = $"""
                SELECT x.plan_id, SUM(x.n) AS n FROM (
                  SELECT a.plan_id, (SELECT COUNT(DISTINCT r.period) FROM reports r
                                     WHERE r.tenant_id = a.tenant_id AND r.assignment_id = a.assignment_id) AS n
                  FROM assignments a
                  WHERE a.tenant_id = @tenant AND a.plan_id IN ({cmd.InList("p", planIds.Distinct(StringComparer.Ordinal))})) x
                GROUP BY x.plan_id HAVING SUM(x.n) > 0
                """;
            cmd.P("@tenant", tenantId);
            return (await cmd.ListAsync(r => (Plan: r.GetString(0),
                N: Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)), ct).ConfigureAwait(false))
                .ToDictionary(x => x.Plan, x => x.N, StringComparer.Ordinal);
        }, ct);

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> LastReportsOfMemberAsync(string tenantId, string aadObjectId,
        CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyDictionary<string, DateTimeOffset>>(async c =>
        {
            await using var cmd = c.Command(null, """
                SELECT r.assignment_id, MAX(r.submitted_at) AS last_at
                FROM assignments a CROSS JOIN reports r
                WHERE r.tenant_id = a.tenant_id AND r.assignment_id = a.assignment_id AND a.tenant_id = @tenant AND a.member_aad_object_id = @member
                GROUP BY r.assignment_id
                """);
            cmd.P("@tenant", tenantId).P("@member", aadObjectId);
            return (await cmd.ListAsync(r => (Id: r.GetString(0), At: db.ReadTime(r, 1)), ct).ConfigureAwait(false))
                .ToDictionary(x => x.Id, x => x.At, StringComparer.Ordinal);
        }, ct);

    public Task<IReadOnlyList<PlanReport>> ReportsOfPlansAsync(IReadOnlyCollection<(string TenantId, string PlanId)> plans,
        CancellationToken ct = default)
    {
        var wanted = plans.ToHashSet();
        if (wanted.Count == 0) return Task.FromResult<IReadOnlyList<PlanReport>>([]);
        return db.ReadAsync<IReadOnlyList<PlanReport>>(async c =>
        {
            await using var cmd = c.Command(null, "");
            cmd.CommandText = $"""
                SELECT a.plan_id AS owning_plan, {Prefixed(SqlReportStore.Columns, "r")}
                FROM reports r JOIN assignments a ON a.tenant_id = r.tenant_id AND a.assignment_id = r.assignment_id
                WHERE r.tenant_id IN ({cmd.InList("t", wanted.Select(k => k.TenantId).Distinct(StringComparer.Ordinal))})
                  AND a.plan_id IN ({cmd.InList("p", wanted.Select(k => k.PlanId).Distinct(StringComparer.Ordinal))})
                ORDER BY r.tenant_id, r.submitted_at, r.report_id
                """;
            var result = new List<PlanReport>();
            foreach (var x in await cmd.ListAsync(r => new PlanReport(r.Str("owning_plan"), _reports.Map(r)), ct).ConfigureAwait(false))
                if (wanted.Contains((x.Report.TenantId, x.PlanId))) result.Add(x);
            return result;
        }, ct);
    }

    /// <summary>A text field of the stored document, read by the database (the document is not sent back).</summary>
    private string DocumentText(string field) => db.Provider == StateStoreOptions.Postgres
        ? $"p.document_json ->> '{field}'"
        : $"json_extract(p.document_json, '$.{field}')";

    private string HeaderColumns =>
        $"p.tenant_id, p.plan_id, p.number, p.title, p.status, {DocumentText("issuer")} AS issuer, {DocumentText("issuedOn")} AS issued_on";

    private static PlanHeader MapHeader(DbDataReader r) => new(
        r.Str("tenant_id"), r.Str("plan_id"), r.StringOrNull("number"), r.Str("title"), Enum.Parse<PlanStatus>(r.Str("status")),
            r.StringOrNull("issuer"),
        DateOnly.TryParseExact(r.StringOrNull("issued_on"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : null);

    public Task<IReadOnlyList<PlanHeader>> PlanHeadersAsync(string tenantId, PlanStatus status, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<PlanHeader>>(async c =>
        {
            await using var cmd = c.Command(null,
                $"SELECT {HeaderColumns} FROM plans p WHERE p.tenant_id = @tenant AND p.status = @status ORDER BY p.created_at, p.plan_id");
            cmd.P("@tenant", tenantId).P("@status", status.ToString());
            return await cmd.ListAsync(MapHeader, ct).ConfigureAwait(false);
        }, ct);

    public Task<IReadOnlyDictionary<(string TenantId, string PlanId), PlanHeader>> PlanHeadersAsync(
        IReadOnlyCollection<(string TenantId, string PlanId)> keys, CancellationToken ct = default)
    {
        var wanted = keys.ToHashSet();
        if (wanted.Count == 0) return Task.FromResult<IReadOnlyDictionary<(string, string), PlanHeader>>(
            new Dictionary<(string, string), PlanHeader>());
        return db.ReadAsync<IReadOnlyDictionary<(string, string), PlanHeader>>(async c =>
        {
            await using var cmd = c.Command(null, "");
            cmd.CommandText = $"""
                SELECT {HeaderColumns} FROM plans p
                WHERE p.tenant_id IN ({cmd.InList("t", wanted.Select(k => k.TenantId).Distinct(StringComparer.Ordinal))})
                  AND p.plan_id IN ({cmd.InList("p", wanted.Select(k => k.PlanId).Distinct(StringComparer.Ordinal))})
                """;
            return (await cmd.ListAsync(MapHeader, ct).ConfigureAwait(false)).Where(h => wanted.Contains((h.TenantId, h.PlanId)))
                .ToDictionary(h => (h.TenantId, h.PlanId));
        }, ct);
    }

    public Task<IReadOnlyList<PlanHeader>> ImplementingPlanHeadersAsync(IReadOnlyCollection<string> tenantIds, string parentNumber,
        CancellationToken ct = default)
    {
        var norm = PlanNumbers.Normalize(parentNumber);
        var tenants = tenantIds.Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal).ToList();
        if (norm is null || tenants.Count == 0) return Task.FromResult<IReadOnlyList<PlanHeader>>([]);
        return db.ReadAsync<IReadOnlyList<PlanHeader>>(async c =>
        {
            await using var cmd = c.Command(null, "");
            cmd.CommandText = $"""
                SELECT {HeaderColumns} FROM plans p
                WHERE p.tenant_id IN ({cmd.InList("t", tenants)})
                  AND EXISTS (SELECT 1 FROM plan_citations pc
                              WHERE pc.tenant_id = p.tenant_id AND pc.plan_id = p.plan_id AND pc.cited_number_norm = @norm)
                ORDER BY p.tenant_id, p.created_at, p.plan_id
                """;
            cmd.P("@norm", norm);
            return await cmd.ListAsync(MapHeader, ct).ConfigureAwait(false);
        }, ct);
    }

    public Task<IReadOnlyList<QueueItemState>> QueueStatesAsync(string tenantId, string queue, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<QueueItemState>>(async c =>
        {
            await using var cmd = c.Command(null, """
                SELECT idempotency_key, state, CASE WHEN state = 'Done' AND result_json LIKE '%"skipped"%' THEN 1 ELSE 0 END AS skipped
                FROM work_items WHERE tenant_id = @tenant AND queue = @queue ORDER BY id
                """);
            cmd.P("@tenant", tenantId).P("@queue", queue);
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    private static QueueItemState Map(DbDataReader r) =>
        new(r.GetString(0), Enum.Parse<WorkState>(r.GetString(1)),
            Convert.ToInt32(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture) == 1);
}
