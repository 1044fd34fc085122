using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Delivery;

/// <summary>
/// Sends the "delivery" queue: <see cref="DeliveryOptions.Workers"/> loops, each claiming batches with a lease
/// (so several instances share the work), sending up to <see cref="DeliveryOptions.Concurrency"/> items at once through
/// the process-wide <see cref="DeliveryRateLimiter"/>, and renewing the leases of the batch while it runs.
/// Stopping stops claiming; unstarted items are given back, sends in flight finish and commit.
/// </summary>
internal sealed class DeliveryWorker : BackgroundService
{
    private readonly IStateStore _store;
    private readonly DeliveryProcessor _processor;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryWorker> _logger;
    private readonly string _instance;

    public DeliveryWorker(IStateStore store, DeliveryProcessor processor, IOptions<DeliveryOptions> options, TimeProvider time,
        ILogger<DeliveryWorker> logger)
    {
        _store = store;
        _processor = processor;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>Items this worker has finished, by outcome (for diagnostics and tests).</summary>
    public ConcurrentDictionary<DeliveryOutcome, int> Outcomes { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.WorkerEnabled)
        {
            _logger.LogInformation("Delivery worker disabled (Delivery:WorkerEnabled=false)");
            return;
        }
        var loops = Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(i => RunLoopAsync($"{_instance}#{i}", stoppingToken)).ToArray();
        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    private async Task RunLoopAsync(string owner, CancellationToken stop)
    {
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            IReadOnlyList<WorkItem> batch;
            try
            {
                batch = await _store.Queue.ClaimAsync(DeliveryOptions.QueueName, owner, Math.Max(1, _options.BatchSize), _options.Lease, stop)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.LogError(e, "Claiming delivery items failed; retrying");
                if (!await DelayAsync(TimeSpan.FromSeconds(2), stop).ConfigureAwait(false)) break;
                continue;
            }

            if (batch.Count == 0)
            {
                if (!await DelayAsync(_options.IdleDelay, stop).ConfigureAwait(false)) break;
                continue;
            }
            await ProcessBatchAsync(batch, owner, stop).ConfigureAwait(false);
        }
    }

    private async Task ProcessBatchAsync(IReadOnlyList<WorkItem> batch, string owner, CancellationToken stop)
    {
        var pending = new ConcurrentDictionary<long, bool>(batch.Select(i => KeyValuePair.Create(i.Id, true)));
        using var renewCts = new CancellationTokenSource();
        var renewal = RenewLoopAsync(pending, owner, renewCts.Token);
        try
        {
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Concurrency) },
                async (item, itemCt) =>
            {
                DeliveryOutcome outcome;
                try
                {
                    if (stop.IsCancellationRequested)
                    {
                        await _store.Queue.DeferAsync(item.Id, owner, _time.GetUtcNow(), "dừng trước khi gửi / worker stopped before sending",
                            CancellationToken.None).ConfigureAwait(false);
                        outcome = DeliveryOutcome.Released;
                    }
                    else
                    {
                        outcome = await _processor.ProcessAsync(item, owner, stop).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Store unavailable while committing: the lease expires and another worker takes the item.
                    _logger.LogError(e, "Delivery item {ItemId} ({DeliveryKey}) could not be settled", item.Id, item.IdempotencyKey);
                    outcome = DeliveryOutcome.LeaseLost;
                }
                Outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                pending.TryRemove(item.Id, out _);
            }).ConfigureAwait(false);
        }
        finally
        {
            await renewCts.CancelAsync().ConfigureAwait(false);
            try { await renewal.ConfigureAwait(false); } catch (OperationCanceledException) { }
        }
    }

    private async Task RenewLoopAsync(ConcurrentDictionary<long, bool> pending, string owner, CancellationToken ct)
    {
        var every = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, _options.Lease.Ticks / 3));
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(every, _time, ct).ConfigureAwait(false);
            // In parallel: one write per item, and a sweep must end well within the lease on a loaded database.
            await Parallel.ForEachAsync(pending.Keys, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, c) =>
            {
                try
                {
                    if (!await _store.Queue.RenewAsync(id, owner, _options.Lease, c).ConfigureAwait(false))
                        _logger.LogDebug("Lease of delivery item {ItemId} not renewed (settled or lost)", id);
                }
                catch (OperationCanceledException) { throw; }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    _logger.LogWarning(e, "Renewing the lease of delivery item {ItemId} failed", id);
                }
            }).ConfigureAwait(false);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, _time, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
