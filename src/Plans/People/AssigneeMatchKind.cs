namespace TeamsPlans.Plans.People;

/// <summary>How an assignee resolved: see <see cref="AssigneeResolver"/>.</summary>
public enum AssigneeMatchKind
{
    /// <summary>Exactly one person: by name, or the sole holder of the job title.</summary>
    Person,
    /// <summary>A unit assigned as a whole: every member of the department (or of the role group the directory keeps).</summary>
    Unit,
    /// <summary>Several people fit (a name shared, a job title held by several): someone must choose.</summary>
    Ambiguous,
    /// <summary>Nobody fits.</summary>
    Unresolved,
}
