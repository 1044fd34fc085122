using System.Security.Cryptography;
using System.Text;

namespace TeamsPlans.GraphSync;

/// <summary>Per-item outcome of a remote primitive: Value on success, Status 412 on an ETag mismatch, Error otherwise.</summary>
public sealed record Outcome<T>(T? Value, int Status, string? Error, TimeSpan? RetryAfter = null) where T : class
{
    public bool Ok => Value is not null;
    /// <summary>The service's error code when it gave one (Planner limits: MaximumActiveTasksInProject, …).</summary>
    public string? Code { get; init; }
}
