namespace TeamsPlans.Bot.Features.Import;

/// <summary>A revised document of a plan already published: the card showing what changed (Features/Corrections), or null.</summary>
internal interface IPublishedPlanRevision
{
    Task<AdaptiveCard?> DiffCardAsync(TurnState state, StoredPlan published, PlanDocument revised, string fileName, CancellationToken ct,
        string? amendingNumber = null);
}
