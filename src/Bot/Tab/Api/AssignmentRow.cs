namespace TeamsPlans.Bot.Tab.Api;

/// <summary>One row of a plan's assignments table. Dates are dd/MM/yyyy; State is a <see cref="TabStates"/> key.</summary>
public sealed record AssignmentRow(
    string AssignmentId, int Ordinal, string Holder, string? Unit, string Duty, IReadOnlyList<string> Deadlines,
    string? NextDeadline, string State, string StateLabel, int Progress, string? LastComment, int Reports, bool Mine);
