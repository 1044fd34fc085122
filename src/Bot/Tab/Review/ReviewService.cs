using System.Globalization;
using TeamsPlans.Bot.Features.History;
using TeamsPlans.Bot.Features.Import;
using TeamsPlans.Bot.Tab.Auth;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Bot.Tab.Review;

/// <summary>
/// The import review behind the tab's review page: the document's text with each extracted item's source span, the
/// corrections (assignee, duty, deadlines, mapped member), items added or removed while the plan is a draft, and publishing
/// (as the preview card's "Gửi": the plan becomes Published, each assignment's history starts, the cards are queued).
/// </summary>
internal sealed class ReviewService(IStateStore store, ReviewDocumentText texts, IAssignmentPublisher publisher, HistoryRecorder history,
    TimeProvider time, ILogger<ReviewService> logger)
{
    public const int MaxDuty = 4000;
    public const int MaxName = 300;
    private static readonly CardStrings Vi = CardStrings.For("vi-VN");
    private static readonly string[] DateForms = ["d/M/yyyy", "dd/MM/yyyy", "d/MM/yyyy", "dd/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    public async Task<ReviewView> ViewAsync(StoredPlan plan, IReadOnlyList<AssignmentRecord> all, CancellationToken ct)
    {
        var (text, fromDocument) = await texts.ReadAsync(plan, ct).ConfigureAwait(false);
        var locator = new SourceLocator(text);
        var members = await store.Members.ListAsync(plan.TenantId, ct).ConfigureAwait(false);
        var names = members.ToDictionary(m => m.AadObjectId, m => m.DisplayName, StringComparer.Ordinal);
        var items = new List<ReviewItem>(all.Count);
        foreach (var a in all.OrderBy(a => a.Ordinal))
        {
            var read = SourceOf(plan.Document, a);
            var span = locator.Find(read?.Source);
            var deadlines = a.Deadlines.Select(d => new ReviewDeadline(Value(d), DueFormat.Format(d, Vi), d.Guessed,
                locator.Find(d.Source, span?.Start ?? 0))).ToList();
            items.Add(new ReviewItem(a.AssignmentId, a.Ordinal, a.Assignee.Name, a.Assignee.Title, a.Assignee.Unit, a.Assignee.Display,
                a.MemberAadObjectId, a.MemberAadObjectId is { } m ? names.GetValueOrDefault(m) : null, a.Duty, deadlines,
                read?.Guessed ?? false, span));
        }
        var units = UnitStores.TryFor(store) is { } unitStore
            ? (await unitStore.ListAsync(plan.TenantId, ct).ConfigureAwait(false)).Select(u => u.Name).Distinct(StringComparer.Ordinal).ToList()
            : [];
        var people = members.OrderBy(m => m.DisplayName, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), true))
            .Select(m => new ReviewMember(m.AadObjectId, m.DisplayName, m.JobTitle)).ToList();
        return new ReviewView(plan.PlanId, plan.Number, plan.Title, plan.Document.Issuer, plan.Status.ToString(), text, fromDocument,
            items, people, units, plan.Document.Warnings);
    }

    /// <summary>Applies a correction to a draft's assignment; returns the stored record.</summary>
    public async Task<AssignmentRecord> UpdateAsync(TabCaller caller, StoredPlan plan, string assignmentId, ReviewEdit edit, CancellationToken ct)
    {
        RequireDraft(plan);
        var a = await store.Assignments.GetAsync(plan.TenantId, assignmentId, ct).ConfigureAwait(false);
        if (a is null || a.PlanId != plan.PlanId) throw ReviewTexts.NotFound();
        var updated = await ApplyAsync(a, edit, ct).ConfigureAwait(false);
        await store.Assignments.UpsertManyAsync([updated], ct).ConfigureAwait(false);
        Log(plan, assignmentId, "corrected", caller);
        return updated;
    }

    /// <summary>Adds an assignment to a draft, after the last one.</summary>
    public async Task<AssignmentRecord> AddAsync(TabCaller caller, StoredPlan plan, ReviewEdit edit, CancellationToken ct)
    {
        RequireDraft(plan);
        var all = await store.Assignments.ListByPlanAsync(plan.TenantId, plan.PlanId, ct).ConfigureAwait(false);
        var ordinal = all.Count == 0 ? 1 : all.Max(x => x.Ordinal) + 1;
        var blank = new AssignmentRecord(plan.TenantId, PlanImportService.AssignmentIdFor(plan.PlanId, ordinal), plan.PlanId, ordinal,
            new Assignee(null, null, null), "", [], null, AssignmentState.New, time.GetUtcNow());
        var added = await ApplyAsync(blank, edit with { Duty = edit.Duty ?? "" }, ct).ConfigureAwait(false);
        await store.Assignments.UpsertManyAsync([added], ct).ConfigureAwait(false);
        Log(plan, added.AssignmentId, "added", caller);
        return added;
    }

    public async Task RemoveAsync(TabCaller caller, StoredPlan plan, string assignmentId, CancellationToken ct)
    {
        RequireDraft(plan);
        var removal = DraftAssignmentRemovals.For(store) ?? throw ReviewTexts.CannotRemove();
        if (!await removal.RemoveAsync(plan.TenantId, plan.PlanId, assignmentId, ct).ConfigureAwait(false)) throw ReviewTexts.NotFound();
        Log(plan, assignmentId, "removed", caller);
    }

    /// <summary>Publishes the plan (a draft becomes Published and its assignments' history starts) and queues the cards.</summary>
    public async Task<PublishResult> PublishAsync(TabCaller caller, StoredPlan plan, CancellationToken ct)
    {
        var all = await store.Assignments.ListByPlanAsync(plan.TenantId, plan.PlanId, ct).ConfigureAwait(false);
        if (all.Count == 0) throw ReviewTexts.NothingToSend();
        if (plan.Status == PlanStatus.Draft)
        {
            await store.Plans.UpsertAsync(plan with { Status = PlanStatus.Published, UpdatedAt = time.GetUtcNow() }, ct).ConfigureAwait(false);
            logger.LogInformation("Published plan {PlanId} of {TenantId} from the tab by {AadObjectId}",
                plan.PlanId, plan.TenantId, caller.AadObjectId);
            foreach (var a in all)
                await history.RecordAsync(a, HistoryEvent.Created, caller.AadObjectId, caller.Name, HistorySource.Tab, a.Assignee.Display, ct)
                    .ConfigureAwait(false);
        }
        return await publisher.PublishAsync(plan.TenantId, plan.PlanId, ct).ConfigureAwait(false);
    }

    private void Log(StoredPlan plan, string assignmentId, string change, TabCaller caller) =>
        logger.LogInformation("Review of {PlanId} in {TenantId}: {AssignmentId} {Change} by {AadObjectId}",
            plan.PlanId, plan.TenantId, assignmentId, change, caller.AadObjectId);

    private static void RequireDraft(StoredPlan plan)
    {
        if (plan.Status != PlanStatus.Draft) throw ReviewTexts.NotDraft();
    }

    private async Task<AssignmentRecord> ApplyAsync(AssignmentRecord a, ReviewEdit e, CancellationToken ct)
    {
        var assignee = a.Assignee;
        if (e.Name is not null || e.Title is not null || e.Unit is not null)
        {
            var next = new Assignee(Clean(e.Name ?? a.Assignee.Name), Clean(e.Title ?? a.Assignee.Title), Clean(e.Unit ?? a.Assignee.Unit))
                { Role = a.Assignee.Role };
            // The classifier's target holds only while the assignee reads the same.
            assignee = next.Name == a.Assignee.Name && next.Title == a.Assignee.Title && next.Unit == a.Assignee.Unit ? a.Assignee : next;
        }
        if (assignee.Display.Length == 0) throw ReviewTexts.NoAssignee();
        var duty = e.Duty is null ? a.Duty : e.Duty.Trim();
        if (duty.Length == 0) throw ReviewTexts.NoDuty();
        if (duty.Length > MaxDuty) throw ReviewTexts.TooLong(MaxDuty);
        var deadlines = e.Deadlines is null ? a.Deadlines : Deadlines(a, duty, e.Deadlines);
        var member = a.MemberAadObjectId;
        if (e.Member is not null)
        {
            member = e.Member.Length == 0 ? null : e.Member;
            if (member is not null && await store.Members.GetAsync(a.TenantId, member, ct).ConfigureAwait(false) is null)
                throw ReviewTexts.UnknownMember();
        }
        return a with { Assignee = assignee, Duty = duty, Deadlines = deadlines, MemberAadObjectId = member, UpdatedAt = time.GetUtcNow() };
    }

    /// <summary>The edited deadlines: a value shown unchanged keeps the deadline as read (its kind, recurrence, source); a
    /// changed one is the date written, read from then on as printed whole.</summary>
    private static List<Deadline> Deadlines(AssignmentRecord a, string duty, IReadOnlyList<string> values)
    {
        var list = new List<Deadline>();
        var i = 0;
        foreach (var raw in values)
        {
            var value = raw?.Trim() ?? "";
            var old = a.Deadlines.ElementAtOrDefault(i++);
            if (value.Length == 0) continue;
            if (old is not null && value == Value(old)) { list.Add(old); continue; }
            var due = ParseDue(value) ?? throw ReviewTexts.BadDate(value);
            list.Add(old is null
                ? new Deadline(due, null, duty, null, a.Assignee.Display)
                : old with { Due = due, Recurrence = due.Kind == DueKind.Date ? null : old.Recurrence, Start = null, Confidence = 1 });
        }
        return list;
    }

    private static DueDate? ParseDue(string value) =>
        DateOnly.TryParseExact(value, DateForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? DueDate.OnDate(d)
        : DueDate.TryParse(value, out var due) ? due : null;

    /// <summary>The value a deadline's field shows: the date alone for a whole date, else the card's wording.</summary>
    private static string Value(Deadline d) => DueFormat.Format(d.Due, Vi);

    private static string? Clean(string? s)
    {
        var t = s?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        return t.Length > MaxName ? throw ReviewTexts.TooLong(MaxName) : t;
    }

    /// <summary>The parsed assignment a stored one came from: same duty and assignee, else same duty (a set of units expanded
    /// into several), else the one at its ordinal while the duty is unchanged.</summary>
    private static Assignment? SourceOf(PlanDocument doc, AssignmentRecord a) =>
        doc.Assignments.FirstOrDefault(x => x.Duty == a.Duty && x.Assignee.Display == a.Assignee.Display)
        ?? doc.Assignments.FirstOrDefault(x => x.Duty == a.Duty)
        ?? (doc.Assignments.ElementAtOrDefault(a.Ordinal - 1) is { } at && at.Assignee.Display == a.Assignee.Display ? at : null);
}
