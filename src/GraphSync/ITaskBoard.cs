namespace TeamsPlans.GraphSync;

public interface ITaskBoard
{
    /// <summary>Creates (or finds) the board of a plan. Idempotent.</summary>
    Task<BoardRef> EnsureBoardAsync(string tenantId, string planId, string title, CancellationToken ct = default);
    /// <summary>Creates missing buckets; returns name → bucket id. Limit: 200 buckets per plan.</summary>
    Task<IReadOnlyDictionary<string, string>> EnsureBucketsAsync(BoardRef board, IReadOnlyList<string> names, CancellationToken ct = default);
    /// <summary>
    /// Creates or updates tasks. Only fields that changed on our side since the last sync are written; a concurrent
    /// remote edit is merged field by field (three-way) and reported, never overwritten silently.
    /// </summary>
    Task<UpsertSummary> UpsertTasksAsync(BoardRef board, IReadOnlyList<BoardTask> tasks, CancellationToken ct = default);
    /// <summary>Sets progress of one task (0/50/100), merging with concurrent remote edits.</summary>
    Task<UpsertSummary> SetProgressAsync(BoardRef board, string taskKey, int percentComplete, CancellationToken ct = default);
    /// <summary>Sets progress and the official-state label (<see cref="PlannerLabels"/>; null = leave it) of one task.</summary>
    Task<UpsertSummary> SetProgressAsync(BoardRef board, string taskKey, int percentComplete, string? label, CancellationToken ct = default);
    /// <summary>Remote changes since the last read (compares ETags with the stored snapshot).</summary>
    Task<IReadOnlyList<RemoteChange>> ReadChangesAsync(BoardRef board, CancellationToken ct = default);
}
