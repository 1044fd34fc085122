namespace TeamsPlans.GraphSync.Tests.Fakes;

/// <summary>
/// A virtual clock: GetUtcNow is settable, and a timer (Task.Delay on this provider) fires at once after moving the
/// clock forward by its due time. Delays are recorded, so "waited Retry-After seconds" is asserted without sleeping.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    readonly object _lock = new();
    DateTimeOffset _now = start;
    public List<TimeSpan> Delays { get; } = [];

    public override DateTimeOffset GetUtcNow() { lock (_lock) return _now; }
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    public void Advance(TimeSpan by) { lock (_lock) _now += by; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan) return new NoTimer();
        lock (_lock) { Delays.Add(dueTime); _now += dueTime; }
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new NoTimer();
    }

    sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
