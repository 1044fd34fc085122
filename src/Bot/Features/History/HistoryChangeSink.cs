namespace TeamsPlans.Bot.Features.History;

/// <summary>Records the card's state changes (acknowledge, progress, done) in the history, as told by the change notifier.</summary>
internal sealed class HistoryChangeSink(HistoryRecorder recorder, IStateStore store) : IAssignmentChangeSink
{
    public async Task OnAssignmentChangedAsync(AssignmentChange change, CancellationToken ct)
    {
        var (what, detail) = HistoryRecorder.Describe(change.Action, change.After.State);
        var member = await store.Members.GetAsync(change.TenantId, change.ActorAadObjectId, ct).ConfigureAwait(false);
        await recorder.RecordAsync(change.After, what, change.ActorAadObjectId, member?.DisplayName, HistorySource.Card, detail, ct)
            .ConfigureAwait(false);
    }
}
