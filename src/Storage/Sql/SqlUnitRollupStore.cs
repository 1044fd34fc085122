using System.Data.Common;
using System.Globalization;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Storage.Sql;

/// <summary>
/// <see cref="IUnitRollupStore"/> in plain SQL shared by SQLite and PostgreSQL. <see cref="ReadAsync"/> is five statements on
/// one connection, whatever the number of units: the plan, its assignments (only the columns the roll-up needs), the
/// tenant's directory, the first hand-in per (assignment, period) from the index ix_reports_assignment_period, the links.
/// </summary>
internal sealed class SqlUnitRollupStore(SqlDb db) : IUnitRollupStore
{
    private const string LinkColumns =
        "tenant_id, plan_id, unit_code, child_tenant_id, child_plan_id, child_number, child_title, child_issued_on, child_uri, linked_at";
    private readonly SqlPlanStore _plans = new(db);
    private readonly SqlUnitStore _units = new(db);
    private readonly SqlReportReviews _reviews = new(db);

    public Task<bool> LinkAsync(UnitPlanLink link, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        return db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, $"""
                INSERT INTO plan_links ({LinkColumns})
                VALUES (@tenant, @plan, @unit, @ctenant, @cplan, @number, @title, @issued, @uri, @at)
                ON CONFLICT (tenant_id, plan_id, unit_code, child_tenant_id, child_plan_id) DO NOTHING
                """);
            cmd.P("@tenant", link.TenantId).P("@plan", link.PlanId).P("@unit", Unit.NormalizeCode(link.UnitCode))
               .P("@ctenant", link.ChildTenantId).P("@cplan", link.ChildPlanId).P("@number", link.ChildNumber).P("@title", link.ChildTitle)
               .P("@issued", link.ChildIssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).P("@uri", link.ChildDocumentUri)
               .P("@at", db.TimeValue(link.LinkedAt));
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, ct);
    }

    public Task<IReadOnlyList<UnitPlanLink>> LinksAsync(string tenantId, string planId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<UnitPlanLink>>(async c => await LinksAsync(c, tenantId, planId, ct).ConfigureAwait(false), ct);

    public Task<IReadOnlyList<Unit>> UnitsWithOwnTenantAsync(string ownTenantId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<Unit>>(async c =>
        {
            await using var cmd = c.Command(null, $"SELECT {SqlUnitStore.Columns} FROM units WHERE own_tenant_id = @own ORDER BY tenant_id, code");
            cmd.P("@own", ownTenantId);
            return await cmd.ListAsync(_units.Map, ct).ConfigureAwait(false);
        }, ct);

    public Task<UnitRollupData?> ReadAsync(string tenantId, string planId, CancellationToken ct = default) =>
        ReadAsync(tenantId, planId, reviewed: false, ct);

    public Task<UnitRollupData?> ReadReviewedAsync(string tenantId, string planId, CancellationToken ct = default) =>
        ReadAsync(tenantId, planId, reviewed: true, ct);

    private Task<UnitRollupData?> ReadAsync(string tenantId, string planId, bool reviewed, CancellationToken ct) =>
        db.ReadAsync(async c =>
        {
            await using var planCmd = c.Command(null, $"SELECT {SqlPlanStore.Columns} FROM plans WHERE tenant_id = @tenant AND plan_id = @plan");
            planCmd.P("@tenant", tenantId).P("@plan", planId);
            var plan = await planCmd.FirstAsync(_plans.Map, ct).ConfigureAwait(false);
            if (plan is null) return null;

            await using var dutyCmd = c.Command(null, """
                SELECT assignment_id, assignee_json, duty, deadlines_json, status, completed_at FROM assignments
                WHERE tenant_id = @tenant AND plan_id = @plan ORDER BY ordinal
                """);
            dutyCmd.P("@tenant", tenantId).P("@plan", planId);
            var duties = (await dutyCmd.ListAsync(MapDuty, ct).ConfigureAwait(false)).OfType<UnitDutyFact>().ToList();

            await using var unitCmd = c.Command(null, $"SELECT {UnitDutyRows.UnitColumns} FROM units WHERE tenant_id = @tenant ORDER BY code");
            unitCmd.P("@tenant", tenantId);
            var units = await unitCmd.ListAsync(UnitDutyRows.MapUnit, ct).ConfigureAwait(false);

            var reports = reviewed ? await _reviews.ReportsAsync(c, tenantId, planId, ct).ConfigureAwait(false)
                : await FirstHandInsAsync(c, tenantId, planId, ct).ConfigureAwait(false);
            var links = await LinksAsync(c, tenantId, planId, ct).ConfigureAwait(false);
            return new UnitRollupData(plan, units, duties, reports, links);
        }, ct);

    private async Task<IReadOnlyList<UnitReportFact>> FirstHandInsAsync(DbConnection c, string tenantId, string planId, CancellationToken ct)
    {
        await using var reportCmd = c.Command(null, """
            SELECT r.assignment_id, r.period, MIN(r.submitted_at) AS first_at
            FROM assignments a CROSS JOIN reports r
            WHERE r.tenant_id = a.tenant_id AND r.assignment_id = a.assignment_id AND a.tenant_id = @tenant AND a.plan_id = @plan
            GROUP BY r.assignment_id, r.period
            """);
        reportCmd.P("@tenant", tenantId).P("@plan", planId);
        return await reportCmd.ListAsync(r => new UnitReportFact(r.GetString(0), r.GetString(1), db.ReadTime(r, 2)), ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<UnitPlanLink>> LinksAsync(DbConnection c, string tenantId, string planId, CancellationToken ct)
    {
        await using var cmd = c.Command(null,
            $"SELECT {LinkColumns} FROM plan_links WHERE tenant_id = @tenant AND plan_id = @plan ORDER BY unit_code, linked_at");
        cmd.P("@tenant", tenantId).P("@plan", planId);
        return await cmd.ListAsync(r => new UnitPlanLink(r.Str("tenant_id"), r.Str("plan_id"), r.Str("unit_code"), r.Str("child_tenant_id"),
            r.Str("child_plan_id"), r.StringOrNull("child_number"), r.Str("child_title"),
            r.StringOrNull("child_issued_on") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            db.ReadTime(r, r.GetOrdinal("linked_at"))) { ChildDocumentUri = r.StringOrNull("child_uri") }, ct).ConfigureAwait(false);
    }

    /// <summary>An assignment given to a directory unit, with its one-off deadline; null for the others (people, roles).</summary>
    private UnitDutyFact? MapDuty(DbDataReader r)
    {
        var code = UnitDutyRows.UnitCode(r.GetString(1));
        if (code is null) return null;
        return new UnitDutyFact(r.GetString(0), code, r.GetString(2), Enum.Parse<AssignmentStatus>(r.GetString(4)), db.ReadTimeOrNull(r, 5),
            UnitDutyRows.LastDay(r.GetString(3)));
    }
}
