using System.Globalization;

namespace TeamsPlans.Plans.Scheduling;

/// <summary>
/// When reminders go out for a plan. Default: 7 and 1 day(s) before each deadline and an overdue notice on the
/// day after the last day, at 08:00 Asia/Ho_Chi_Minh, on working days (Mon–Fri, minus <see cref="Holidays"/>).
/// </summary>
public sealed record ReminderPolicy
{
    public const string DefaultTimeZoneId = "Asia/Ho_Chi_Minh";

    public static ReminderPolicy Default { get; } = new();

    /// <summary>Days before the last day on which a reminder is sent (each 1..366). Default 7 and 1.</summary>
    public IReadOnlyList<int> OffsetsDays { get; init; } = [7, 1];

    /// <summary>Send one notice on the day the item becomes overdue (the day after its last day). Default true.</summary>
    public bool OverdueNotice { get; init; } = true;

    /// <summary>Local send time (in <see cref="TimeZoneId"/>). Default 08:00.</summary>
    public TimeOnly SendTime { get; init; } = new(8, 0);

    /// <summary>IANA / Windows time zone id. Default "Asia/Ho_Chi_Minh" (UTC+7, no DST).</summary>
    public string TimeZoneId { get; init; } = DefaultTimeZoneId;

    /// <summary>Public holidays (Tết, 30/4, 1/5, 2/9, ...): treated like weekends. Optional.</summary>
    public IReadOnlyCollection<DateOnly> Holidays { get; init; } = [];

    /// <summary>Throws <see cref="ArgumentException"/> with a Vietnamese / English message when the policy is unusable.</summary>
    public void Validate()
    {
        if (OffsetsDays is null) throw new ArgumentException("Thiếu danh sách ngày nhắc / Reminder offsets are missing.", nameof(OffsetsDays));
        foreach (var o in OffsetsDays)
        {
            if (o is < 1 or > 366)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Số ngày nhắc trước hạn phải từ 1 đến 366 (nhận {o}) / Reminder offset must be 1..366 days (got {o})."), nameof(OffsetsDays));
        }
        if (OffsetsDays.Distinct().Count() != OffsetsDays.Count)
            throw new ArgumentException("Số ngày nhắc bị trùng / Duplicate reminder offsets.", nameof(OffsetsDays));
        _ = ResolveTimeZone(TimeZoneId);
    }

    internal static TimeZoneInfo ResolveTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultTimeZoneId : id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"Không tìm thấy múi giờ '{id}' / Unknown time zone '{id}'.", nameof(TimeZoneId), e);
        }
    }
}
