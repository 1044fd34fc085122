using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Features.Review;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.UnitRollup;

/// <summary>
/// The cascade of issue #14: when a unit imports its own implementing plan — in its own tenant (a unit of a department's
/// directory whose own tenant it is) or as the unit's head in the department's tenant — and the plan's legal bases cite a
/// published department plan ("Thực hiện Kế hoạch số 245/KH-PGDĐT …"), the two plans are linked (plan_links) and the
/// unit's "xây dựng kế hoạch" duty of the department plan is marked done with the plan attached (its number, date and
/// document in the comment and the link), the head's card is updated and the history records it. Idempotent: an import
/// again links nothing new and leaves a done duty as it is.
/// </summary>
internal sealed class PlanCascade(IStateStore store, AssignmentChangeNotifier notifier, ProactiveCards cards, ContentionRetry contention,
    TimeProvider time, ILogger<PlanCascade> logger)
{
    public async Task<int> OnImportedAsync(StoredPlan child, string importedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (UnitRollupStores.TryFor(store) is not { } links) return 0;
        var own = PlanNumbers.Normalize(child.Number);
        var cited = child.Document.LegalBases.Select(b => b.Number).Where(n => PlanNumbers.Normalize(n) is { } x && x != own)
            .DistinctBy(PlanNumbers.Normalize).Cast<string>().ToList();
        if (cited.Count == 0) return 0;
        // Who the importer is: the units whose own tenant this is, and the units the importer heads in this tenant.
        var units = (await links.UnitsWithOwnTenantAsync(child.TenantId, ct).ConfigureAwait(false))
            .Concat(await UnitStores.For(store).ListByPersonAsync(child.TenantId, importedBy, ct).ConfigureAwait(false))
            .DistinctBy(u => (u.TenantId, u.Code)).ToList();
        var linked = 0;
        foreach (var unit in units)
            foreach (var number in cited)
            {
                var parent = await store.Plans.FindByNumberAsync(unit.TenantId, number, ct).ConfigureAwait(false);
                if (parent is null || parent.Status != PlanStatus.Published
                    || (parent.TenantId == child.TenantId && parent.PlanId == child.PlanId)) continue;
                var duties = (await store.Assignments.ListByPlanAsync(parent.TenantId, parent.PlanId, ct).ConfigureAwait(false))
                    .Where(a => UnitAssignees.CodeOf(a.Assignee) == unit.Code).ToList();
                if (duties.Count == 0) continue; // the department plan gives this unit nothing
                var link = new UnitPlanLink(parent.TenantId, parent.PlanId, unit.Code, child.TenantId, child.PlanId, child.Number, child.Title,
                    child.Document.IssuedOn, time.GetUtcNow()) { ChildDocumentUri = child.DocumentUri };
                if (await links.LinkAsync(link, ct).ConfigureAwait(false)) linked++;
                foreach (var duty in duties.Where(d => ImplementingPlanDuty.Matches(d.Duty) && d.State.Status != AssignmentStatus.Done))
                    await MarkDoneAsync(parent, duty, child, importedBy, ct).ConfigureAwait(false);
                logger.LogInformation("Cascade: plan {ChildPlanId} of {ChildTenantId} implements {PlanId} of {TenantId} for unit {UnitCode}",
                    child.PlanId, child.TenantId, parent.PlanId, parent.TenantId, unit.Code);
            }
        return linked;
    }

    private async Task MarkDoneAsync(StoredPlan parent, AssignmentRecord duty, StoredPlan child, string importedBy, CancellationToken ct)
    {
        var note = $"Đã ban hành kế hoạch triển khai / Implementing plan issued: {child.Number ?? child.Title}"
            + (child.Document.IssuedOn is { } d ? " " + DueFormat.Date(d) : "") + (child.DocumentUri is { } uri ? " — " + uri : "");
        var outcome = await contention.UpdateStateAsync(store.Assignments, parent.TenantId, duty.AssignmentId, duty,
            s => s.Apply(AssignmentAction.Done, time.GetUtcNow(), null, note), ct).ConfigureAwait(false);
        if (outcome.Result != ContentionResult.Saved)
        {
            logger.LogWarning("Cascade: duty {AssignmentId} of {TenantId} not marked done ({Result})", duty.AssignmentId, parent.TenantId,
                outcome.Result);
            return;
        }
        await notifier.NotifyAsync(new AssignmentChange(parent.TenantId, duty.AssignmentId, parent.PlanId, importedBy, AssignmentAction.Done,
            outcome.Previous, outcome.Current!, time.GetUtcNow()), ct).ConfigureAwait(false);
        await cards.UpdateAssignmentCardAsync(parent, outcome.Current!, ct).ConfigureAwait(false);
    }
}
