namespace TeamsPlans.Storage;

/// <summary>
/// A durable unit of work in a named queue ("delivery" for proactive sends, "outbox" for Graph writes).
/// IdempotencyKey is unique per (tenant, queue): enqueuing the same key twice keeps the first.
/// </summary>
public sealed record WorkItem(
    long Id, string TenantId, string Queue, string Kind, string IdempotencyKey, string PayloadJson, WorkState State,
    int Attempts, DateTimeOffset NotBefore, string? LeaseOwner, DateTimeOffset? LeaseUntil, string? LastError,
    string? ResultJson, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
