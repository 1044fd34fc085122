namespace TeamsPlans.Bot.Features.Import;

/// <summary>Result of an import: the stored plan and its assignments, or why nothing was imported.</summary>
internal sealed record ImportOutcome(StoredPlan? Plan, IReadOnlyList<AssignmentRecord> Assignments, IReadOnlyList<string> Matches,
    bool AlreadyPublished)
{
    public bool Imported => Plan is not null && !AlreadyPublished;

    /// <summary>The document just read, when the plan was already published (a correction candidate, Features/Corrections).</summary>
    public PlanDocument? Revised { get; init; }

    /// <summary>The number of the document read when it adjusts or supplements <see cref="Plan"/> under another number; else null.</summary>
    public string? AmendingNumber { get; init; }
}
