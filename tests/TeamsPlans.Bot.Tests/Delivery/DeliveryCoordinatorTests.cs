using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Storage;
using TeamsPlans.Testing;

namespace TeamsPlans.Bot.Tests.Delivery;

/// <summary>
/// Instances sharing one state store: heartbeats give each its share of Teams' per-tenant ceiling (⌊50 / N⌋), an orderly
/// stop hands the share back at once, a crashed instance's after the TTL, and a 429 pause seen by one is held by all.
/// Fake clock; both providers.
/// </summary>
[Collection("Delivery")]
public sealed class DeliveryCoordinatorTests
{
    private sealed record Instance(DeliveryCoordinator Coordinator, DeliveryRateLimiter Limiter, IStateStore Store);

    private static Instance Create(DeliveryFixture f, FakeTimeProvider time)
    {
        var options = Options.Create(new DeliveryOptions { TenantRequestsPerSecond = 50, InstanceTimeToLive = TimeSpan.FromSeconds(10) });
        var store = f.OpenStore(time);
        var limiter = new DeliveryRateLimiter(options, time);
        return new Instance(new DeliveryCoordinator(store, limiter, options, time, NullLogger<DeliveryCoordinator>.Instance), limiter, store);
    }

    [Theory]
    [InlineData(DeliveryFixture.Sqlite)]
    [InlineData(DeliveryFixture.Postgres)]
    public async Task Instances_split_the_ceiling_hand_it_back_and_share_throttling_pauses(string provider)
    {
        await using var f = await DeliveryFixture.CreateAsync(provider: provider);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var a = Create(f, time);
        var b = Create(f, time);
        var c = Create(f, time);
        try
        {
            await a.Coordinator.RoundAsync(default);
            Assert.Equal((1, 50), (a.Limiter.Instances, a.Limiter.TenantRequestsPerSecond));
            await b.Coordinator.RoundAsync(default);
            await c.Coordinator.RoundAsync(default);
            Assert.Equal(3, c.Limiter.Instances);
            Assert.Equal(2, b.Limiter.Instances); // until its next round
            await a.Coordinator.RoundAsync(default);
            await b.Coordinator.RoundAsync(default);
            Assert.All(new[] { a, b, c }.Select(i => i.Limiter), l => Assert.Equal((3, 16), (l.Instances, l.TenantRequestsPerSecond)));

            // b stops in order: it leaves and the others take its share at their next round.
            await b.Coordinator.StartAsync(default);
            await b.Coordinator.StopAsync(default);
            time.Advance(TimeSpan.FromSeconds(2));
            await a.Coordinator.RoundAsync(default);
            await c.Coordinator.RoundAsync(default);
            Assert.Equal((2, 25), (a.Limiter.Instances, a.Limiter.TenantRequestsPerSecond));

            // c crashes (no more heartbeats): it still counts within the TTL, not after.
            time.Advance(TimeSpan.FromSeconds(9));
            await a.Coordinator.RoundAsync(default);
            Assert.Equal(2, a.Limiter.Instances);
            time.Advance(TimeSpan.FromSeconds(2));
            await a.Coordinator.RoundAsync(default);
            Assert.Equal((1, 50), (a.Limiter.Instances, a.Limiter.TenantRequestsPerSecond));

            // A 429 with Retry-After seen by a pauses the tenant on c too (after one round each); a pause is never shortened.
            var until = time.GetUtcNow() + TimeSpan.FromSeconds(30);
            a.Limiter.PauseTenant("tenant-x", until);
            Assert.Null(c.Limiter.PausedUntil("tenant-x"));
            await a.Coordinator.RoundAsync(default);
            await c.Coordinator.RoundAsync(default);
            Assert.Equal(until, c.Limiter.PausedUntil("tenant-x"));
            await a.Store.Instances.PauseTenantAsync("tenant-x", until - TimeSpan.FromSeconds(20));
            Assert.Equal(until, (await a.Store.Instances.ActivePausesAsync())["tenant-x"]);
            time.Advance(TimeSpan.FromSeconds(31));
            Assert.Empty(await a.Store.Instances.ActivePausesAsync());
            Assert.Null(c.Limiter.PausedUntil("tenant-x"));
        }
        finally
        {
            foreach (var i in new[] { a, b, c })
            {
                await i.Coordinator.DisposeAsync();
                await i.Store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_smaller_share_slows_the_grants_of_this_instance()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var limiter = new DeliveryRateLimiter(Options.Create(new DeliveryOptions { TenantRequestsPerSecond = 50, WindowSafetyMargin = TimeSpan.Zero, RampUp = TimeSpan.Zero }), time);
        var first = await limiter.AcquireAsync("t", null, default);
        var second = await AcquireAdvancingAsync();
        Assert.Equal(TimeSpan.FromMilliseconds(20), second - first); // 50 per second: one every 20 ms
        limiter.SetInstances(5);
        var third = await AcquireAdvancingAsync();
        Assert.Equal(TimeSpan.FromMilliseconds(100), third - second); // 10 per second each: one every 100 ms

        async Task<DateTimeOffset> AcquireAdvancingAsync()
        {
            var pending = limiter.AcquireAsync("t", null, default).AsTask();
            while (!pending.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }
            return await pending;
        }
    }
}
