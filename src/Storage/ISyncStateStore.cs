namespace TeamsPlans.Storage;

public interface ISyncStateStore
{
    Task<SyncEntry?> GetAsync(string tenantId, string scope, string key, CancellationToken ct = default);
    Task PutAsync(SyncEntry entry, CancellationToken ct = default);
    Task<IReadOnlyList<SyncEntry>> ListAsync(string tenantId, string scope, CancellationToken ct = default);
    Task DeleteAsync(string tenantId, string scope, string key, CancellationToken ct = default);
}
