using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsPlans.Bot.Delivery;

namespace TeamsPlans.Bot.Tests.Delivery;

/// <summary>A lone 429 holds only its message; clustered 429s pause the tenant; a burst starts at half pace.</summary>
public class ThrottleAndRampTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static DeliveryRateLimiter Create(FakeTimeProvider time, TimeSpan rampUp) =>
        new(Options.Create(new DeliveryOptions
        {
            TenantRequestsPerSecond = 50, WindowSafetyMargin = TimeSpan.Zero, RampUp = rampUp,
            ThrottleClusterCount = 3, ThrottleClusterWindow = TimeSpan.FromSeconds(2),
        }), time);

    [Fact]
    public void A_lone_429_does_not_pause_the_tenant_but_three_within_two_seconds_do()
    {
        var time = new FakeTimeProvider(Start);
        var limiter = Create(time, TimeSpan.Zero);
        Assert.False(limiter.Throttled("t", time.GetUtcNow() + TimeSpan.FromSeconds(1)));
        Assert.Null(limiter.PausedUntil("t"));
        // The next request of another conversation goes at once: the 429 held only its own message.
        Assert.True(limiter.AcquireAsync("t", "other", CancellationToken.None).IsCompleted);

        time.Advance(TimeSpan.FromSeconds(3)); // the first one has left the 2 s window
        Assert.False(limiter.Throttled("t", time.GetUtcNow() + TimeSpan.FromSeconds(1)));
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.False(limiter.Throttled("t", time.GetUtcNow() + TimeSpan.FromSeconds(1)));
        time.Advance(TimeSpan.FromMilliseconds(500));
        var until = time.GetUtcNow() + TimeSpan.FromSeconds(2);
        Assert.True(limiter.Throttled("t", until));
        Assert.Equal(until, limiter.PausedUntil("t"));
        Assert.Null(limiter.PausedUntil("another-tenant"));
        // A cluster means the requests reach the server bunched: the margin widens, and narrows after 10 s without one.
        Assert.Equal(TimeSpan.FromMilliseconds(25), limiter.TenantMargin);
        time.Advance(TimeSpan.FromSeconds(11));
        Assert.True(limiter.AcquireAsync("t", "later", CancellationToken.None).IsCompleted);
        Assert.Equal(TimeSpan.FromMilliseconds(20), limiter.TenantMargin);
    }

    [Fact]
    public async Task A_burst_ramps_from_half_pace_to_the_full_pace_over_the_ramp()
    {
        var time = new FakeTimeProvider(Start);
        var limiter = Create(time, TimeSpan.FromSeconds(1));
        var slots = new List<TimeSpan>();
        for (var i = 0; i < 120; i++)
        {
            var pending = limiter.AcquireAsync("t", null, CancellationToken.None).AsTask();
            while (!pending.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }
            slots.Add(await pending - Start);
        }
        var gaps = slots.Zip(slots.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(TimeSpan.FromMilliseconds(40), gaps[0]); // half of 50/s at the start of the burst
        Assert.Equal(TimeSpan.FromMilliseconds(20), gaps[^1]); // the full 50/s after the ramp
        var firstSecond = slots.Count(s => s < TimeSpan.FromSeconds(1));
        Assert.InRange(firstSecond, 30, 42); // about three quarters of the ceiling in the first second
        // After a second of silence the next burst ramps again.
        time.Advance(TimeSpan.FromSeconds(2));
        var a = await limiter.AcquireAsync("t", null, CancellationToken.None);
        var next = limiter.AcquireAsync("t", null, CancellationToken.None).AsTask();
        while (!next.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }
        Assert.Equal(TimeSpan.FromMilliseconds(40), await next - a);
    }
}
