namespace TeamsPlans.Plans.Scheduling;

/// <summary>
/// Asia/Ho_Chi_Minh, the time zone every date of a plan is written in: today's date there, an instant as local time or
/// as a calendar date. Vietnam has used UTC+7 without daylight saving since 1975, so a host without time zone data gets a
/// fixed UTC+7 zone.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = Find();

    private static TimeZoneInfo Find()
    {
        foreach (var id in new[] { ReminderPolicy.DefaultTimeZoneId, "SE Asia Standard Time" })
        {
            try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { }
        }
        return TimeZoneInfo.CreateCustomTimeZone(ReminderPolicy.DefaultTimeZoneId, TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
    }

    /// <summary>Today's date in Vietnam, from the given clock.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow());
    }

    /// <summary>An instant as Asia/Ho_Chi_Minh local time.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The calendar date of an instant in Asia/Ho_Chi_Minh.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);
}
