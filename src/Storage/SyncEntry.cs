namespace TeamsPlans.Storage;

/// <summary>A mapping kept by a sync engine: local key → remote id + etag (e.g. assignment → Planner task).</summary>
public sealed record SyncEntry(string TenantId, string Scope, string Key, string RemoteId, string? ETag, string? DataJson, DateTimeOffset UpdatedAt);
