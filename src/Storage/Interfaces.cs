using TeamsPlans.Plans.Model;

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

/// <summary>
/// The bot instances sharing this store (heartbeats) and the connector's throttling pauses per tenant, so that several
/// instances split Teams' per-tenant rate between them and all slow down when one of them is told to (429 Retry-After).
/// </summary>
public interface IInstanceRegistry
{
    /// <summary>Records that <paramref name="instanceId"/> is alive; returns how many instances (this one included) have a
    /// heartbeat younger than <paramref name="ttl"/>. Instances silent for 10 × ttl are forgotten.</summary>
    Task<int> HeartbeatAsync(string instanceId, TimeSpan ttl, CancellationToken ct = default);
    /// <summary>Removes the instance (orderly shutdown), so the others take its share at once.</summary>
    Task LeaveAsync(string instanceId, CancellationToken ct = default);
    /// <summary>Holds the tenant's sends until <paramref name="until"/> on every instance (a later pause is never shortened).</summary>
    Task PauseTenantAsync(string tenantId, DateTimeOffset until, CancellationToken ct = default);
    /// <summary>The pauses not yet over, by tenant.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> ActivePausesAsync(CancellationToken ct = default);
}

public interface IPlanStore
{
    Task UpsertAsync(StoredPlan plan, CancellationToken ct = default);
    Task<StoredPlan?> GetAsync(string tenantId, string planId, CancellationToken ct = default);
    /// <summary>By printed number ("82/KH-THPT BK"), compared without spaces and case.</summary>
    Task<StoredPlan?> FindByNumberAsync(string tenantId, string number, CancellationToken ct = default);
    Task<IReadOnlyList<StoredPlan>> ListAsync(string tenantId, CancellationToken ct = default);
    /// <summary>Plans (of any tenant the caller is allowed to see: <paramref
    /// name="tenantIds"/>) whose legal bases cite <paramref name="parentNumber"/>.</summary>
    Task<IReadOnlyList<StoredPlan>> ListImplementingAsync(IReadOnlyCollection<string> tenantIds, string parentNumber, CancellationToken ct = default);
}

public interface IMemberStore
{
    /// <summary>Inserts or refreshes a member. An existing member's chosen <see cref="Member.Language"/> is kept (it changes
    /// only through <see cref="SetLanguageAsync"/>), so a refresh racing with the member's choice never undoes it.</summary>
    Task UpsertAsync(Member member, CancellationToken ct = default);
    Task<Member?> GetAsync(string tenantId, string aadObjectId, CancellationToken ct = default);
    Task<IReadOnlyList<Member>> ListAsync(string tenantId, CancellationToken ct = default);
    /// <summary>Stores the card language the member chose ("vi", "en", or null to follow the client); false if no such member.</summary>
    Task<bool> SetLanguageAsync(string tenantId, string aadObjectId, string? language, CancellationToken ct = default);
}

public interface IConversationStore
{
    Task UpsertAsync(ConversationRef reference, CancellationToken ct = default);
    Task<ConversationRef?> GetAsync(string tenantId, string aadObjectId, CancellationToken ct = default);
    Task MarkBlockedAsync(string tenantId, string aadObjectId, string reason, CancellationToken ct = default);
    Task<IReadOnlyList<ConversationRef>> ListAsync(string tenantId, CancellationToken ct = default);
}

public interface IAssignmentStore
{
    /// <summary>Inserts or replaces the assignments of a plan (by AssignmentId).</summary>
    Task UpsertManyAsync(IReadOnlyList<AssignmentRecord> assignments, CancellationToken ct = default);
    Task<AssignmentRecord?> GetAsync(string tenantId, string assignmentId, CancellationToken ct = default);
    Task<IReadOnlyList<AssignmentRecord>> ListByPlanAsync(string tenantId, string planId, CancellationToken ct = default);
    Task<IReadOnlyList<AssignmentRecord>> ListByMemberAsync(string tenantId, string aadObjectId, CancellationToken ct = default);
    /// <summary>
    /// Optimistic update: succeeds only if the stored state's Version equals <paramref name="expectedVersion"/>.
    /// Returns the stored record after the call (updated, or the current one when the version did not match).
    /// </summary>
    Task<(bool Updated, AssignmentRecord? Current)> TryUpdateStateAsync(string tenantId, string assignmentId, int expectedVersion,
        AssignmentState newState, CancellationToken ct = default);
    Task SetMemberAsync(string tenantId, string assignmentId, string? aadObjectId, CancellationToken ct = default);
    Task SetCardAsync(string tenantId, string assignmentId, string activityId, string conversationId, CancellationToken ct = default);
}

public interface IReportStore
{
    Task AddAsync(ReportSubmission report, CancellationToken ct = default);
    Task<IReadOnlyList<ReportSubmission>> ListByAssignmentAsync(string tenantId, string assignmentId, CancellationToken ct = default);
    Task<IReadOnlyList<ReportSubmission>> ListByTenantsAsync(IReadOnlyCollection<string> tenantIds, CancellationToken ct = default);
}

/// <summary>
/// Durable queue with leases, shared by all instances (SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL,
/// a single-writer transaction on SQLite). A crashed owner's lease expires and the item is claimed again.
/// </summary>
public interface IWorkQueue
{
    /// <summary>Adds an item; returns false (and changes nothing) when (tenant, queue, idempotencyKey) already exists.</summary>
    Task<bool> EnqueueAsync(string tenantId, string queue, string kind, string idempotencyKey, string payloadJson, DateTimeOffset? notBefore = null,
        CancellationToken ct = default);
    /// <summary>Claims up to <paramref name="max"/> due items (Queued, or InFlight with an expired lease), oldest first, across tenants.</summary>
    Task<IReadOnlyList<WorkItem>> ClaimAsync(string queue, string owner, int max, TimeSpan lease, CancellationToken ct = default);
    Task<bool> RenewAsync(long id, string owner, TimeSpan lease, CancellationToken ct = default);
    /// <summary>Marks done if <paramref name="owner"/> still holds the lease; false otherwise.</summary>
    Task<bool> CompleteAsync(long id, string owner, string? resultJson = null, CancellationToken ct = default);
    /// <summary>Back to Queued, due at <paramref name="notBefore"/>, attempts+1, lease released.</summary>
    Task<bool> RetryAsync(long id, string owner, DateTimeOffset notBefore, string error, CancellationToken ct = default);
    /// <summary>
    /// Like <see cref="RetryAsync"/> but without counting an attempt (throttling, a paused tenant): back to Queued, due at
    /// <paramref name="notBefore"/>, lease released, attempts unchanged. Owner-checked like the others.
    /// (The default implementation, for fakes, falls back to <see cref="RetryAsync"/>; the SQL stores override it.)
    /// </summary>
    Task<bool> DeferAsync(long id, string owner, DateTimeOffset notBefore, string reason, CancellationToken ct = default) =>
        RetryAsync(id, owner, notBefore, reason, ct);
    /// <summary>Terminal: Failed or Blocked, with the reason.</summary>
    Task<bool> FailAsync(long id, string owner, WorkState terminalState, string reason, CancellationToken ct = default);
    Task<WorkItem?> GetAsync(string tenantId, string queue, string idempotencyKey, CancellationToken ct = default);
    Task<IReadOnlyList<WorkItem>> ListAsync(string tenantId, string queue, WorkState? state = null, CancellationToken ct = default);
    /// <summary>Puts Failed items (whose key starts with <paramref name="keyPrefix"/>, when given) back to Queued; returns how many.</summary>
    Task<int> RequeueFailedAsync(string tenantId, string queue, string? keyPrefix = null, CancellationToken ct = default);
    Task<IReadOnlyDictionary<WorkState, int>> CountsAsync(string tenantId, string queue, CancellationToken ct = default);
}

public interface ISyncStateStore
{
    Task<SyncEntry?> GetAsync(string tenantId, string scope, string key, CancellationToken ct = default);
    Task PutAsync(SyncEntry entry, CancellationToken ct = default);
    Task<IReadOnlyList<SyncEntry>> ListAsync(string tenantId, string scope, CancellationToken ct = default);
    Task DeleteAsync(string tenantId, string scope, string key, CancellationToken ct = default);
}
