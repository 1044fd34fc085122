namespace TeamsPlans.GraphSync;

public sealed record UpsertSummary(int Created, int Updated, int Adopted, int Unchanged, int Conflicts, IReadOnlyList<RemoteChange> RemoteChanges);
