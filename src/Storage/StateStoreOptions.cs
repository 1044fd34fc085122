namespace TeamsPlans.Storage;

/// <summary>
/// Configuration section "State": <c>Provider</c> = "sqlite" (default, embedded) or "postgres";
/// <c>ConnectionString</c> = a SQLite file path or "Data Source=..." string (default <c>data/teamsplans.db</c>),
/// or an Npgsql connection string.
/// </summary>
public sealed class StateStoreOptions
{
    public const string SectionName = "State";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string DefaultSqlitePath = "data/teamsplans.db";

    public string Provider { get; set; } = Sqlite;
    public string? ConnectionString { get; set; }
    /// <summary>Apply pending migrations when the host starts (hosted service registered by AddTeamsPlansStateStore).</summary>
    public bool MigrateOnStartup { get; set; } = true;
    /// <summary>How long a SQLite writer waits on a lock held by another process before failing (busy_timeout).</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Postgres: advisory lock key serializing concurrent migrations.</summary>
    public long MigrationLockKey { get; set; } = 0x54_50_4D_49_47L; // "TPMIG"
}
