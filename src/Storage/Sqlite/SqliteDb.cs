using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage.Sqlite;

/// <summary>
/// SQLite (embedded default). WAL journal, busy_timeout, and every write transaction is BEGIN IMMEDIATE under an
/// in-process SemaphoreSlim shared by all stores on the same file, so callers in one process never meet SQLITE_BUSY;
/// other processes on the same file wait on busy_timeout. Readers do not take the gate (WAL lets them run alongside).
/// </summary>
internal sealed class SqliteDb : SqlDb
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate;
    private readonly int _busyMs;

    public SqliteDb(string connectionStringOrPath, TimeSpan busyTimeout, TimeProvider time, ILogger logger) : base(time, logger)
    {
        var cs = string.IsNullOrWhiteSpace(connectionStringOrPath) ? StateStoreOptions.DefaultSqlitePath : connectionStringOrPath.Trim();
        var builder = cs.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(cs)
            : new SqliteConnectionStringBuilder { DataSource = cs };
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            throw new ArgumentException(
                "The SQLite state store needs a file (WAL and several connections); ':memory:' is not supported.", nameof(connectionStringOrPath));
        var path = Path.GetFullPath(builder.DataSource);
        var dir = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        builder.DataSource = path;
        if (builder.Mode == SqliteOpenMode.ReadOnly)
            throw new ArgumentException("The SQLite state store must be writable.", nameof(connectionStringOrPath));
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Cache = SqliteCacheMode.Private;
        _busyMs = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue);
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));
        _connectionString = builder.ToString();
        FilePath = path;
        _gate = Gates.GetOrAdd(OperatingSystem.IsWindows() ? path.ToUpperInvariant() : path, _ => new SemaphoreSlim(1, 1));
    }

    public string FilePath { get; }
    public override string Provider => StateStoreOptions.Sqlite;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        var conn = new SqliteConnection(_connectionString);
        try
        {
            await conn.OpenAsync(ct).ConfigureAwait(false);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"PRAGMA busy_timeout = {_busyMs}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return conn;
        }
        catch
        {
            await conn.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var conn = (SqliteConnection)await OpenAsync(ct).ConfigureAwait(false);
            // deferred: false => BEGIN IMMEDIATE: the write lock is taken up front, never upgraded mid-transaction.
            await using var tx = conn.BeginTransaction(deferred: false);
            var result = await work(conn, tx).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override object TimeValue(DateTimeOffset t) => Truncate(t).ToUnixTimeMilliseconds();

    public override DateTimeOffset ReadTime(DbDataReader r, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(ordinal));

    public override void AddJson(DbCommand cmd, string name, string? json) => cmd.P(name, json);

    public override string ClaimSql { get; } = $"""
        UPDATE work_items
           SET state = 'InFlight', lease_owner = @owner, lease_until = @until, updated_at = @now
         WHERE id IN (SELECT id FROM work_items
                       WHERE queue = @queue
                         AND ((state = 'Queued' AND not_before <= @now) OR (state = 'InFlight' AND lease_until < @now))
                       ORDER BY not_before, id
                       LIMIT @max)
        RETURNING {SqlWorkQueue.Columns}
        """;

    public override async Task MigrateAsync(CancellationToken ct)
    {
        var migrations = LoadMigrations("sqlite");
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var conn = (SqliteConnection)await OpenAsync(ct).ConfigureAwait(false);
            await using (var wal = conn.CreateCommand())
            {
                // Persistent in the file; needs no transaction. Several processes may race here: both set the same mode.
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                var mode = (string?)await wal.ExecuteScalarAsync(ct).ConfigureAwait(false);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                    Logger.LogWarning("SQLite {Path} journal mode is {JournalMode}, not WAL", FilePath, mode);
            }
            // BEGIN IMMEDIATE serializes migrators across processes too.
            await using var tx = conn.BeginTransaction(deferred: false);
            await using (var create = conn.Command(tx,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"))
                await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            var applied = await ApplyMigrationsAsync(conn, tx, migrations, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            Logger.LogInformation("SQLite state store {Path} at schema version {SchemaVersion} ({Applied} applied now)",
                FilePath, migrations[^1].Version, applied);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override void Dispose()
    {
        // Release pooled handles so the file can be moved/deleted after the store is disposed.
        using var conn = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(conn);
    }
}
