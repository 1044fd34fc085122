namespace TeamsPlans.Bot.Tab.Api;

/// <summary>A plan in the Plans list: counts by state key (<see cref="TabStates"/>), next deadline (dd/MM/yyyy), delivery problems.</summary>
public sealed record PlanSummary(
    string PlanId, string? Number, string Title, string? Issuer, int? Year, string Status,
    IReadOnlyDictionary<string, int> Counts, int Total, string? NextDeadline, int DeliveryFailed, int DeliveryBlocked, IReadOnlyList<string> Units);
