namespace TeamsPlans.E2E.Tests.Harness;

/// <summary>
/// The wall clock moved to another day: <see cref="GetUtcNow"/> is the real time shifted so that it starts at
/// <c>start</c>, and it keeps running (timers, delays and the bot's polling still fire at real speed). The E2E scenarios
/// live in the school year of their seed plan (seed 001 is dated 03/04/2023), so its deadlines are still ahead.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
}
