using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Features.Common;
using TeamsPlans.Bot.Features.History;
using TeamsPlans.Bot.Features.Review;

namespace TeamsPlans.Bot.Features.Comments;

/// <summary>
/// "Trao đổi" on an assignment card (the holder, the plan's head or a principal): the comment is kept in the history and
/// the other side is told — the holder's comment goes to the receivers of the plan's reports, anyone else's to the
/// holder. "Toàn bộ trao đổi" posts the whole thread.
/// </summary>
internal sealed class CommentAction(AssignmentAccess access, HistoryRecorder history, ReviewRequester reviewers, ProactiveCards proactive,
    AssignmentCardFactory cards, ILogger<CommentAction> logger)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var (target, error) = await access.LoadAsync(action, ct).ConfigureAwait(false);
        if (target is null) return error!;
        var (plan, a) = (target.Plan, target.Assignment);
        if (action.Verb == CardVerbs.Comments)
        {
            var thread = (await history.ListAsync(action.TenantId, a.AssignmentId, ct).ConfigureAwait(false))
                .Where(e => e.Event == HistoryEvent.Comment).ToList();
            await action.State.Turn.SendAsync(CommentCards.Thread(plan, a, thread, action.State.View).ToMessage(), ct).ConfigureAwait(false);
            return CardActionResult.Ok(await cards.ForViewerAsync(plan, a, action.State.View, target.IsHolder, ct).ConfigureAwait(false));
        }
        var text = action.Data.String(CardVerbs.ThreadCommentInput)?.Trim();
        if (string.IsNullOrEmpty(text)) return CardActionResult.Fail(400, "EmptyComment", CommentTexts.Vi.Required, CommentTexts.En.Required);
        if (text.Length > 500) text = text[..500];
        var name = action.State.Member?.DisplayName ?? action.State.Activity.From?.Name ?? action.UserKey;
        await history.RecordAsync(a, HistoryEvent.Comment, action.UserKey, name, HistorySource.Card, text, ct).ConfigureAwait(false);

        IReadOnlyList<string> others = target.IsHolder
            ? await reviewers.ReviewersAsync(plan, action.UserKey, ct).ConfigureAwait(false)
            : a.MemberAadObjectId is { } holder ? [holder] : [];
        foreach (var other in others)
            await proactive.SendAsync(action.TenantId, other, v => PlanCards.Notice(CommentTexts.For(v).New(name), [text, a.Duty], v), ct)
                .ConfigureAwait(false);
        logger.LogInformation("Comment on {AssignmentId} in {TenantId} by {AadObjectId}, told {Count}", a.AssignmentId, action.TenantId,
            action.UserKey, others.Count);
        if (!target.IsHolder) await proactive.UpdateAssignmentCardAsync(plan, a, ct).ConfigureAwait(false);
        return CardActionResult.Ok(await cards.ForViewerAsync(plan, a, action.State.View, target.IsHolder, ct).ConfigureAwait(false));
    }
}
