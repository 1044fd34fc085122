using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Units;

/// <summary>Reading the unit an assignment was made for, after the import expanded a set into one assignee per unit.</summary>
public static class UnitAssignees
{
    /// <summary>
    /// The unit code of an assignee the import made for one directory unit (its <see cref="Assignee.Target"/> is one
    /// <see cref="AssigneeKind.Unit"/> selector carrying the code, and <see cref="Assignee.Unit"/> the unit's name); null otherwise.
    /// </summary>
    public static string? CodeOf(Assignee assignee)
    {
        ArgumentNullException.ThrowIfNull(assignee);
        return assignee.Target is { Kind: AssigneeKind.Unit, Units: [{ Name: { } code }] }
            && assignee.Unit is not null && code != assignee.Unit ? code : null;
    }
}
