namespace TeamsPlans.Bot.Tab.Api;

/// <summary>Filters of the Plans list: year, state key, issuer (contains), unit (contains), search by number or title.</summary>
public sealed record PlanFilter(int? Year, string? State, string? Issuer, string? Unit, string? Search);
