using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace TeamsPlans.Storage.Tests;

/// <summary>
/// A database for one test class: a temporary SQLite file, or a fresh PostgreSQL database (tp_test_&lt;guid&gt;) that is
/// dropped afterwards. <see cref="NewDatabaseAsync"/> makes further empty databases (tracked and dropped too).
/// </summary>
public abstract class StoreProvider : IAsyncLifetime
{
    public abstract string Name { get; }
    public StateStoreOptions Options { get; private set; } = null!;

    public async Task InitializeAsync() => Options = await NewDatabaseAsync();

    public abstract Task<StateStoreOptions> NewDatabaseAsync();

    public IStateStore Create(TimeProvider time, StateStoreOptions? options = null) =>
        StateStoreFactory.Create(options ?? Options, time, NullLoggerFactory.Instance);

    /// <summary>A raw connection to the database (for assertions and the test sink table).</summary>
    public abstract Task<DbConnection> OpenRawAsync(StateStoreOptions? options = null);

    public abstract Task DisposeAsync();
}

public sealed class SqliteProvider : StoreProvider
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tp_test_" + Guid.NewGuid().ToString("N"));
    public override string Name => "sqlite";

    public override Task<StateStoreOptions> NewDatabaseAsync()
    {
        Directory.CreateDirectory(_dir);
        // A path in a not-yet-existing sub-folder: the store creates it.
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N"), "teamsplans.db");
        return Task.FromResult(new StateStoreOptions { Provider = "sqlite", ConnectionString = path });
    }

    public override async Task<DbConnection> OpenRawAsync(StateStoreOptions? options = null)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = (options ?? Options).ConnectionString, DefaultTimeout = 30 }.ToString());
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout = 30000;";
        await cmd.ExecuteNonQueryAsync();
        return c;
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}

public sealed class PostgresProvider : StoreProvider
{
    public const string EnvVar = "TEAMSPLANS_TEST_PG";
    public const string Fallback = "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
    private readonly List<string> _databases = [];
    private readonly string _admin = Environment.GetEnvironmentVariable(EnvVar) is { Length: > 0 } cs ? cs : Fallback;
    public override string Name => "postgres";

    public override async Task<StateStoreOptions> NewDatabaseAsync()
    {
        var name = "tp_test_" + Guid.NewGuid().ToString("N");
        try
        {
            await using var c = new NpgsqlConnection(_admin);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            // Not a skip: CI starts PostgreSQL, so an unreachable server is a failure.
            throw new InvalidOperationException(
                $"PostgreSQL is unreachable for the storage tests ({Describe(_admin)}): {ex.Message}. " +
                $"Run `bash scripts/setup.sh` (starts PostgreSQL 15 on 127.0.0.1:55432) or set {EnvVar} to a reachable server.", ex);
        }
        _databases.Add(name);
        var b = new NpgsqlConnectionStringBuilder(_admin) { Database = name, MaxPoolSize = 30 };
        return new StateStoreOptions { Provider = "postgres", ConnectionString = b.ToString() };
    }

    public override async Task<DbConnection> OpenRawAsync(StateStoreOptions? options = null)
    {
        var c = new NpgsqlConnection((options ?? Options).ConnectionString);
        await c.OpenAsync();
        return c;
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_databases.Count == 0) return; // never connected: the failure was already reported by InitializeAsync
        await using var c = new NpgsqlConnection(_admin);
        await c.OpenAsync();
        foreach (var db in _databases)
        {
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", c);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private static string Describe(string cs)
    {
        var b = new NpgsqlConnectionStringBuilder(cs) { Password = null };
        return $"Host={b.Host};Port={b.Port};Database={b.Database};Username={b.Username}";
    }
}
