using System.Security.Cryptography;
using System.Text;

namespace TeamsPlans.GraphSync;

/// <summary>Outcome of draining the outbox.</summary>
public sealed record OutboxDrainResult(int Completed, int Retried, int Failed, int Created, int Updated, int Adopted, int Conflicts,
    IReadOnlyList<RemoteChange> RemoteChanges, IReadOnlyList<string> Failures);
