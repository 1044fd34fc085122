namespace TeamsPlans.GraphSync;

/// <summary>Outcome of resolving an assignee; Candidates lists the possibilities when ambiguous.</summary>
public sealed record AssigneeResolution(string Query, ResolutionStatus Status, IReadOnlyList<DirectoryUser> Users,
    IReadOnlyList<DirectoryUser> Candidates, string? MessageVi, string? MessageEn);
