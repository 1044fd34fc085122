using System.Security.Cryptography;
using System.Text;

namespace TeamsPlans.GraphSync;

/// <summary>Field-level write: null = leave alone. Assignees are added/removed individually so a concurrent edit is kept.</summary>
public sealed record TaskPatch(string? Title, bool SetDue, DateTimeOffset? DueAt, int? PercentComplete, IReadOnlyList<string> AddAssignees,
    IReadOnlyList<string> RemoveAssignees)
{
    /// <summary>The official-state label to set (ours alone: a label is never merged with a remote edit); null = leave it.</summary>
    public string? Label { get; init; }
    public bool IsEmpty => Title is null && !SetDue && PercentComplete is null && AddAssignees.Count == 0 && RemoveAssignees.Count == 0
        && Label is null;
}
