namespace TeamsPlans.Bot.Features.Assignments;

/// <summary>Tells every <see cref="IAssignmentChangeSink"/> (the Planner mirror,
/// …) about a state change; a failing sink is logged, not fatal.</summary>
internal sealed class AssignmentChangeNotifier(IEnumerable<IAssignmentChangeSink> sinks, ILogger<AssignmentChangeNotifier> logger)
{
    public async Task NotifyAsync(AssignmentChange change, CancellationToken ct)
    {
        foreach (var sink in sinks)
        {
            try { await sink.OnAssignmentChangedAsync(change, ct).ConfigureAwait(false); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Change sink {Sink} failed for {AssignmentId} in {TenantId}", sink.GetType().Name, change.AssignmentId,
                    change.TenantId);
            }
        }
    }
}
