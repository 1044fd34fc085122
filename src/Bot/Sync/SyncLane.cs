using System.Threading.Channels;

namespace TeamsPlans.Bot.Sync;

/// <summary>
/// Runs GraphSync work started by the conversation (a plan published, a card clicked) in the background, one job at a
/// time, so that SharePoint/Planner latency never delays the answer to Teams (an invoke must be answered within seconds).
/// Nothing is lost when the process stops: the jobs only enqueue into the durable outbox (and drain it); what was not
/// drained is picked up by <see cref="GraphSync.GraphSyncPollingService"/> on any instance, and a plan's next sync
/// recomputes every task from the stored state.
/// </summary>
internal sealed class SyncLane(ILogger<SyncLane> logger) : BackgroundService
{
    private sealed record Job(string What, Func<CancellationToken, Task> Work);

    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private int _pending;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed) tcs.SetResult();
        return tcs;
    }

    /// <summary>Jobs accepted and not yet finished.</summary>
    public int Pending { get { lock (_gate) return _pending; } }

    /// <summary>Queues a job; <paramref name="what"/> names it in the logs.</summary>
    public void Post(string what, Func<CancellationToken, Task> work)
    {
        lock (_gate)
        {
            if (_pending++ == 0) _idle = NewIdle(completed: false);
        }
        if (!_jobs.Writer.TryWrite(new Job(what, work)))
        {
            Done();
            logger.LogWarning("Sync job {What} refused: the host is stopping (the outbox keeps what was enqueued)", what);
        }
    }

    /// <summary>Completes when every posted job has run (tests, graceful shutdown).</summary>
    public Task WhenIdleAsync(CancellationToken ct = default)
    {
        Task t;
        lock (_gate) t = _idle.Task;
        return t.WaitAsync(ct);
    }

    private void Done()
    {
        lock (_gate)
        {
            if (--_pending == 0) _idle.TrySetResult();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await job.Work(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Sync job {What} failed; the outbox and the next poll retry it", job.What);
                }
                finally
                {
                    Done();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _jobs.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}
