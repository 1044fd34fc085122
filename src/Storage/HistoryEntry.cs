namespace TeamsPlans.Storage;

/// <summary>
/// One change of an assignment, appended and never rewritten: who (<see cref="Actor"/>: Entra object id, or "system";
/// <see cref="ActorName"/> as shown then), when (the store's or caller's TimeProvider), from where, and what
/// (<see cref="Detail"/>: a percentage, a reason, a file name, the new holder…). <see cref="Sequence"/> is given by the store.
/// </summary>
public sealed record HistoryEntry(
    string TenantId, string PlanId, string AssignmentId, HistoryEvent Event, string Actor, string? ActorName,
    HistorySource Source, DateTimeOffset At, string? Detail)
{
    public long Sequence { get; init; }
}
