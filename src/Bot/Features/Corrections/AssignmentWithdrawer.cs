using TeamsPlans.Bot.Features.History;
using TeamsPlans.Bot.Sync;
using TeamsPlans.GraphSync;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Features.Corrections;

/// <summary>
/// An assignment the corrected plan no longer has is withdrawn, not left stored and counted: its history gets a
/// "Withdrawn" line (earlier lines stay), its board (Planner) task is closed through the progress path the cards use,
/// the member's card is replaced by the withdrawn card and they are told, then the store moves it out of the live tables
/// (<see cref="IAssignmentWithdrawal"/>), so status, roll-up, deadlines and reminders stop counting it.
/// </summary>
internal sealed class AssignmentWithdrawer(IStateStore store, Review.ProactiveCards proactive, HistoryRecorder history, TimeProvider time,
    ILogger<AssignmentWithdrawer> logger, PlannerSyncService? board = null, SyncLane? lane = null)
{
    public const string Reason = "correction";

    /// <returns>True when the assignment was withdrawn from the store.</returns>
    public async Task<bool> WithdrawAsync(StoredPlan plan, AssignmentRecord a, string actor, string? actorName, CancellationToken ct)
    {
        var withdrawal = AssignmentWithdrawals.For(store);
        if (withdrawal is null)
        {
            logger.LogWarning("Assignment {AssignmentId} of {PlanId} in {TenantId} not withdrawn: the store cannot withdraw",
                a.AssignmentId, a.PlanId, a.TenantId);
            return false;
        }
        await history.RecordAsync(a, HistoryEvent.Withdrawn, actor, actorName, HistorySource.Card, Reason, ct).ConfigureAwait(false);
        CloseBoardTask(a);
        await TellAsync(plan, a, ct).ConfigureAwait(false);
        var done = await withdrawal.WithdrawAsync(a.TenantId, a.AssignmentId, Reason, time.GetUtcNow(), ct).ConfigureAwait(false);
        logger.LogInformation("Assignment {AssignmentId} of {PlanId} in {TenantId} withdrawn by the correction: {Withdrawn}",
            a.AssignmentId, a.PlanId, a.TenantId, done);
        return done;
    }

    /// <summary>The board task at 100 % (closed), as a card's "done" would set it; the label is left as it was.</summary>
    private void CloseBoardTask(AssignmentRecord a)
    {
        if (board is null || lane is null) return;
        var closed = a with
        {
            State = a.State with { Status = AssignmentStatus.Done, PercentComplete = 100, Version = a.State.Version + 1 },
        };
        lane.Post($"withdraw {a.TenantId}/{a.AssignmentId}", c => board.OnAssignmentChangedAsync(closed, null, c));
    }

    /// <summary>The withdrawn card in place of the posted one and the one-line message, through the delivery queue (the
    /// correction is an invoke); built now, since the assignment leaves the live tables right after.</summary>
    private async Task TellAsync(StoredPlan plan, AssignmentRecord a, CancellationToken ct)
    {
        if (a.MemberAadObjectId is not { } aad) return;
        var member = await store.Members.GetAsync(a.TenantId, aad, ct).ConfigureAwait(false);
        var view = CardView.For(member?.PreferredLocale, VietnamTime.Today(time));
        await proactive.ReplaceAssignmentCardAsync(a, WithdrawnCards.Of(plan, a, view), ct).ConfigureAwait(false);
        var (number, duty) = (plan.Number ?? plan.PlanId, DueFormat.Truncate(a.Duty, 120));
        await proactive.TellAsync(a.TenantId, aad, a.AssignmentId, v => CorrectionTexts.For(v.S.Lang == "vi").TellRemoved(number, duty), ct)
            .ConfigureAwait(false);
    }
}
