using Microsoft.Extensions.Logging;

namespace TeamsPlans.Storage.Sql;

/// <summary><see cref="IReachStore"/> in plain SQL shared by both providers (tables work_items and conversations).</summary>
internal sealed class SqlReachStore(SqlDb db) : IReachStore
{
    public Task<int> WakeAsync(string tenantId, IReadOnlyCollection<long> itemIds, CancellationToken ct = default)
    {
        SqlPlanStore.Require(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(itemIds);
        if (itemIds.Count == 0) return Task.FromResult(0);
        return db.WriteAsync(async (c, tx) =>
        {
            var now = db.Now;
            var n = 0;
            foreach (var id in itemIds)
            {
                await using var cmd = c.Command(tx, """
                    UPDATE work_items SET not_before = @now, updated_at = @now
                    WHERE id = @id AND tenant_id = @tenant AND state = 'Queued'
                    """);
                cmd.P("@now", db.TimeValue(now)).P("@id", id).P("@tenant", tenantId);
                n += await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            if (n > 0) db.Logger.LogInformation("Woke {Count} waiting work items in {TenantId}", n, tenantId);
            return n;
        }, ct);
    }

    public Task<bool> ForgetConversationAsync(string tenantId, string aadObjectId, CancellationToken ct = default)
    {
        SqlPlanStore.Require(tenantId, nameof(tenantId));
        SqlPlanStore.Require(aadObjectId, nameof(aadObjectId));
        return db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, "DELETE FROM conversations WHERE tenant_id = @tenant AND aad_object_id = @id");
            cmd.P("@tenant", tenantId).P("@id", aadObjectId);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, ct);
    }
}
