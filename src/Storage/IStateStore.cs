namespace TeamsPlans.Storage;

/// <summary>
/// The state store: one per process, SQLite (embedded default) or PostgreSQL (scale-out), chosen by configuration.
/// Every read and write names the tenant; nothing crosses tenants. Clocks come from the TimeProvider given to the store.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Provider { get; }
    /// <summary>Applies pending versioned schema migrations. Safe to call from several instances at once.</summary>
    Task MigrateAsync(CancellationToken ct = default);
    Task<bool> PingAsync(CancellationToken ct = default);

    IPlanStore Plans { get; }
    IMemberStore Members { get; }
    IConversationStore Conversations { get; }
    IAssignmentStore Assignments { get; }
    IReportStore Reports { get; }
    IWorkQueue Queue { get; }
    ISyncStateStore Sync { get; }
    IInstanceRegistry Instances { get; }
}
