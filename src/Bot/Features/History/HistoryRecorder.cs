namespace TeamsPlans.Bot.Features.History;

/// <summary>
/// Appends one line to an assignment's history (who, when from the TimeProvider, from where, what). A failing write is
/// logged with the entry's fields and does not undo the change it describes (the change itself is already stored).
/// </summary>
internal sealed class HistoryRecorder(IHistoryStore history, TimeProvider time, ILogger<HistoryRecorder> logger)
{
    public async Task RecordAsync(AssignmentRecord a, HistoryEvent what, string actor, string? actorName, HistorySource source, string? detail,
        CancellationToken ct)
    {
        var entry = new HistoryEntry(a.TenantId, a.PlanId, a.AssignmentId, what, actor, actorName, source, time.GetUtcNow(), detail);
        try
        {
            await history.AppendAsync(entry, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogError(e, "History {HistoryEvent} of {AssignmentId} in {TenantId} by {AadObjectId} from {Source} not recorded",
                what, a.AssignmentId, a.TenantId, actor, source);
        }
    }

    public Task<IReadOnlyList<HistoryEntry>> ListAsync(string tenantId, string assignmentId, CancellationToken ct) =>
        history.ListByAssignmentAsync(tenantId, assignmentId, ct);

    /// <summary>The history line of a state change made by a member's action (acknowledge, progress, done).</summary>
    public static (HistoryEvent Event, string? Detail) Describe(AssignmentAction action, AssignmentState after) => action switch
    {
        AssignmentAction.Acknowledge => (HistoryEvent.Acknowledged, null),
        AssignmentAction.Done => (HistoryEvent.Done, after.LastComment),
        _ when after.Status == AssignmentStatus.Done => (HistoryEvent.Done, after.LastComment),
        _ => (HistoryEvent.Progress, after.PercentComplete.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%"
            + (after.LastComment is { Length: > 0 } c ? " — " + c : "")),
    };
}
