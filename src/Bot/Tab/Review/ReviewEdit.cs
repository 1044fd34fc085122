namespace TeamsPlans.Bot.Tab.Review;

/// <summary>
/// A correction of an extracted item (PUT) or a new item (POST). A null part is left as it is; for a new item the assignee
/// (one of name, title, unit) and the duty are required. Deadlines are "dd/MM/yyyy" (or a value shown unchanged);
/// Member is a member's object id, "" to clear the mapping.
/// </summary>
internal sealed record ReviewEdit(string? Name, string? Title, string? Unit, string? Duty, IReadOnlyList<string>? Deadlines, string? Member);
