namespace TeamsPlans.Plans.Scheduling;

public enum ReminderKind
{
    /// <summary>N days before the last day (N from <see cref="ReminderPolicy.OffsetsDays"/>).</summary>
    Before,
    /// <summary>On the day the item becomes overdue (the day after its last day).</summary>
    Overdue,
}
