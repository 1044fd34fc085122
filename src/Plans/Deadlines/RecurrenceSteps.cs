using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Deadlines;

/// <summary>How far apart the occurrences of a recurring deadline are, in months: yearly 12, every six months 6,
/// quarterly 3, monthly 1. The one rule the schedule, the cards and the roll-up step by.</summary>
public static class RecurrenceSteps
{
    public static int Months(Recurrence recurrence) => recurrence switch
    {
        Recurrence.Yearly => 12,
        Recurrence.Semiannual => 6,
        Recurrence.Quarterly => 3,
        Recurrence.Monthly => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(recurrence), recurrence, null),
    };

    /// <summary>The occurrences in <paramref name="year"/> of a day (<paramref name="month"/>, <paramref name="day"/>)
    /// repeated every <see cref="Months"/> months (the day clamped to the month's length), sorted.</summary>
    public static IReadOnlyList<DateOnly> InYear(int year, int month, int day, Recurrence recurrence)
    {
        var step = Months(recurrence);
        var first = ((month - 1) % step) + 1;
        var days = new List<DateOnly>();
        for (var m = first; m <= 12; m += step)
            days.Add(new DateOnly(year, m, Math.Min(day, DateTime.DaysInMonth(year, m))));
        return days;
    }
}
