namespace TeamsPlans.Plans.Corrections;

/// <summary>What a revised plan did to one assignment.</summary>
public enum AssignmentChangeKind
{
    /// <summary>Same assignee, same duty, same deadlines.</summary>
    Unchanged,
    /// <summary>Same assignee and duty; a deadline moved, was added or dropped.</summary>
    Redated,
    /// <summary>Same assignee; the duty is worded differently (deadlines may also have moved).</summary>
    Reworded,
    /// <summary>Only in the revised plan.</summary>
    Added,
    /// <summary>Only in the published plan.</summary>
    Removed,
}
