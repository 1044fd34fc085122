using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace TeamsPlans.Storage.Sql;

/// <summary>
/// What differs between providers: opening connections, how writes are serialized, how times and JSON are
/// stored, the queue claim statement and migration locking. Everything else is plain parameterized SQL shared by both.
/// </summary>
internal abstract class SqlDb : IAsyncDisposable
{
    protected SqlDb(TimeProvider time, ILogger logger)
    {
        Time = time;
        Logger = logger;
    }

    public abstract string Provider { get; }
    public TimeProvider Time { get; }
    public ILogger Logger { get; }

    /// <summary>Current time from the store's TimeProvider, UTC, truncated to milliseconds (the stored precision).</summary>
    public DateTimeOffset Now => Truncate(Time.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset t)
    {
        var ticks = t.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Runs <paramref name="work"/> in one write transaction (SQLite: serialized in-process, BEGIN IMMEDIATE).</summary>
    public abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct);

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct).ConfigureAwait(false);
        return await work(conn).ConfigureAwait(false);
    }

    /// <summary>The value to bind for a timestamp (SQLite: unix ms; PostgreSQL: UTC DateTimeOffset for timestamptz).</summary>
    public abstract object TimeValue(DateTimeOffset t);
    public object? TimeValue(DateTimeOffset? t) => t is { } v ? TimeValue(v) : null;
    public abstract DateTimeOffset ReadTime(DbDataReader r, int ordinal);
    public DateTimeOffset? ReadTimeOrNull(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : ReadTime(r, ordinal);

    /// <summary>Binds a JSON document (PostgreSQL: jsonb; SQLite: text).</summary>
    public abstract void AddJson(DbCommand cmd, string name, string? json);

    /// <summary>
    /// Claim statement: parameters @queue, @owner, @now, @until, @max; returns the claimed work_items rows.
    /// </summary>
    public abstract string ClaimSql { get; }

    public abstract Task MigrateAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();
    public abstract void Dispose();

    // ---- migrations -------------------------------------------------------------------------------------------

    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The embedded scripts "migrations/{provider}/NNNN_name.sql", ordered by version.</summary>
    public static IReadOnlyList<Migration> LoadMigrations(string folder)
    {
        var asm = typeof(SqlDb).Assembly;
        var prefix = $"migrations/{folder}/";
        var list = new List<Migration>();
        foreach (var res in asm.GetManifestResourceNames())
        {
            var name = res.Replace('\\', '/');
            if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var file = name[prefix.Length..];
            var us = file.IndexOf('_');
            if (us <= 0 || !int.TryParse(
                    file.AsSpan(0, us), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
                throw new InvalidOperationException($"Migration script '{name}' is not named NNNN_name.sql.");
            using var stream = asm.GetManifestResourceStream(res)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(version, Path.GetFileNameWithoutExtension(file), reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < list.Count; i++)
            if (list[i].Version == list[i - 1].Version)
                throw new InvalidOperationException($"Two migrations share version {list[i].Version}.");
        if (list.Count == 0) throw new InvalidOperationException($"No migration scripts embedded for {folder}.");
        return list;
    }

    /// <summary>Applies missing migrations inside an already-locked transaction (the caller holds the migration lock).</summary>
    protected async Task<int> ApplyMigrationsAsync(DbConnection conn, DbTransaction tx, IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        var applied = new HashSet<int>();
        await using (var cmd = conn.Command(tx, "SELECT version FROM schema_migrations"))
        await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            while (await r.ReadAsync(ct).ConfigureAwait(false))
                applied.Add(Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));

        var count = 0;
        foreach (var m in migrations)
        {
            if (applied.Contains(m.Version)) continue;
            await using (var cmd = conn.Command(tx, m.Sql))
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await using (var cmd = conn.Command(tx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)"))
            {
                cmd.P("@v", m.Version).P("@n", m.Name).P("@t", TimeValue(Now));
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            Logger.LogInformation("Applied {Provider} schema migration {MigrationVersion} {MigrationName}", Provider, m.Version, m.Name);
            count++;
        }
        return count;
    }
}

internal static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection conn, DbTransaction? tx, string sql)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    public static DbCommand P(this DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return cmd;
    }

    /// <summary>Adds @{prefix}0..n and returns "@p0, @p1, ..." for an IN list.</summary>
    public static string InList(this DbCommand cmd, string prefix, IEnumerable<string> values)
    {
        var names = new List<string>();
        var i = 0;
        foreach (var v in values)
        {
            var n = $"@{prefix}{i++}";
            cmd.P(n, v);
            names.Add(n);
        }
        return string.Join(", ", names);
    }

    public static string? StringOrNull(this DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetString(i);
    }

    public static string Str(this DbDataReader r, string column) => r.GetString(r.GetOrdinal(column));
    public static int Int(this DbDataReader r, string column) =>
        Convert.ToInt32(r.GetValue(r.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);
    public static long Long(this DbDataReader r, string column) =>
        Convert.ToInt64(r.GetValue(r.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);
    public static bool Bool(this DbDataReader r, string column) =>
        Convert.ToBoolean(r.GetValue(r.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<List<T>> ListAsync<T>(this DbCommand cmd, Func<DbDataReader, T> map, CancellationToken ct)
    {
        var list = new List<T>();
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) list.Add(map(r));
        return list;
    }

    public static async Task<T?> FirstAsync<T>(this DbCommand cmd, Func<DbDataReader, T> map, CancellationToken ct) where T : class
    {
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await r.ReadAsync(ct).ConfigureAwait(false) ? map(r) : null;
    }
}
