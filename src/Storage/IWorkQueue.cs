namespace TeamsPlans.Storage;

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
