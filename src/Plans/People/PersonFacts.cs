namespace TeamsPlans.Plans.People;

/// <summary>What the assignee resolver reads of a directory entry (a Teams member, an Entra user).</summary>
public sealed record PersonFacts(string? DisplayName, string? JobTitle, string? Department);
