namespace TeamsPlans.Storage;

/// <summary>
/// The append-only history of assignments (issue 15), on both providers. Obtain it with
/// <see cref="HistoryStoreFactory.For"/> from the state store, or from DI (registered by AddTeamsPlansStateStore).
/// </summary>
public interface IHistoryStore
{
    /// <summary>Appends one entry; returns it with its <see cref="HistoryEntry.Sequence"/>.</summary>
    Task<HistoryEntry> AppendAsync(HistoryEntry entry, CancellationToken ct = default);
    /// <summary>The assignment's history, oldest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> ListByAssignmentAsync(string tenantId, string assignmentId, CancellationToken ct = default);
    /// <summary>Every entry of a plan's assignments, oldest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> ListByPlanAsync(string tenantId, string planId, CancellationToken ct = default);
}
