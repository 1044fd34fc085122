using TeamsPlans.Bot.Features.Common;
using TeamsPlans.Bot.Features.History;
using TeamsPlans.Bot.Features.Review;

namespace TeamsPlans.Bot.Features.Reassign;

/// <summary>
/// "Chuyển giao" (data "reassignTo": the new holder's Entra id, "reassignNote"): a principal reassigns, the holder
/// delegates to a colleague with a note. The assignment keeps its state, reports and history; the old card says who holds
/// it now; the new holder gets the card (the delivery queue) and the Planner board follows (the mirroring publisher).
/// </summary>
internal sealed class ReassignAction(IStateStore store, AssignmentAccess access, HistoryRecorder history, IAssignmentPublisher publisher,
    ProactiveCards proactive, TimeProvider time, ILogger<ReassignAction> logger)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var (target, error) = await access.LoadAsync(action, ct).ConfigureAwait(false);
        if (target is null) return error!;
        var (plan, a) = (target.Plan, target.Assignment);
        var to = action.Data.String(CardVerbs.ReassignToInput);
        if (to is null) return CardActionResult.Fail(400, "NoHolder", ReassignTexts.Vi.Choose, ReassignTexts.En.Choose);
        var member = await store.Members.GetAsync(action.TenantId, to, ct).ConfigureAwait(false);
        if (member is null) return CardActionResult.Fail(400, "UnknownMember", ReassignTexts.Vi.Unknown, ReassignTexts.En.Unknown);
        if (string.Equals(a.MemberAadObjectId, to, StringComparison.OrdinalIgnoreCase)) return CardActionResult.Fail(409, "SameHolder",
            ReassignTexts.Vi.Same, ReassignTexts.En.Same);
        var note = action.Data.String(CardVerbs.ReassignNoteInput)?.Trim();
        if (note is { Length: > 500 }) note = note[..500];

        var old = a.MemberAadObjectId is { } o ? await store.Members.GetAsync(action.TenantId, o, ct).ConfigureAwait(false) : null;
        // The new holder, and no posted card yet: the publisher queues the card for them (state, reports, history stay).
        var current = await store.Assignments.GetAsync(action.TenantId, a.AssignmentId, ct).ConfigureAwait(false) ?? a;
        var who = action.State.Member?.DisplayName ?? action.State.Activity.From?.Name;
        // A unit's duty stays the unit's: it carries who passed it on, to whom, with the note (Units.UnitHandOvers); given
        // back to the unit's head it is the head's again ("Thu hồi nhiệm vụ").
        var moved = current with { MemberAadObjectId = to, CardActivityId = null, CardConversationId = null, UpdatedAt = time.GetUtcNow() };
        var toHead = await Units.UnitHeads.IsHeadAsync(store, a, to, ct).ConfigureAwait(false);
        var passed = toHead ? Units.UnitHandOvers.TakeBack(moved) : Units.UnitHandOvers.Mark(moved, target.IsHolder, who, member.DisplayName, note);
        await store.Assignments.UpsertManyAsync([passed], ct).ConfigureAwait(false);
        await history.RecordAsync(a, HistoryEvent.Reassigned, action.UserKey, who, HistorySource.Card,
            ReassignTexts.Vi.Passed(old?.DisplayName ?? a.Assignee.Display, member.DisplayName) + (string.IsNullOrEmpty(note) ? "" : " — " + note),
                ct).ConfigureAwait(false);
        logger.LogInformation("{AssignmentId} of {PlanId} in {TenantId} passed from {From} to {To} by {AadObjectId}", a.AssignmentId, plan.PlanId,
            action.TenantId, a.MemberAadObjectId, to, action.UserKey);

        var notice = Units.UnitHandOvers.Notice(a, toHead, target.IsUnitHead, action.UserKey, member.DisplayName, note, action.State.View)
            ?? PlanCards.Notice(ReassignTexts.For(action.State.View).NowHeldBy(member.DisplayName), [a.Duty, note ?? ""], action.State.View);
        // The old card says who holds it now: queued (Teams gives the invoke about 15 s; the PUT may be slow or retried).
        await proactive.ReplaceAssignmentCardAsync(a, notice, ct).ConfigureAwait(false);
        await publisher.PublishAsync(action.TenantId, plan.PlanId, ct).ConfigureAwait(false);
        return CardActionResult.Ok(notice);
    }

}
