using Microsoft.Extensions.Options;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Makes the instances that send (several bot instances on one PostgreSQL) behave as one sender towards Teams:
/// every <see cref="DeliveryOptions.CoordinationInterval"/> it records this instance's heartbeat in the state store and
/// gives the <see cref="DeliveryRateLimiter"/> the number of live instances, so each keeps to its share of the per-tenant
/// ceiling (⌊50 / N⌋ requests per second); and it exchanges throttling pauses: a 429 with Retry-After seen here is
/// written to the store and held by every instance, one seen elsewhere is held here. An instance that stops leaves at once;
/// one that crashed stops counting after <see cref="DeliveryOptions.InstanceTimeToLive"/>. A store that cannot be reached
/// leaves the last known share in place (logged), it never stops delivery.
/// </summary>
internal sealed class DeliveryCoordinator : IHostedService, IAsyncDisposable
{
    private readonly IStateStore _store;
    private readonly DeliveryRateLimiter _limiter;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryCoordinator> _logger;
    private readonly Dictionary<string, DateTimeOffset> _shared = new(StringComparer.Ordinal);
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public DeliveryCoordinator(IStateStore store, DeliveryRateLimiter limiter, IOptions<DeliveryOptions> options, TimeProvider time,
        ILogger<DeliveryCoordinator> logger)
    {
        _store = store;
        _limiter = limiter;
        _options = options.Value;
        _time = time;
        _logger = logger;
        InstanceId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>This instance in the store's heartbeat table.</summary>
    public string InstanceId { get; }

    /// <summary>Rounds completed (for diagnostics and tests).</summary>
    public int Rounds => Volatile.Read(ref _rounds);
    private int _rounds;

    /// <summary>Joins before the delivery worker starts sending, so its first requests already keep to the share.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.WorkerEnabled) return;
        await RoundAsync(cancellationToken).ConfigureAwait(false);
        _stop = new CancellationTokenSource();
        _loop = LoopAsync(_stop.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _stop) is not { } stop) return;
        await stop.CancelAsync().ConfigureAwait(false);
        try { await (_loop ?? Task.CompletedTask).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        try
        {
            await _store.Instances.LeaveAsync(InstanceId, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Delivery instance {InstanceId} left", InstanceId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogWarning(e, "Delivery instance {InstanceId} could not leave; it stops counting after {Ttl}", InstanceId,
                _options.InstanceTimeToLive);
        }
    }

    private async Task LoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(_options.CoordinationInterval, _time, stop).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            await RoundAsync(stop).ConfigureAwait(false);
        }
    }

    /// <summary>One heartbeat and pause exchange.</summary>
    internal async Task RoundAsync(CancellationToken ct)
    {
        try
        {
            var live = await _store.Instances.HeartbeatAsync(InstanceId, _options.InstanceTimeToLive, ct).ConfigureAwait(false);
            var before = _limiter.Instances;
            _limiter.SetInstances(live);
            if (live != before)
                _logger.LogInformation("{Instances} delivery instances share the tenant ceiling: {RequestsPerSecond} requests per second here",
                    live, _limiter.TenantRequestsPerSecond);

            foreach (var (tenant, until) in _limiter.ActivePauses())
            {
                if (_shared.TryGetValue(tenant, out var known) && known >= until) continue;
                await _store.Instances.PauseTenantAsync(tenant, until, ct).ConfigureAwait(false);
                _shared[tenant] = until;
                _logger.LogInformation("Shared the throttling pause of {TenantId} until {PausedUntil:O}", tenant, until);
            }
            foreach (var (tenant, until) in await _store.Instances.ActivePausesAsync(ct).ConfigureAwait(false))
            {
                _limiter.PauseTenant(tenant, until);
                if (!_shared.TryGetValue(tenant, out var known) || known < until) _shared[tenant] = until;
            }
            var now = _time.GetUtcNow();
            foreach (var gone in _shared.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList()) _shared.Remove(gone);
            Interlocked.Increment(ref _rounds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogWarning(e, "Delivery coordination round failed; keeping {Instances} instances", _limiter.Instances);
        }
    }

    /// <summary>Idempotent (the container disposes the instance once as itself and once as a hosted service).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stop, null) is { } stop)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            stop.Dispose();
        }
    }
}
