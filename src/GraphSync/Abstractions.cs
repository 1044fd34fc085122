namespace TeamsPlans.GraphSync;

internal static class DocumentLibraryExtensions
{
    /// <summary>Peek + commit: the plan documents new since the last call (for imports use <see cref="PlanDocumentInbox"/>).</summary>
    public static async Task<IReadOnlyList<LibraryFile>> DiscoverNewPlanDocumentsAsync(this IDocumentLibrary library, string tenantId,
        CancellationToken ct = default)
    {
        var d = await library.PeekNewPlanDocumentsAsync(tenantId, ct);
        await library.CommitDiscoveryAsync(tenantId, d, ct);
        return d.Files;
    }
}

/// <summary>A Planner limit would be exceeded (20 assignees, 9000 tasks per plan, 200 buckets, 20 checklist items).</summary>
internal sealed class PlannerLimitException(string code, string messageVi, string messageEn) : GraphSyncException(code, messageVi, messageEn);

internal static class PlannerLimits
{
    public const int MaxAssigneesPerTask = 20;
    public const int MaxTasksPerPlan = 9000;
    public const int MaxBucketsPerPlan = 200;
    public const int MaxChecklistItems = 20;
    public const int MaxTitleLength = 255;
    /// <summary>Planner limits page: at most 2,400 tasks not completed per plan (newer page: 3,000; the lower is kept).</summary>
    public const int MaxActiveTasksPerPlan = 2400;
    /// <summary>Planner limits page: at most 200 plans owned by a group (newer page: 400; the lower is kept).</summary>
    public const int MaxPlansPerGroup = 200;
    /// <summary>Planner limits page: at most 10 references on a task (newer page: 15). TeamsPlans writes one.</summary>
    public const int MaxReferencesPerTask = 10;
}
