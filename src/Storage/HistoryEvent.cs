namespace TeamsPlans.Storage;

/// <summary>What happened to an assignment (one line of its history).</summary>
public enum HistoryEvent
{
    Created, Delivered, Acknowledged, Progress, Done, Comment, ReportHandedIn, Accepted, Returned, Reassigned, Redated, ChangedInPlanner,
    /// <summary>Taken out of the plan by a corrected document (issue 12); the assignment row moved to withdrawn_assignments.</summary>
    Withdrawn,
    /// <summary>A unit head accepted a member's report on the unit's duty and sent it up in the unit's name (issue 14): the same
    /// round as the member's hand-in, not a new one; it awaits the receiver's review.</summary>
    ReportForwarded,
}
