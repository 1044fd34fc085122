namespace TeamsPlans.Bot.Tab.History;

/// <summary>One line of a plan's or an assignment's history as the tab shows it: when (dd/MM/yyyy HH:mm, Vietnam time),
/// which assignment, what happened, who, from where, the detail.</summary>
internal sealed record HistoryRow(long Sequence, string At, string AssignmentId, int? Ordinal, string? Holder, string Event, string EventLabel,
    string Actor, string Source, string? Detail);
