using Microsoft.Extensions.Options;
using TeamsPlans.Plans.Reading;

namespace TeamsPlans.Bot.Imports;

/// <summary>
/// The bounded queue every plan import of the bot goes through (<see cref="ImportOptions"/>): a slot semaphore of
/// MaxConcurrent, a waiting line of MaxWaiting, and a deadline that cancels the work. A full line is refused with a
/// bilingual "busy" message; a read past the deadline with a bilingual "took too long" message. The timer runs on
/// <paramref name="clock"/> (real time in the host).
/// </summary>
public sealed class ImportQueue(IOptions<ImportOptions> options, TimeProvider clock, ILogger<ImportQueue> logger)
{
    private readonly ImportOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrent));
    private int _waiting;
    private int _running;
    private int _peak;

    public int MaxConcurrent => Math.Max(1, _options.MaxConcurrent);
    /// <summary>Reads running now / the most ever running at once (figures for health and tests).</summary>
    public int Running => Volatile.Read(ref _running);
    public int PeakRunning => Volatile.Read(ref _peak);

    public async Task<T> RunAsync<T>(string fileName, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Interlocked.Increment(ref _waiting) > _options.MaxWaiting + MaxConcurrent)
        {
            Interlocked.Decrement(ref _waiting);
            logger.LogWarning("Import of {FileName} refused: {Max} imports running and the queue is full",
                TeamsPlans.Bot.Security.LogText.Clean(fileName, 120), MaxConcurrent);
            throw new PlanReadException(PlanReadErrorCode.Timeout, fileName,
                "bot đang nhập nhiều kế hoạch cùng lúc; vui lòng thử lại sau ít phút.",
                    "the bot is importing many plans at once; please try again in a few minutes.");
        }
        using var deadline = new CancellationTokenSource(_options.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        var entered = false;
        try
        {
            await _slots.WaitAsync(linked.Token).ConfigureAwait(false);
            entered = true;
            var now = Interlocked.Increment(ref _running);
            for (var peak = _peak; now > peak; peak = _peak)
                if (Interlocked.CompareExchange(ref _peak, now, peak) == peak) break;
            // The work runs off the request thread and is awaited to its end, even after the deadline: the slot is free
            // only when the reader has really stopped, so no more than MaxConcurrent reads ever run.
            var task = Task.Run(() => work(linked.Token), CancellationToken.None);
            try
            {
                return await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw TooLong(fileName);
            }
            catch (PlanReadException e) when (e.Code == PlanReadErrorCode.Timeout && deadline.IsCancellationRequested)
            {
                throw TooLong(fileName);
            }
        }
        catch (OperationCanceledException) when (!entered && deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new PlanReadException(PlanReadErrorCode.Timeout, fileName,
                "bot đang bận nhập kế hoạch khác; vui lòng thử lại sau ít phút.",
                    "the bot is busy importing other plans; please try again in a few minutes.");
        }
        finally
        {
            if (entered)
            {
                Interlocked.Decrement(ref _running);
                _slots.Release();
            }
            Interlocked.Decrement(ref _waiting);
        }
    }

    private PlanReadException TooLong(string fileName)
    {
        logger.LogWarning("Import of {FileName} cancelled after {Seconds} s", TeamsPlans.Bot.Security.LogText.Clean(fileName, 120),
            _options.Timeout.TotalSeconds);
        var s = _options.Timeout.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        return new PlanReadException(PlanReadErrorCode.Timeout, fileName, $"đọc tệp quá {s} giây nên đã dừng.",
            $"reading took longer than {s} s and was stopped.");
    }
}
