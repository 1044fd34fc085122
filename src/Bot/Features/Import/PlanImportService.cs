using System.Text;
using TeamsPlans.Bot.Features.Units;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// The one import path, whatever the source (a library file named in chat, a document dropped into the plan library):
/// reads the document, stores the plan once as Draft with one assignment per duty (ids "{planId}-a{ordinal}"), resolves
/// assignees to tenant members, and builds the preview card. A plan already Published is not overwritten.
/// </summary>
internal sealed class PlanImportService(IStateStore store, IPlanDocumentReader reader, TimeProvider time, ILogger<PlanImportService> logger,
    UnitRollup.PlanCascade? cascade = null, Tab.TabLinks? links = null)
{
    public static string PlanIdFor(PlanDocument doc, string name) => PlanIds.For(doc, name);

    public static string AssignmentIdFor(string planId, int ordinal) => $"{planId}-a{ordinal}";

    public async Task<ImportOutcome> ImportAsync(string tenantId, string importedBy, Stream content, string name, PlanSource source,
        CancellationToken ct)
    {
        var doc = await reader.ReadAsync(content, name, ct).ConfigureAwait(false);
        var planId = PlanIdFor(doc, name);
        var existing = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (existing is null && PlanIds.Legacy(doc, name) is var legacy && legacy != planId
            && await store.Plans.GetAsync(tenantId, legacy, ct).ConfigureAwait(false) is { } stored)
            (planId, existing) = (legacy, stored); // stored before issue 18 under the former folding: keeps its id
        if (existing is not null && existing.Status != PlanStatus.Draft)
        {
            var current = await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false);
            logger.LogInformation("Import of {Name} ({Source}) skipped: plan {PlanId} of {TenantId} is already {Status}", name, source.Kind, planId,
                tenantId, existing.Status);
            return new ImportOutcome(existing, current, [name], AlreadyPublished: true) { Revised = doc };
        }

        if (existing is null && await AmendedAsync(tenantId, doc, ct).ConfigureAwait(false) is { } amended)
        {
            // "Điều chỉnh, bổ sung Kế hoạch số 12/…": offered as a correction of that plan, which keeps its number and title.
            var current = await store.Assignments.ListByPlanAsync(tenantId, amended.PlanId, ct).ConfigureAwait(false);
            logger.LogInformation("Import of {Name} ({Source}): {Number} adjusts plan {PlanId} of {TenantId}; offered as its correction",
                name, source.Kind, Security.LogText.Clean(doc.Number, 60), amended.PlanId, tenantId);
            return new ImportOutcome(amended, current, [name], AlreadyPublished: true)
            {
                Revised = doc with { Number = amended.Document.Number, Title = amended.Document.Title }, AmendingNumber = doc.Number ?? "",
            };
        }

        var now = time.GetUtcNow();
        var plan = new StoredPlan(tenantId, planId, doc, source.DocumentUri, PlanStatus.Draft, importedBy, existing?.CreatedAt ?? now, now);
        await store.Plans.UpsertAsync(plan, ct).ConfigureAwait(false);

        var members = await store.Members.ListAsync(tenantId, ct).ConfigureAwait(false);
        var previous = existing is null ? [] : await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false);
        var records = new List<AssignmentRecord>(doc.Assignments.Count);
        var ordinal = 0;
        var directory = UnitStores.TryFor(store) is { } unitStore ? await unitStore.ListAsync(tenantId, ct).ConfigureAwait(false) : [];
        foreach (var a in doc.Assignments)
        foreach (var x in UnitExpansion.Expand(a.Assignee, directory, doc.Issuer)) // a set of units: one assignment per unit, to its head
        {
            ordinal++;
            var id = AssignmentIdFor(planId, ordinal);
            // A re-import of a draft keeps a mapping made by hand when the assignee text is the same.
            var kept = previous.FirstOrDefault(p => p.AssignmentId == id && p.Assignee == x.Assignee)?.MemberAadObjectId;
            var member = kept ?? x.MemberAadObjectId ?? AssigneeMatcher.Resolve(x.Assignee, members)?.AadObjectId;
            records.Add(new AssignmentRecord(tenantId, id, planId, ordinal, x.Assignee, a.Duty, a.Deadlines, member, AssignmentState.New, now));
        }
        if (records.Count > 0) await store.Assignments.UpsertManyAsync(records, ct).ConfigureAwait(false);
        if (cascade is not null) await cascade.OnImportedAsync(plan, importedBy, ct).ConfigureAwait(false); // a unit's implementing plan (#14)
        logger.LogInformation("Imported {Name} ({Source}) as plan {PlanId} of {TenantId}: {Count} assignments, {Resolved} resolved",
            name, source.Kind, planId, tenantId, records.Count, records.Count(r => r.MemberAadObjectId is not null));
        return new ImportOutcome(plan, records, [name], AlreadyPublished: false);
    }

    /// <summary>The published plan <paramref name="doc"/> says it adjusts or supplements (another number), or null.</summary>
    private async Task<StoredPlan?> AmendedAsync(string tenantId, PlanDocument doc, CancellationToken ct) =>
        TeamsPlans.Plans.Corrections.AmendedPlanReference.Of(doc) is { } number
        && await store.Plans.FindByNumberAsync(tenantId, number, ct).ConfigureAwait(false) is { Status: not PlanStatus.Draft } plan
            ? plan : null;

    /// <summary>The import preview card of a stored plan (with pickers for the unresolved assignees).</summary>
    public async Task<AdaptiveCard?> PreviewCardAsync(string tenantId, string planId, CardView view, CancellationToken ct, PreviewNotes? notes = null,
        int pickerFrom = 0)
    {
        var plan = await store.Plans.GetAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (plan is null) return null;
        var list = await store.Assignments.ListByPlanAsync(tenantId, planId, ct).ConfigureAwait(false);
        var members = await store.Members.ListAsync(tenantId, ct).ConfigureAwait(false);
        var unresolved = list.Where(a => a.MemberAadObjectId is null)
            .Select(a => new UnresolvedAssignee(a, AssigneeMatcher.Rank(a.Assignee, members))).ToList();
        notes = UnitPreview.WithExpansion(notes ?? PreviewNotes.None, list, view);
        var review = plan.Status == PlanStatus.Draft && list.Count > 0 ? links?.Review(planId) : null; // "Xem và sửa": the tab's review page
        return ImportCards.ImportPreview(plan, list.OrderBy(a => a.Ordinal).ToList(), members.ToDictionary(m => m.AadObjectId), unresolved, view,
            notes, review, pickerFrom);
    }
}
