using System.Security.Cryptography;
using System.Text;

namespace TeamsPlans.GraphSync;

/// <summary>A task as the remote side holds it (Planner task or local board row).</summary>
public sealed record RemoteTask(string Id, string ETag, string Title, string? BucketId, DateTimeOffset? DueAt, int PercentComplete,
    IReadOnlyList<string> AssigneeIds)
{
    /// <summary>The official-state label the task carries (<see cref="PlannerLabels"/>), or null.</summary>
    public string? Label { get; init; }
}
