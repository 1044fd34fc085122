using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage;

/// <summary>What <see cref="ContentionRetry.UpdateStateAsync"/> did: the record as stored now, the state the change was applied to.</summary>
public sealed record ContentionOutcome(ContentionResult Result, AssignmentRecord? Current, AssignmentState Previous, int Attempts, int Conflicts)
{
    public bool Saved => Result == ContentionResult.Saved;
}
