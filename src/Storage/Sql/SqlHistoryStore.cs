using System.Data.Common;

namespace TeamsPlans.Storage.Sql;

/// <summary>The assignment history in table assignment_history (migration 0007), plain SQL shared by both providers.</summary>
internal sealed class SqlHistoryStore(SqlDb db) : IHistoryStore
{
    private const string Columns = "id, tenant_id, plan_id, assignment_id, event, actor, actor_name, source, at, detail";
    public const int MaxDetail = 2000;

    public Task<HistoryEntry> AppendAsync(HistoryEntry entry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.TenantId);
        ArgumentException.ThrowIfNullOrEmpty(entry.AssignmentId);
        var e = entry with
        {
            At = SqlDb.Truncate(entry.At),
            Detail = entry.Detail is { Length: > MaxDetail } d ? d[..MaxDetail] : entry.Detail,
        };
        return db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, """
                INSERT INTO assignment_history (tenant_id, plan_id, assignment_id, event, actor, actor_name, source, at, detail)
                VALUES (@tenant, @plan, @assignment, @event, @actor, @name, @source, @at, @detail)
                RETURNING id
                """);
            cmd.P("@tenant", e.TenantId).P("@plan", e.PlanId).P("@assignment", e.AssignmentId).P("@event", e.Event.ToString())
               .P("@actor", e.Actor).P("@name", e.ActorName).P("@source", e.Source.ToString()).P("@at", db.TimeValue(e.At)).P("@detail", e.Detail);
            var id = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            return e with { Sequence = id };
        }, ct);
    }

    public Task<IReadOnlyList<HistoryEntry>> ListByAssignmentAsync(string tenantId, string assignmentId, CancellationToken ct = default) =>
        ListAsync("assignment_id = @key", tenantId, assignmentId, ct);

    public Task<IReadOnlyList<HistoryEntry>> ListByPlanAsync(string tenantId, string planId, CancellationToken ct = default) =>
        ListAsync("plan_id = @key", tenantId, planId, ct);

    private Task<IReadOnlyList<HistoryEntry>> ListAsync(string where, string tenantId, string key, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<HistoryEntry>>(async c =>
        {
            await using var cmd = c.Command(null, $"SELECT {Columns} FROM assignment_history WHERE tenant_id = @tenant AND {where} ORDER BY id");
            cmd.P("@tenant", tenantId).P("@key", key);
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    private HistoryEntry Map(DbDataReader r) => new(
        r.Str("tenant_id"), r.Str("plan_id"), r.Str("assignment_id"),
        Enum.TryParse<HistoryEvent>(r.Str("event"), out var ev) ? ev : HistoryEvent.ChangedInPlanner,
        r.Str("actor"), r.StringOrNull("actor_name"),
        Enum.TryParse<HistorySource>(r.Str("source"), out var src) ? src : HistorySource.System,
        db.ReadTime(r, r.GetOrdinal("at")), r.StringOrNull("detail"))
    { Sequence = r.Long("id") };
}
