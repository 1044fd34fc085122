using TeamsPlans.Bot.Features.Review;

namespace TeamsPlans.Bot.Features.Corrections;

/// <summary>
/// Tells a member what a correction did to their assignment: their card is rebuilt from the state at send time
/// (<see cref="ProactiveCards.UpdateAssignmentCardAsync"/>, the card every other path builds) and updated in place, then a
/// one-line message says what changed, in their language. Both go to the durable delivery queue: the correction is an
/// invoke, and Teams gives it about 15 s however many members it touches.
/// </summary>
internal sealed class CorrectionNotifier(ProactiveCards proactive)
{
    /// <returns>True when the member can be reached (the notice is queued).</returns>
    public async Task<bool> TellAsync(StoredPlan plan, AssignmentRecord a, bool refreshCard, Func<CorrectionTexts, string> text, CancellationToken ct)
    {
        if (a.MemberAadObjectId is not { } aad) return false;
        // Card first, then the message (the queue skips both when the member cannot be reached).
        if (refreshCard) await proactive.UpdateAssignmentCardAsync(plan, a, ct).ConfigureAwait(false);
        return await proactive.TellAsync(a.TenantId, aad, a.AssignmentId, view => text(CorrectionTexts.For(view.S.Lang == "vi")), ct)
            .ConfigureAwait(false);
    }
}
