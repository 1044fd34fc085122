using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Features.Common;

namespace TeamsPlans.Bot.Features.History;

/// <summary>"Lịch sử" on an assignment card: posts the assignment's history card; the assignment card stays as it is.</summary>
internal sealed class HistoryAction(AssignmentAccess access, HistoryRecorder history, AssignmentCardFactory cards)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var (target, error) = await access.LoadAsync(action, ct).ConfigureAwait(false);
        if (target is null) return error!;
        var entries = await history.ListAsync(action.TenantId, target.Assignment.AssignmentId, ct).ConfigureAwait(false);
        await action.State.Turn.SendAsync(HistoryCards.Card(target.Plan, target.Assignment, entries, action.State.View).ToMessage(), ct)
            .ConfigureAwait(false);
        return CardActionResult.Ok(await cards.ForViewerAsync(target.Plan, target.Assignment, action.State.View, target.IsHolder, ct)
            .ConfigureAwait(false));
    }
}
