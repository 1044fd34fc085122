namespace TeamsPlans.Plans.Model;

public sealed record Recipient(string Name, string? Purpose);
