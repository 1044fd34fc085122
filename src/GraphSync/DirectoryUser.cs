namespace TeamsPlans.GraphSync;

public sealed record DirectoryUser(string Id, string DisplayName, string? JobTitle, string? Department, string? Mail);
