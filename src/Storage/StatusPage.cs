namespace TeamsPlans.Storage;

/// <summary>The first plans of the status card and the number of plans not archived.</summary>
public sealed record StatusPage(IReadOnlyList<StoredPlan> Plans, int Total);
