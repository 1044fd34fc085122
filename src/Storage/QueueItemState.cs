namespace TeamsPlans.Storage;

/// <summary>A queue item's key and state, without its payload (status read model). <paramref name="Skipped"/>: Done without sending.</summary>
public sealed record QueueItemState(string IdempotencyKey, WorkState State, bool Skipped);
