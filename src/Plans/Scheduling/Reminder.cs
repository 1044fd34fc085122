using System.Globalization;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Scheduling;

/// <summary>
/// One reminder: for the occurrence of <see cref="Deadline"/> whose last day is <see cref="DueDay"/>,
/// sent on <see cref="SendDay"/> (a working day) at <see cref="SendAt"/>.
/// </summary>
public sealed record Reminder(Deadline Deadline, DateOnly DueDay, ReminderKind Kind, int OffsetDays, DateOnly SendDay, DateTimeOffset SendAt)
{
    /// <summary>Stable code used in idempotency keys: "before-7", "before-1", "overdue".</summary>
    public string Code => Kind == ReminderKind.Before
        ? string.Create(CultureInfo.InvariantCulture, $"before-{OffsetDays}")
        : "overdue";
}
