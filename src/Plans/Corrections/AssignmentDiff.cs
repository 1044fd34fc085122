using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Corrections;

/// <summary>
/// One assignment of a correction: <see cref="Before"/> is its index in the published list (null when added),
/// <see cref="After"/> its index in the revised list (null when removed).
/// </summary>
public sealed record AssignmentDiff(AssignmentChangeKind Kind, int? Before, int? After)
{
    /// <summary>The deadlines whose dates differ: (published, revised); either side null when one was dropped or added.</summary>
    public IReadOnlyList<(Deadline? From, Deadline? To)> MovedDeadlines { get; init; } = [];
}
