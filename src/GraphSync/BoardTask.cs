namespace TeamsPlans.GraphSync;

/// <summary>
/// One task as TeamsPlans wants it. Key is deterministic (assignment id, or assignment id + deadline index);
/// PercentComplete null = leave progress alone. DueAt is an instant (see <see cref="PlannerDueDates"/>).
/// </summary>
public sealed record BoardTask(
    string Key, string Title, string Bucket, DateTimeOffset? DueAt, IReadOnlyList<string> AssigneeIds,
    IReadOnlyList<string> Checklist, string? ReferenceUrl, string? ReferenceAlias, int? PercentComplete, string Description)
{
    public string? AssignmentId { get; init; }
    /// <summary>The official state code (<see cref="PlannerLabels"/>) shown as the task's label; null = leave labels alone.</summary>
    public string? Label { get; init; }
}
