namespace TeamsPlans.Storage;

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
