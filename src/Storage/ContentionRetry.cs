using System.Data.Common;
using Microsoft.Data.Sqlite;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage;

/// <summary>
/// Applies a change to an assignment's state under contention until it is stored or the budget is spent: compare-and-swap
/// (<see cref="IAssignmentStore.TryUpdateStateAsync"/>) on the stored version; on a version conflict the change is computed
/// again on the state just read; on a transient database error (SQLite busy/locked, a PostgreSQL serialization failure or
/// any <see cref="DbException.IsTransient"/>) the same attempt is repeated. Between attempts it waits with exponential
/// backoff and full jitter (<see cref="BaseDelay"/> doubling up to <see cref="MaxDelay"/>). The caller learns whether the
/// change was stored (<see cref="ContentionOutcome.Saved"/>): it never answers success for a change that was not stored.
/// The waits run on <paramref name="delayClock"/> (real time in the host: a test's fake clock is never advanced).
/// </summary>
public sealed class ContentionRetry(TimeProvider delayClock, int maxAttempts = 40)
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(5);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(250);

    public int MaxAttempts { get; } = maxAttempts > 0 ? maxAttempts : 40;

    public async Task<ContentionOutcome> UpdateStateAsync(IAssignmentStore store, string tenantId, string assignmentId, AssignmentRecord current,
        Func<AssignmentState, AssignmentState> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        var conflicts = 0;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0) await Task.Delay(Backoff(attempt), delayClock, ct).ConfigureAwait(false);
            var next = change(current.State);
            if (next == current.State) return new ContentionOutcome(ContentionResult.Unchanged, current, current.State, attempt + 1, conflicts);
            (bool Updated, AssignmentRecord? Current) r;
            try
            {
                r = await store.TryUpdateStateAsync(tenantId, assignmentId, current.State.Version, next, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e))
            {
                // Not known to be stored: read again and retry (a stored write shows as a newer version and is not re-applied
                // blindly: the change is computed again on what is stored).
                var reread = await ReadAsync(store, tenantId, assignmentId, ct).ConfigureAwait(false);
                if (reread is null) return new ContentionOutcome(ContentionResult.NotFound, null, current.State, attempt + 1, conflicts);
                if (reread.State == next) return new ContentionOutcome(ContentionResult.Saved, reread, current.State, attempt + 1, conflicts);
                current = reread;
                continue;
            }
            if (r.Current is null) return new ContentionOutcome(ContentionResult.NotFound, null, current.State, attempt + 1, conflicts);
            if (r.Updated) return new ContentionOutcome(ContentionResult.Saved, r.Current, current.State, attempt + 1, conflicts);
            conflicts++;
            current = r.Current;
        }
        return new ContentionOutcome(ContentionResult.NotSaved, current, current.State, MaxAttempts, conflicts);
    }

    private static async Task<AssignmentRecord?> ReadAsync(IAssignmentStore store, string tenantId, string id, CancellationToken ct)
    {
        for (var i = 0; ; i++)
        {
            try { return await store.GetAsync(tenantId, id, ct).ConfigureAwait(false); }
            catch (Exception e) when (IsTransient(e) && i < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * (i + 1)), TimeProvider.System, ct).ConfigureAwait(false);
            }
        }
    }

    private static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16)));
        return TimeSpan.FromMilliseconds(1 + Random.Shared.NextDouble() * ceiling);
    }

    public static bool IsTransient(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        DbException d => d.IsTransient || d.SqlState is "40001" or "40P01" or "55P03",
        TimeoutException => true,
        _ => e.InnerException is not null && IsTransient(e.InnerException),
    };
}
