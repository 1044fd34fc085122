using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.GraphSync;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;
using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Features.Import;

namespace TeamsPlans.Bot.Sync;

/// <summary>
/// Publishing a plan also mirrors it: the document's upload to the plan library is queued (<see cref="PlanDocumentFollowUp"/>),
/// the cards are queued by the inner publisher (the delivery queue), and the board (Planner) is synced in the background.
/// </summary>
internal sealed class MirroringAssignmentPublisher(IAssignmentPublisher inner, PlanMirror mirror, SyncLane lane) : IAssignmentPublisher
{
    public IAssignmentPublisher Inner => inner;

    public async Task<PublishResult> PublishAsync(string tenantId, string planId, CancellationToken ct)
    {
        // The document's upload is queued first (before the cards, so the queue usually stores it before they are built);
        // the board follows the upload then, so its tasks link to the library copy.
        var queued = await mirror.QueueDocumentAsync(tenantId, planId, ct).ConfigureAwait(false);
        var result = await inner.PublishAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (!queued) lane.Post($"board {tenantId}/{planId}", c => mirror.SyncBoardAsync(tenantId, planId, c));
        return result;
    }
}

/// <summary>
/// Acknowledge / progress / done from a card → the board task's percentComplete (0 / 50 / 100) and its official-state
/// label (issue 15: an acceptance after the deadline labels it "Hoàn thành quá hạn"), in the background.
/// </summary>
internal sealed class BoardProgressSink(SyncLane lane, BoardStates boards) : IAssignmentChangeSink
{
    public Task OnAssignmentChangedAsync(AssignmentChange change, CancellationToken ct)
    {
        var record = change.After;
        // Issue 15: the label follows the review (a report awaiting review shows "Chờ duyệt", never completed).
        lane.Post($"progress {record.TenantId}/{record.AssignmentId} v{record.State.Version}", c => boards.WriteAsync(record, c));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Changes made in Planner (a task completed, re-opened or re-dated there) are taken over by TeamsPlans, and the
/// member's card in Teams is updated in place so it shows the new state.
/// </summary>
internal sealed class BoardChangeApplier(IStateStore store, IConnectorClient connector, AssignmentCardFactory cards, TimeProvider time,
    ILogger<BoardChangeApplier> logger,
    Features.History.HistoryRecorder history) : IRemoteChangeSink
{
    public async Task OnRemoteChangesAsync(string tenantId, IReadOnlyList<RemoteChange> changes, CancellationToken ct)
    {
        foreach (var group in changes.Where(c => c.AssignmentId is not null && string.Equals(c.TenantId, tenantId, StringComparison.Ordinal))
                                     .GroupBy(c => c.AssignmentId!))
        {
            try
            {
                if (await ApplyAsync(tenantId, group.Key, group.ToList(), ct).ConfigureAwait(false) is { } updated)
                    await RefreshCardAsync(updated, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Board change of {AssignmentId} in {TenantId} not applied", group.Key, tenantId);
            }
        }
    }

    /// <summary>Applies the changes of one assignment; returns the stored record when something changed.</summary>
    internal async Task<AssignmentRecord?> ApplyAsync(string tenantId, string assignmentId, IReadOnlyList<RemoteChange> changes, CancellationToken ct)
    {
        var record = await store.Assignments.GetAsync(tenantId, assignmentId, ct).ConfigureAwait(false);
        if (record is null) return null;
        var changed = false;

        foreach (var due in changes.Where(c => c.Kind == RemoteChangeKind.DueDate && c.DueAt is not null))
        {
            var redated = Redate(record, due.TaskKey, PlannerDueDates.ToVietnamDay(due.DueAt!.Value), record.Deadlines);
            if (redated is null) continue;
            record = record with { Deadlines = redated, UpdatedAt = time.GetUtcNow() };
            await store.Assignments.UpsertManyAsync([record], ct).ConfigureAwait(false);
            changed = true;
            logger.LogInformation("Deadline of {AssignmentId} in {TenantId} re-dated in the board to {Due}", assignmentId, tenantId,
                PlannerDueDates.ToVietnamDay(due.DueAt!.Value));
            await history.RecordAsync(record, HistoryEvent.Redated, "planner", null, HistorySource.Planner,
                DueFormat.Date(PlannerDueDates.ToVietnamDay(due.DueAt!.Value)), ct).ConfigureAwait(false);
        }

        // Progress: only the assignment's own task carries it (deadline tasks are reports).
        var progress = changes.LastOrDefault(c => c.Kind == RemoteChangeKind.Progress && c.TaskKey == assignmentId);
        if (progress is not null)
        {
            var percent = progress.PercentComplete >= 100 ? 100 : progress.PercentComplete >= 50 ? 50 : 0;
            // Issue 15: completed in Planner while a report awaits review (or was returned) stays in progress until accepted.
            if (percent == 100
                && Features.Review.ReviewStatus.Of(await history.ListAsync(tenantId, assignmentId, ct).ConfigureAwait(false)).HoldsDone)
                percent = 50;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var next = record.State.Apply(AssignmentAction.Progress, time.GetUtcNow(), percent);
                if (next == record.State) break;
                var (updated, current) = await store.Assignments.TryUpdateStateAsync(tenantId, assignmentId, record.State.Version, next, ct)
                    .ConfigureAwait(false);
                if (current is null) return null;
                record = current;
                if (updated)
                {
                    changed = true;
                    logger.LogInformation("Progress of {AssignmentId} in {TenantId} set to {Percent}% from the board", assignmentId,
                        tenantId, percent);
                    await history.RecordAsync(record, HistoryEvent.ChangedInPlanner, "planner", null, HistorySource.Planner,
                        percent.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%", ct).ConfigureAwait(false);
                    break;
                }
            }
        }
        return changed ? record : null;
    }

    /// <summary>
    /// The deadlines after a board re-dating: task "{assignmentId}:dN" is the N-th deadline by date; the assignment's own
    /// task is due at its earliest deadline. A yearly deadline keeps recurring on the new day and month.
    /// </summary>
    internal static IReadOnlyList<Deadline>? Redate(AssignmentRecord record, string taskKey, DateOnly day, IReadOnlyList<Deadline> deadlines)
    {
        if (deadlines.Count == 0) return null;
        var order = deadlines.Select((d, i) => (d, i)).OrderBy(x => x.d.Due.LastDay(day.Year)).Select(x => x.i).ToList();
        int index;
        if (taskKey == record.AssignmentId) index = order[0];
        else if (taskKey.StartsWith(record.AssignmentId + ":d", StringComparison.Ordinal)
                 && int.TryParse(taskKey.AsSpan(record.AssignmentId.Length + 2), out var n) && n >= 1 && n <= order.Count) index = order[n - 1];
        else return null;
        var old = deadlines[index];
        var due = old.Due.Kind == DueKind.YearlyDate || old.Recurrence is not null ? DueDate.Yearly(day.Month, day.Day) : DueDate.OnDate(day);
        if (due == old.Due) return null;
        var list = deadlines.ToList();
        list[index] = old with { Due = due };
        return list;
    }

    private async Task RefreshCardAsync(AssignmentRecord a, CancellationToken ct)
    {
        if (a.CardActivityId is null || a.CardConversationId is null || a.MemberAadObjectId is null) return;
        var plan = await store.Plans.GetAsync(a.TenantId, a.PlanId, ct).ConfigureAwait(false);
        var reference = await store.Conversations.GetAsync(a.TenantId, a.MemberAadObjectId, ct).ConfigureAwait(false);
        if (plan is null || reference is null || reference.Blocked) return;
        var member = await store.Members.GetAsync(a.TenantId, a.MemberAadObjectId, ct).ConfigureAwait(false);
        // The same card as every other path builds (AssignmentCardFactory): with the reports handed in.
        var (card, _) = await cards.ForAssigneeAsync(plan, a, member, reference.UserId, ct).ConfigureAwait(false);
        var activity = card.ToMessage();
        try
        {
            await connector.UpdateActivityAsync(reference.ServiceUrl, a.CardConversationId, a.CardActivityId, activity, ct).ConfigureAwait(false);
            logger.LogInformation("Card of {AssignmentId} in {TenantId} refreshed after a board change", a.AssignmentId, a.TenantId);
        }
        catch (ConnectorException e)
        {
            logger.LogWarning(e, "Card of {AssignmentId} in {TenantId} not refreshed ({Status}); the card refreshes itself when opened",
                a.AssignmentId, a.TenantId, e.StatusCode);
        }
    }
}

/// <summary>
/// A plan document dropped into the tenant's plan library is imported as a draft, and the tenant's principals and
/// committee heads get its preview card (map the unresolved assignees, then publish) in their chat with the bot.
/// </summary>
internal sealed class LibraryDropImporter(IStateStore store, PlanImportService importer, IConnectorClient connector, TimeProvider time,
    ILogger<LibraryDropImporter> logger)
    : IPlanDocumentImporter
{
    public async Task ImportAsync(string tenantId, LibraryFile file, Stream content, CancellationToken ct)
    {
        ImportOutcome outcome;
        try
        {
            // The stored plan links to the library copy.
            outcome = await importer.ImportAsync(tenantId, "library", content, file.Name, PlanSource.Library(file.WebUrl), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TeamsPlans.Plans.Reading.PlanReadException or IOException or InvalidDataException or FormatException
            or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            logger.LogWarning(e, "Library file {File} of {TenantId} is not a readable plan; skipped", file.Path, tenantId);
            await TellHeadsAsync(tenantId, lang => Task.FromResult(PlanCards.Notice(
                ImportTexts.For(lang).LibraryUnreadable(file.Name),
                [e.Message], CardView.For(lang, VietnamTime.Today(time)), "attention")), ct).ConfigureAwait(false);
            return;
        }
        if (!outcome.Imported || outcome.Plan is null) return;
        var plan = outcome.Plan;
        await store.Sync.PutAsync(new SyncEntry(tenantId, PlanMirror.DocumentScope, plan.PlanId, file.Id, file.WebUrl, null, time.GetUtcNow()), ct)
            .ConfigureAwait(false);
        logger.LogInformation("Plan {PlanId} of {TenantId} imported from library file {File}", plan.PlanId, tenantId, file.Path);
        var sent = await TellHeadsAsync(tenantId, async lang =>
        {
            var view = CardView.For(lang, VietnamTime.Today(time));
            var note = PreviewNotes.Above(new TextBlock(ImportTexts.For(lang).LibraryNew(file.Name))
            { Weight = "bolder", Color = "accent" });
            return (await importer.PreviewCardAsync(tenantId, plan.PlanId, view, ct, note).ConfigureAwait(false))!;
        }, ct).ConfigureAwait(false);
        logger.LogInformation("Preview of {PlanId} sent to {Count} heads of {TenantId}", plan.PlanId, sent, tenantId);
    }

    private async Task<int> TellHeadsAsync(string tenantId, Func<string?, Task<AdaptiveCard>> cardFor, CancellationToken ct)
    {
        var sent = 0;
        foreach (var head in (await store.Members.ListAsync(tenantId, ct).ConfigureAwait(false)).Where(m => m.CanSeeOthers))
        {
            var reference = await store.Conversations.GetAsync(tenantId, head.AadObjectId, ct).ConfigureAwait(false);
            if (reference is null || reference.Blocked) continue;
            var card = await cardFor(head.PreferredLocale).ConfigureAwait(false);
            var activity = card.ToMessage();
            try
            {
                await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, activity, ct).ConfigureAwait(false);
                sent++;
            }
            catch (ConnectorException e)
            {
                logger.LogWarning(e, "Import notice to {AadObjectId} in {TenantId} failed ({Status})", head.AadObjectId, tenantId, e.StatusCode);
            }
        }
        return sent;
    }
}
