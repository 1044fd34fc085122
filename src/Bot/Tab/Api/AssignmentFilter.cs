namespace TeamsPlans.Bot.Tab.Api;

/// <summary>Filters and order of a plan's assignments table.</summary>
public sealed record AssignmentFilter(string? State, string? Unit, string? Search, string? Sort, bool Descending);
