namespace TeamsPlans.Storage.Sql;

/// <summary>bot_marks (migration 0016) in plain SQL for both providers.</summary>
internal sealed class SqlBotMarkStore(SqlDb db) : IBotMarkStore
{
    public Task<bool> TryAddAsync(string tenantId, string key, string value, DateTimeOffset at, CancellationToken ct = default) =>
        Write(tenantId, key, value, at, "DO NOTHING", ct);

    public async Task SetAsync(string tenantId, string key, string value, DateTimeOffset at, CancellationToken ct = default) =>
        await Write(tenantId, key, value, at, "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at", ct).ConfigureAwait(false);

    public Task<string?> GetAsync(string tenantId, string key, CancellationToken ct = default) =>
        db.ReadAsync(async c =>
        {
            await using var cmd = c.Command(null, "SELECT value FROM bot_marks WHERE tenant_id = @tenant AND mark_key = @key");
            cmd.P("@tenant", tenantId).P("@key", key);
            return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
        }, ct);

    public Task<bool> RemoveAsync(string tenantId, string key, CancellationToken ct = default) =>
        db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, "DELETE FROM bot_marks WHERE tenant_id = @tenant AND mark_key = @key");
            cmd.P("@tenant", tenantId).P("@key", key);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, ct);

    private Task<bool> Write(string tenantId, string key, string value, DateTimeOffset at, string onConflict, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        return db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, $"""
                INSERT INTO bot_marks (tenant_id, mark_key, value, updated_at) VALUES (@tenant, @key, @value, @at)
                ON CONFLICT (tenant_id, mark_key) {onConflict}
                """);
            cmd.P("@tenant", tenantId).P("@key", key).P("@value", value).P("@at", db.TimeValue(at));
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, ct);
    }
}
