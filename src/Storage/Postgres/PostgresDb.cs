using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage.Postgres;

/// <summary>
/// PostgreSQL (scale-out). One NpgsqlDataSource (connection pool) per store; claims use FOR UPDATE SKIP LOCKED so
/// instances never wait on each other's rows; migrations are serialized by pg_advisory_xact_lock.
/// </summary>
internal sealed class PostgresDb : SqlDb
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly long _migrationLockKey;

    public PostgresDb(string connectionString, long migrationLockKey, TimeProvider time, ILoggerFactory loggerFactory, ILogger logger)
        : base(time, logger)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException(
                "State:ConnectionString is required for the postgres provider (Host=...;Database=...;Username=...).", nameof(connectionString));
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseLoggerFactory(loggerFactory);
        _dataSource = builder.Build();
        _migrationLockKey = migrationLockKey;
    }

    public override string Provider => StateStoreOptions.Postgres;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) =>
        await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);

    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        var result = await work(conn, tx).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }

    public override object TimeValue(DateTimeOffset t) => Truncate(t); // offset 0, as Npgsql requires for timestamptz

    public override DateTimeOffset ReadTime(DbDataReader r, int ordinal) => r.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime();

    public override void AddJson(DbCommand cmd, string name, string? json) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = (object?)json ?? DBNull.Value });

    public override string ClaimSql { get; } = $"""
        UPDATE work_items
           SET state = 'InFlight', lease_owner = @owner, lease_until = @until, updated_at = @now
         WHERE id IN (SELECT id FROM work_items
                       WHERE queue = @queue
                         AND ((state = 'Queued' AND not_before <= @now) OR (state = 'InFlight' AND lease_until < @now))
                       ORDER BY not_before, id
                       LIMIT @max
                       FOR UPDATE SKIP LOCKED)
        RETURNING {SqlWorkQueue.Columns}
        """;

    public override async Task MigrateAsync(CancellationToken ct)
    {
        var migrations = LoadMigrations("postgres");
        await using var conn = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        // Held until commit: a second instance waits here and then finds everything applied.
        await using (var lockCmd = conn.Command(tx, "SELECT pg_advisory_xact_lock(@key)"))
        {
            lockCmd.P("@key", _migrationLockKey);
            await lockCmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var create = conn.Command(tx,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)"))
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        var applied = await ApplyMigrationsAsync(conn, tx, migrations, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        Logger.LogInformation("PostgreSQL state store {Database} at schema version {SchemaVersion} ({Applied} applied now)",
            conn.Database, migrations[^1].Version, applied);
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
    public override void Dispose() => _dataSource.Dispose();
}
