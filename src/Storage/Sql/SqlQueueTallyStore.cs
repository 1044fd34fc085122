using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace TeamsPlans.Storage.Sql;

/// <summary>
/// <see cref="IQueueTallyStore"/> on both providers. Prefixes are key ranges [prefix, prefix with its last character
/// incremented) of the unique (tenant_id, queue, idempotency_key) index (PostgreSQL: compared in the "C" collation, index of
/// migration 0013); the waiting member is read from the payload only for waiting rows (SQLite: json_extract of a valid
/// document; PostgreSQL: a pattern, which no malformed payload can make fail).
/// </summary>
internal sealed class SqlQueueTallyStore(SqlDb db) : IQueueTallyStore
{
    private bool Postgres => db.Provider == StateStoreOptions.Postgres;
    private string Binary => Postgres ? " COLLATE \"C\"" : "";

    private string Member(string alias) => Postgres
        ? $"substring({alias}payload_json from '\"memberAadObjectId\"\\s*:\\s*\"([^\"]*)\"')"
        : $"CASE WHEN json_valid({alias}payload_json) THEN json_extract({alias}payload_json, '$.memberAadObjectId') END";

    /// <summary>The item is in the range (r.lo, r.hi) of one prefix. The ranges drive the join on both providers (one index
    /// range scan each): SQLite keeps the order of a CROSS JOIN; PostgreSQL's LATERAL does the same whatever its statistics
    /// say (right after a bulk load, with none, it put the queue outside and compared 10,000 items with each of 900 ranges: 7 s;
    /// with the ranges outside: 35 ms).</summary>
    private string InRange(string alias) =>
        $"{alias}tenant_id = @tenant AND {alias}queue = @queue AND {alias}idempotency_key{Binary} >= r.lo AND {alias}idempotency_key{Binary} < r.hi";

    /// <summary>One range's items (PostgreSQL). OFFSET 0 keeps the planner from flattening it back into a plain join.</summary>
    private string PerRange =>
        $"SELECT x.kind, x.state, x.result_json, x.last_error, x.payload_json FROM work_items x WHERE {InRange("x.")} OFFSET 0";

    private static string Waiting(string alias) => $"{alias}state = 'Queued' AND substr({alias}last_error, 1, @mlen) = @marker";

    public Task<IReadOnlyList<QueueTally>> TallyAsync(string tenantId, string queue, IReadOnlyCollection<string> keyPrefixes,
        string waitingReasonPrefix, CancellationToken ct = default)
    {
        SqlPlanStore.Require(tenantId, nameof(tenantId));
        SqlPlanStore.Require(queue, nameof(queue));
        SqlPlanStore.Require(waitingReasonPrefix, nameof(waitingReasonPrefix));
        ArgumentNullException.ThrowIfNull(keyPrefixes);
        var prefixes = keyPrefixes.Distinct(StringComparer.Ordinal).ToList();
        if (prefixes.Any(string.IsNullOrEmpty)) throw new ArgumentException("Tiền tố khoá rỗng / An empty key prefix.", nameof(keyPrefixes));
        if (prefixes.Count == 0) return Task.FromResult<IReadOnlyList<QueueTally>>([]);
        return db.ReadAsync<IReadOnlyList<QueueTally>>(async c =>
        {
            await using var cmd = c.Command(null, "");
            var ranges = new StringBuilder();
            for (var i = 0; i < prefixes.Count; i++)
            {
                ranges.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@p{i}, @h{i})");
                cmd.P($"@p{i}", prefixes[i]).P($"@h{i}", UpperBound(prefixes[i]));
            }
            cmd.CommandText = $"""
                WITH r(lo, hi) AS (VALUES {ranges})
                SELECT r.lo, w.kind, w.state,
                       CASE WHEN w.state = 'Done' AND w.result_json LIKE '%"skipped"%' THEN 1 ELSE 0 END AS skipped,
                       CASE WHEN {Waiting("w.")} THEN 1 ELSE 0 END AS waiting,
                       CASE WHEN {Waiting("w.")} THEN {Member("w.")} END AS member,
                       COUNT(*) AS n
                FROM r CROSS JOIN {(Postgres ? $"LATERAL ({PerRange}) w" : "work_items w")}
                {(Postgres ? "" : "WHERE " + InRange("w."))}
                GROUP BY 1, 2, 3, 4, 5, 6
                """;
            cmd.P("@tenant", tenantId).P("@queue", queue).P("@mlen", waitingReasonPrefix.Length).P("@marker", waitingReasonPrefix);
            return await cmd.ListAsync(MapTally, ct).ConfigureAwait(false);
        }, ct);
    }

    public Task<int> WakeWaitingAsync(string tenantId, string queue, string waitingReasonPrefix, string memberAadObjectId,
        CancellationToken ct = default)
    {
        SqlPlanStore.Require(tenantId, nameof(tenantId));
        SqlPlanStore.Require(queue, nameof(queue));
        SqlPlanStore.Require(waitingReasonPrefix, nameof(waitingReasonPrefix));
        SqlPlanStore.Require(memberAadObjectId, nameof(memberAadObjectId));
        return db.WriteAsync(async (c, tx) =>
        {
            var now = db.Now;
            await using var cmd = c.Command(tx, $"""
                UPDATE work_items SET not_before = @now, updated_at = @now
                WHERE tenant_id = @tenant AND queue = @queue AND {Waiting("")} AND lower({Member("")}) = lower(@member)
                """);
            cmd.P("@now", db.TimeValue(now)).P("@tenant", tenantId).P("@queue", queue).P("@mlen", waitingReasonPrefix.Length)
               .P("@marker", waitingReasonPrefix).P("@member", memberAadObjectId);
            var n = await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            if (n > 0) db.Logger.LogInformation("Woke {Count} waiting work items of {AadObjectId} in {TenantId}", n, memberAadObjectId, tenantId);
            return n;
        }, ct);
    }

    public Task<IReadOnlyList<WorkItem>> ListByPrefixAsync(string tenantId, string queue, string keyPrefix, CancellationToken ct = default)
    {
        SqlPlanStore.Require(tenantId, nameof(tenantId));
        SqlPlanStore.Require(queue, nameof(queue));
        SqlPlanStore.Require(keyPrefix, nameof(keyPrefix));
        var queueStore = new SqlWorkQueue(db);
        return db.ReadAsync<IReadOnlyList<WorkItem>>(async c =>
        {
            await using var cmd = c.Command(null, $"""
                SELECT {SqlWorkQueue.Columns} FROM work_items
                WHERE tenant_id = @tenant AND queue = @queue AND idempotency_key{Binary} >= @lo AND idempotency_key{Binary} < @hi
                ORDER BY id
                """);
            cmd.P("@tenant", tenantId).P("@queue", queue).P("@lo", keyPrefix).P("@hi", UpperBound(keyPrefix));
            return await cmd.ListAsync(queueStore.Map, ct).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>The least string greater than every string starting with <paramref name="prefix"/> (code-point order).</summary>
    internal static string UpperBound(string prefix)
    {
        var last = prefix[^1];
        if (char.IsSurrogate(last) || last == char.MaxValue)
            throw new ArgumentException($"Tiền tố khoá không hợp lệ / A key prefix cannot end with U+{(int)last:X4}.", nameof(prefix));
        return string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(last + 1)).ToString());
    }

    private static QueueTally MapTally(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Enum.Parse<WorkState>(r.GetString(2)), Flag(r, 3), Flag(r, 4),
        r.IsDBNull(5) ? null : Convert.ToString(r.GetValue(5), CultureInfo.InvariantCulture),
        Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture));

    private static bool Flag(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture) == 1;
}
