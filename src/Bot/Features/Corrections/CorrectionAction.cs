using TeamsPlans.Bot.Features.History;
using TeamsPlans.Bot.Features.Import;
using TeamsPlans.Plans.Corrections;

namespace TeamsPlans.Bot.Features.Corrections;

/// <summary>
/// "Xác nhận điều chỉnh": the revised document replaces the published one. Unchanged assignments are not touched (their
/// acknowledgement, progress and reports stay); re-worded and re-dated ones keep their state and card, get the new duty
/// and deadlines, and their card is updated in place; added ones are stored and sent through the publisher (the delivery
/// queue, then the Planner mirror, which also re-dates the board tasks); reminders follow the stored deadlines. Everyone
/// affected is told. Removed ones are withdrawn (<see cref="AssignmentWithdrawer"/>): their card says so, their board task
/// is closed, they leave the live tables (no longer counted) and their history stays.
/// </summary>
internal sealed class CorrectionAction(IStateStore store, PlanCorrectionService corrections, CorrectionNotifier notifier,
    IAssignmentPublisher publisher, HistoryRecorder history, AssignmentWithdrawer withdrawer, TimeProvider time,
    ILogger<CorrectionAction> logger)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var (state, tenantId) = (action.State, action.TenantId);
        var t = CorrectionTexts.For(state.Vi);
        if (!state.CanManage)
            return CardActionResult.Fail(403, "NotPrincipal", CorrectionTexts.Vi.PrincipalsOnly, CorrectionTexts.En.PrincipalsOnly);
        var planId = action.Data.String("planId");
        var plan = planId is null ? null : await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        var revised = plan is null ? null : await corrections.PendingAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
        if (plan is null || revised is null)
            return CardActionResult.Fail(410, "CorrectionGone", CorrectionTexts.Vi.Gone, CorrectionTexts.En.Gone);

        var r = await PlanRevision.ComputeAsync(store, plan, revised, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var changed = r.Diff.Changes.Where(c => c.Kind is AssignmentChangeKind.Redated or AssignmentChangeKind.Reworded)
            .Select(c => r.Published[c.Before!.Value] with
            {
                Duty = r.Revision[c.After!.Value].Assignment.Duty, Deadlines = r.Revision[c.After.Value].Assignment.Deadlines, UpdatedAt = now,
            }).ToList();
        var added = await AddedAsync(r, now, ct).ConfigureAwait(false);
        var updatedPlan = plan with { Document = revised, UpdatedAt = now };
        await store.Plans.UpsertAsync(updatedPlan, ct).ConfigureAwait(false);
        if (changed.Count + added.Count > 0) await store.Assignments.UpsertManyAsync([.. changed, .. added], ct).ConfigureAwait(false);
        await corrections.ClearAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);

        var number = plan.Number ?? plan.PlanId;
        foreach (var a in changed)
        {
            await history.RecordAsync(a, HistoryEvent.Redated, action.UserKey, state.Member?.DisplayName, HistorySource.Card, "correction", ct)
                .ConfigureAwait(false);
            await notifier.TellAsync(updatedPlan, a, true, x => x.TellChanged(number, DueFormat.Truncate(a.Duty, 120)), ct).ConfigureAwait(false);
        }
        var removed = r.Diff.Of(AssignmentChangeKind.Removed).Select(c => r.Published[c.Before!.Value]).ToList();
        foreach (var a in removed)
            await withdrawer.WithdrawAsync(updatedPlan, a, action.UserKey, state.Member?.DisplayName, ct).ConfigureAwait(false);
        // New assignments' cards go the publishing way (delivery queue, then the Planner mirror of the whole plan).
        await publisher.PublishAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
        logger.LogInformation("Plan {PlanId} in {TenantId} corrected by {AadObjectId}: {Changed} updated, {Added} added, {Removed} removed",
            plan.PlanId, tenantId, action.UserKey, changed.Count, added.Count, removed.Count);
        return CardActionResult.Ok(PlanCards.Notice(t.Done(changed.Count, added.Count, removed.Count), [], state.View));
    }

    /// <summary>The revised plan's new duties as assignments after the last ordinal, resolved to members as an import does.</summary>
    private async Task<List<AssignmentRecord>> AddedAsync(PlanRevision r, DateTimeOffset now, CancellationToken ct)
    {
        var members = await store.Members.ListAsync(r.Plan.TenantId, ct).ConfigureAwait(false);
        var ordinal = r.Published.Count == 0 ? 0 : r.Published.Max(a => a.Ordinal);
        if (AssignmentWithdrawals.For(store) is { } withdrawn)
            ordinal = Math.Max(ordinal, await withdrawn.MaxOrdinalAsync(r.Plan.TenantId, r.Plan.PlanId, ct).ConfigureAwait(false));
        return r.Diff.Of(AssignmentChangeKind.Added).Select(c =>
        {
            var (assignment, member) = r.Revision[c.After!.Value];
            ordinal++;
            return new AssignmentRecord(r.Plan.TenantId, PlanImportService.AssignmentIdFor(r.Plan.PlanId, ordinal), r.Plan.PlanId, ordinal,
                assignment.Assignee, assignment.Duty, assignment.Deadlines,
                member ?? AssigneeMatcher.Resolve(assignment.Assignee, members)?.AadObjectId, AssignmentState.New, now);
        }).ToList();
    }
}
