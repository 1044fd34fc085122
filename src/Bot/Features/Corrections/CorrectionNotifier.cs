using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Protocol;

namespace TeamsPlans.Bot.Features.Corrections;

/// <summary>
/// Tells a member what a correction did to their assignment: their card is rebuilt by <see cref="AssignmentCardFactory"/>
/// (the card every other path builds) and updated in place, then a one-line message says what changed, in their language.
/// </summary>
internal sealed class CorrectionNotifier(IStateStore store, IConnectorClient connector, AssignmentCardFactory cards,
    ILogger<CorrectionNotifier> logger)
{
    /// <returns>True when the member was reached.</returns>
    public async Task<bool> TellAsync(StoredPlan plan, AssignmentRecord a, bool refreshCard, Func<CorrectionTexts, string> text, CancellationToken ct)
    {
        if (a.MemberAadObjectId is not { } aad) return false;
        var reference = await store.Conversations.GetAsync(a.TenantId, aad, ct).ConfigureAwait(false);
        if (reference is null || reference.Blocked) return false;
        var member = await store.Members.GetAsync(a.TenantId, aad, ct).ConfigureAwait(false);
        var (card, view) = await cards.ForAssigneeAsync(plan, a, member, reference.UserId, ct).ConfigureAwait(false);
        try
        {
            if (refreshCard && a.CardActivityId is { } activityId && a.CardConversationId is { } conversationId)
                await connector.UpdateActivityAsync(reference.ServiceUrl, conversationId, activityId, card.ToMessage(), ct).ConfigureAwait(false);
            var message = Activity.CreateMessage(text(CorrectionTexts.For(view.S.Lang == "vi")));
            await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, message, ct).ConfigureAwait(false);
            return true;
        }
        catch (ConnectorException e)
        {
            logger.LogWarning(e, "Correction of {AssignmentId} in {TenantId} not told to {AadObjectId} ({Status})",
                a.AssignmentId, a.TenantId, aad, e.StatusCode);
            return false;
        }
    }
}
