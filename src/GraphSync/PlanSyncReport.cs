using System.Security.Cryptography;
using System.Text;

namespace TeamsPlans.GraphSync;

/// <summary>Outcome of syncing one plan to the board.</summary>
public sealed record PlanSyncReport(
    string PlanId, int TasksPlanned, int Enqueued, int Created, int Updated, int Adopted, int Conflicts,
    IReadOnlyList<AssigneeResolution> Unresolved, IReadOnlyList<RemoteChange> RemoteChanges, IReadOnlyList<string> Failures);
