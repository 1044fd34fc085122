using System.Globalization;
using TeamsPlans.Bot.Features.Review;
using TeamsPlans.GraphSync;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Sync;

/// <summary>
/// The board (Planner) label of an assignment follows its official state (issue 15): "Chờ duyệt" while a report awaits review,
/// else the four-state code (<see cref="PlannerLabels"/>) from the review history, the deadlines and the accepted date on
/// today's date in Asia/Ho_Chi_Minh. Every write is remembered (sync scope <see cref="Scope"/>), so the daily pass
/// (<see cref="RunAsync"/>, on the reminder scheduler's clock) writes only the labels that time changed: "chưa hoàn thành,
/// còn trong hạn" becomes "chưa hoàn thành, quá hạn" the day after the deadline without anyone touching the assignment.
/// </summary>
internal sealed class BoardStates(IServiceProvider services, IStateStore store, IHistoryStore history, OfficialStateCalculator calculator,
    TimeProvider time, ILogger<BoardStates> logger) : Delivery.IPeriodicPass
{
    // Resolved on first use: the reminder scheduler (a hosted service) holds this pass, and a Graph board without its
    // credentials must not stop the host from starting (the health check reports it).
    private PlannerSyncService Sync => services.GetRequiredService<PlannerSyncService>();

    /// <summary>The label last written for each assignment (key = assignment id, remote id = label code).</summary>
    public const string Scope = "board-label";
    private const string DayScope = "board-label-day";

    private static string? LabelOf(ReviewStatus review, OfficialStateCalculator calc, AssignmentRecord a, StoredPlan plan, DateOnly today) =>
        review.Phase == ReviewPhase.Awaiting ? PlannerLabels.AwaitingReview
            : PlannerLabels.CodeOf(review.StateOf(calc, a, plan.Document.Year ?? plan.Document.IssuedOn?.Year, today));

    /// <summary>Writes the current progress and label of the assignment (as stored now) to its board task.</summary>
    /// <param name="knownLabel">The label when the caller knows it (a report just handed in: "Chờ duyệt"), else computed.</param>
    public async Task WriteAsync(AssignmentRecord record, CancellationToken ct, string? knownLabel = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var current = await store.Assignments.GetAsync(record.TenantId, record.AssignmentId, ct).ConfigureAwait(false) ?? record;
        var plan = await store.Plans.GetAsync(current.TenantId, current.PlanId, ct).ConfigureAwait(false);
        var entries = await history.ListByAssignmentAsync(current.TenantId, current.AssignmentId, ct).ConfigureAwait(false);
        var label = knownLabel;
        if (label is null && plan is not null) label = LabelOf(ReviewStatus.Of(entries), calculator, current, plan, VietnamTime.Today(time));
        await Sync.OnAssignmentChangedAsync(current, label, ct, Revision(entries)).ConfigureAwait(false);
        if (label is not null) await RememberAsync(current, label, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Once a day (Vietnam date) per tenant: every assignment of its published plans whose label is not the one last written
    /// gets its label written, in one drain of the outbox. Returns how many labels changed.
    /// </summary>
    public async Task RunAsync(string tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if ((await store.Sync.GetAsync(tenantId, DayScope, "day", ct).ConfigureAwait(false))?.RemoteId == day) return;
        var written = (await store.Sync.ListAsync(tenantId, Scope, ct).ConfigureAwait(false))
            .ToDictionary(e => e.Key, e => e.RemoteId, StringComparer.Ordinal);
        var changed = 0;
        foreach (var plan in (await store.Plans.ListAsync(tenantId, ct).ConfigureAwait(false)).Where(p => p.Status == PlanStatus.Published))
        {
            var assignments = await store.Assignments.ListByPlanAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
            var byAssignment = (await history.ListByPlanAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false))
                .ToLookup(e => e.AssignmentId, StringComparer.Ordinal);
            foreach (var a in assignments)
            {
                var entries = byAssignment[a.AssignmentId].ToList();
                var label = LabelOf(ReviewStatus.Of(entries), calculator, a, plan, today);
                if (label is null || written.GetValueOrDefault(a.AssignmentId) == label) continue;
                await Sync.EnqueueProgressAsync(a, label, ct, Revision(entries)).ConfigureAwait(false);
                await RememberAsync(a, label, ct).ConfigureAwait(false);
                changed++;
            }
        }
        if (changed > 0) await Sync.DrainOutboxAsync(ct).ConfigureAwait(false);
        await store.Sync.PutAsync(new SyncEntry(tenantId, DayScope, "day", day, null, null, now), ct).ConfigureAwait(false);
        logger.LogInformation("Board labels of {TenantId} on {Day}: {Changed} changed", tenantId, day, changed);
    }

    /// <summary>The last history entry of the assignment: with the state's version, what its board label depends on.</summary>
    private static string Revision(IReadOnlyList<HistoryEntry> entries) =>
        "h" + (entries.Count == 0 ? 0 : entries.Max(e => e.Sequence)).ToString(CultureInfo.InvariantCulture);

    private Task RememberAsync(AssignmentRecord a, string label, CancellationToken ct) =>
        store.Sync.PutAsync(new SyncEntry(a.TenantId, Scope, a.AssignmentId, label, null, null, time.GetUtcNow()), ct);
}
