namespace TeamsPlans.Plans.Corrections;

/// <summary>What a revised plan changes against the published one: one entry per assignment of either side.</summary>
public sealed record PlanCorrection(IReadOnlyList<AssignmentDiff> Changes)
{
    public IEnumerable<AssignmentDiff> Of(AssignmentChangeKind kind) => Changes.Where(c => c.Kind == kind);

    /// <summary>True when nothing but unchanged assignments: re-importing the same text.</summary>
    public bool IsEmpty => Changes.All(c => c.Kind == AssignmentChangeKind.Unchanged);
}
