namespace TeamsPlans.Storage;

/// <summary>
/// How many items of a queue under one key prefix share a kind and state (<see cref="IQueueTallyStore.TallyAsync"/>).
/// <paramref name="Skipped"/>: Done without sending (the result records a skip). <paramref name="Waiting"/>: Queued with a
/// reason starting with the waiting marker; then <paramref name="WaitingMember"/> is the payload's memberAadObjectId.
/// </summary>
public sealed record QueueTally(string KeyPrefix, string Kind, WorkState State, bool Skipped, bool Waiting, string? WaitingMember, int Count);
