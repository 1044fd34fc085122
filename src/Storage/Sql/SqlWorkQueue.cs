using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace TeamsPlans.Storage.Sql;

/// <summary>
/// The durable queue. Ownership is (state = InFlight, lease_owner = owner): Complete/Retry/Fail/Renew change a row only
/// while the caller still owns it, so a worker whose lease expired and was taken over cannot overwrite the new owner's work.
/// Owners must be unique per worker (e.g. "{machine}/{pid}/{guid}").
/// </summary>
internal sealed class SqlWorkQueue(SqlDb db) : IWorkQueue
{
    internal const string Columns = "id, tenant_id, queue, kind, idempotency_key, payload_json, state, attempts, not_before, "
        + "lease_owner, lease_until, last_error, result_json, created_at, updated_at";

    public Task<bool> EnqueueAsync(
        string tenantId, string queue, string kind, string idempotencyKey, string payloadJson, DateTimeOffset? notBefore = null,
        CancellationToken ct = default)
    {
        SqlPlanStore.Require(tenantId, nameof(tenantId));
        SqlPlanStore.Require(queue, nameof(queue));
        SqlPlanStore.Require(idempotencyKey, nameof(idempotencyKey));
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(payloadJson);
        return db.WriteAsync(async (c, tx) =>
        {
            var now = db.Now;
            await using var cmd = c.Command(tx, """
                INSERT INTO work_items (tenant_id, queue, kind, idempotency_key, payload_json, state, attempts, not_before, created_at, updated_at)
                VALUES (@tenant, @queue, @kind, @key, @payload, 'Queued', 0, @notBefore, @now, @now)
                ON CONFLICT (tenant_id, queue, idempotency_key) DO NOTHING
                """);
            cmd.P("@tenant", tenantId).P("@queue", queue).P("@kind", kind).P("@key", idempotencyKey).P("@payload", payloadJson)
               .P("@notBefore", db.TimeValue(notBefore is { } nb ? SqlDb.Truncate(nb) : now)).P("@now", db.TimeValue(now));
            var n = await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            if (n == 0) db.Logger.LogDebug("Work item {TenantId}/{Queue}/{IdempotencyKey} already queued", tenantId, queue, idempotencyKey);
            return n == 1;
        }, ct);
    }

    public Task<IReadOnlyList<WorkItem>> ClaimAsync(string queue, string owner, int max, TimeSpan lease, CancellationToken ct = default)
    {
        SqlPlanStore.Require(queue, nameof(queue));
        SqlPlanStore.Require(owner, nameof(owner));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        if (lease <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lease), lease, "A lease must be positive.");
        return db.WriteAsync<IReadOnlyList<WorkItem>>(async (c, tx) =>
        {
            var now = db.Now;
            await using var cmd = c.Command(tx, db.ClaimSql);
            cmd.P("@queue", queue).P("@owner", owner).P("@now", db.TimeValue(now)).P("@until", db.TimeValue(now + lease)).P("@max", max);
            var items = await cmd.ListAsync(Map, ct).ConfigureAwait(false);
            items.Sort((a, b) => a.NotBefore != b.NotBefore ? a.NotBefore.CompareTo(b.NotBefore) : a.Id.CompareTo(b.Id));
            return items;
        }, ct);
    }

    public Task<bool> RenewAsync(long id, string owner, TimeSpan lease, CancellationToken ct = default)
    {
        if (lease <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lease), lease, "A lease must be positive.");
        return Owned(id, owner, "lease_until = @until", cmd => cmd.P("@until", db.TimeValue(db.Now + lease)), ct);
    }

    public Task<bool> CompleteAsync(long id, string owner, string? resultJson = null, CancellationToken ct = default) =>
        Owned(id, owner, "state = 'Done', lease_until = NULL, result_json = @result", cmd => cmd.P("@result", resultJson), ct);

    public Task<bool> RetryAsync(long id, string owner, DateTimeOffset notBefore, string error, CancellationToken ct = default) =>
        Owned(id, owner,
            "state = 'Queued', attempts = attempts + 1, not_before = @notBefore, lease_owner = NULL, lease_until = NULL, last_error = @error",
            cmd => cmd.P("@notBefore", db.TimeValue(SqlDb.Truncate(notBefore))).P("@error", error), ct);

    public Task<bool> DeferAsync(long id, string owner, DateTimeOffset notBefore, string reason, CancellationToken ct = default) =>
        Owned(id, owner, "state = 'Queued', not_before = @notBefore, lease_owner = NULL, lease_until = NULL, last_error = @error",
            cmd => cmd.P("@notBefore", db.TimeValue(SqlDb.Truncate(notBefore))).P("@error", reason), ct);

    public Task<bool> FailAsync(long id, string owner, WorkState terminalState, string reason, CancellationToken ct = default)
    {
        if (terminalState is not (WorkState.Failed or WorkState.Blocked))
            throw new ArgumentOutOfRangeException(nameof(terminalState), terminalState, "A terminal state is Failed or Blocked.");
        return Owned(id, owner, "state = @terminal, attempts = attempts + 1, lease_until = NULL, last_error = @error",
            cmd => cmd.P("@terminal", terminalState.ToString()).P("@error", reason), ct);
    }

    private Task<bool> Owned(long id, string owner, string set, Action<DbCommand> bind, CancellationToken ct)
    {
        SqlPlanStore.Require(owner, nameof(owner));
        return db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx,
                $"UPDATE work_items SET {set}, updated_at = @now WHERE id = @id AND state = 'InFlight' AND lease_owner = @owner");
            bind(cmd);
            cmd.P("@now", db.TimeValue(db.Now)).P("@id", id).P("@owner", owner);
            var n = await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            if (n == 0) db.Logger.LogInformation("Work item {WorkItemId} is not leased by {LeaseOwner}; change refused", id, owner);
            return n == 1;
        }, ct);
    }

    public Task<WorkItem?> GetAsync(string tenantId, string queue, string idempotencyKey, CancellationToken ct = default) =>
        db.ReadAsync(async c =>
        {
            await using var cmd = c.Command(null,
                $"SELECT {Columns} FROM work_items WHERE tenant_id = @tenant AND queue = @queue AND idempotency_key = @key");
            cmd.P("@tenant", tenantId).P("@queue", queue).P("@key", idempotencyKey);
            return await cmd.FirstAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    public Task<IReadOnlyList<WorkItem>> ListAsync(string tenantId, string queue, WorkState? state = null, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<WorkItem>>(async c =>
        {
            await using var cmd = c.Command(null, $"SELECT {Columns} FROM work_items WHERE tenant_id = @tenant AND queue = @queue"
                + (state is null ? "" : " AND state = @state") + " ORDER BY id");
            cmd.P("@tenant", tenantId).P("@queue", queue);
            if (state is { } s) cmd.P("@state", s.ToString());
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    public Task<int> RequeueFailedAsync(string tenantId, string queue, string? keyPrefix = null, CancellationToken ct = default) =>
        db.WriteAsync(async (c, tx) =>
        {
            // substr counts characters (code points) in both SQLite and PostgreSQL; no LIKE, so '%' and '_' in keys are literal.
            await using var cmd = c.Command(tx, """
                UPDATE work_items SET state = 'Queued', not_before = @now, lease_owner = NULL, lease_until = NULL, updated_at = @now
                WHERE tenant_id = @tenant AND queue = @queue AND state = 'Failed'
                """ + (string.IsNullOrEmpty(keyPrefix) ? "" : " AND substr(idempotency_key, 1, @len) = @prefix"));
            cmd.P("@now", db.TimeValue(db.Now)).P("@tenant", tenantId).P("@queue", queue);
            if (!string.IsNullOrEmpty(keyPrefix)) cmd.P("@len", keyPrefix.EnumerateRunes().Count()).P("@prefix", keyPrefix);
            var n = await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            if (n > 0) db.Logger.LogInformation("Requeued {Count} failed items in {TenantId}/{Queue}", n, tenantId, queue);
            return n;
        }, ct);

    public Task<IReadOnlyDictionary<WorkState, int>> CountsAsync(string tenantId, string queue, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyDictionary<WorkState, int>>(async c =>
        {
            await using var cmd = c.Command(null,
                "SELECT state, COUNT(*) AS n FROM work_items WHERE tenant_id = @tenant AND queue = @queue GROUP BY state");
            cmd.P("@tenant", tenantId).P("@queue", queue);
            var counts = Enum.GetValues<WorkState>().ToDictionary(s => s, _ => 0);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
                counts[Enum.Parse<WorkState>(r.GetString(0))] = Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            return counts;
        }, ct);

    internal WorkItem Map(DbDataReader r) => new(
        r.Long("id"), r.Str("tenant_id"), r.Str("queue"), r.Str("kind"), r.Str("idempotency_key"), r.Str("payload_json"),
        Enum.Parse<WorkState>(r.Str("state")), r.Int("attempts"), db.ReadTime(r, r.GetOrdinal("not_before")), r.StringOrNull("lease_owner"),
        db.ReadTimeOrNull(r, r.GetOrdinal("lease_until")), r.StringOrNull("last_error"), r.StringOrNull("result_json"),
        db.ReadTime(r, r.GetOrdinal("created_at")), db.ReadTime(r, r.GetOrdinal("updated_at")));
}
