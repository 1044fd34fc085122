using TeamsPlans.Bot.Features.History;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// A report handed in: recorded in the history (the summary, or the file name, as its detail) and the review card sent
/// to its receiver — the plan's head (the one who published it), or, when the plan names none, the tenant's principals.
/// The one who handed it in never reviews their own report. A unit's duty passed to a member goes to the unit's head first.
/// </summary>
internal sealed class ReviewRequester(IStateStore store, HistoryRecorder history, ProactiveCards proactive, ILogger<ReviewRequester> logger,
    Assignments.AssignmentChangeNotifier notifier, ContentionRetry contention, TimeProvider time) : IReportHandInSink
{
    public Task OnReportHandedInAsync(StoredPlan plan, AssignmentRecord a, ReportSubmission report, string submitterName, string? summary,
        bool fromChat,
        CancellationToken ct) =>
        RecordAndRequestAsync(HistoryEvent.ReportHandedIn, plan, a, report, submitterName, summary, fromChat, ct);

    /// <summary>
    /// A unit head accepted a member's report and sends it up in the unit's name (<see cref="Units.UnitReportForward"/>): the
    /// review card goes to the plan's receiver; the history says "sent up", the same round as the member's hand-in.
    /// </summary>
    public Task OnReportForwardedAsync(StoredPlan plan, AssignmentRecord a, ReportSubmission report, string headName, string? summary,
        CancellationToken ct) =>
        RecordAndRequestAsync(HistoryEvent.ReportForwarded, plan, a, report, headName, summary, fromChat: false, ct);

    private async Task RecordAndRequestAsync(HistoryEvent what, StoredPlan plan, AssignmentRecord a, ReportSubmission report, string submitterName,
        string? summary, bool fromChat, CancellationToken ct)
    {
        await history.RecordAsync(a, what, report.SubmittedBy, submitterName, fromChat ? HistorySource.Chat : HistorySource.Card,
            string.IsNullOrWhiteSpace(summary) ? report.FileName : summary.Trim(), ct).ConfigureAwait(false);
        if (a.State.Status == AssignmentStatus.Done) await ReopenAsync(a, report.SubmittedBy, ct).ConfigureAwait(false);
        // A report handed in from a card is uploaded after the invoke (ReportUploads): its card waits for the library link.
        if (report.FileUri is not null) await OnReportStoredAsync(plan, a, report, ct).ConfigureAwait(false);
    }

    /// <summary>The review card, linking to the stored report, to each receiver.</summary>
    public async Task OnReportStoredAsync(StoredPlan plan, AssignmentRecord a, ReportSubmission report, CancellationToken ct)
    {
        var entries = await history.ListAsync(a.TenantId, a.AssignmentId, ct).ConfigureAwait(false);
        var review = ReviewStatus.Of(entries);
        // A unit's duty a member carries out: the unit's head reviews it first (Units.UnitReportForward sends it up).
        var heads = await Units.UnitHeads.OfAsync(store, a, ct).ConfigureAwait(false);
        var receivers = Units.UnitHeads.ReviewsFirst(a, heads, report.SubmittedBy) ? heads : await ReviewersAsync(plan, report.SubmittedBy,
            ct).ConfigureAwait(false);
        foreach (var reviewer in receivers)
        {
            var sent = await proactive.SendAsync(a.TenantId, reviewer, v => ReviewCards.Card(plan, a, review.Latest!, report, review.Rounds, null,
                v, entries), ct).ConfigureAwait(false);
            logger.LogInformation("Review card of {ReportId} for {AssignmentId} in {TenantId} to {Reviewer}: {Sent}", report.ReportId,
                a.AssignmentId, a.TenantId, reviewer, sent);
        }
    }

    /// <summary>
    /// A report handed in on an assignment marked done re-opens it (issue 15: finished means accepted): in progress, 50 %,
    /// until the report is accepted; Planner follows through the change notifier.
    /// </summary>
    private async Task ReopenAsync(AssignmentRecord a, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var outcome = await contention.UpdateStateAsync(store.Assignments, a.TenantId, a.AssignmentId, a,
            s => s.Status == AssignmentStatus.Done ? s.Apply(AssignmentAction.Progress, now, 50) : s, ct).ConfigureAwait(false);
        if (outcome.Result != ContentionResult.Saved) return;
        logger.LogInformation("{AssignmentId} in {TenantId} re-opened: its report awaits review", a.AssignmentId, a.TenantId);
        await notifier.NotifyAsync(new AssignmentChange(a.TenantId, a.AssignmentId, a.PlanId, actor, AssignmentAction.Progress, outcome.Previous,
            outcome.Current!, now), ct).ConfigureAwait(false);
    }

    /// <summary>Who receives the plan's reports: its head, else the tenant's principals; never the submitter.</summary>
    public async Task<IReadOnlyList<string>> ReviewersAsync(StoredPlan plan, string? except, CancellationToken ct)
    {
        IEnumerable<string> ids = plan.HeadAadObjectId is { Length: > 0 } head && !string.Equals(head, "library", StringComparison.Ordinal)
            ? [head]
            : (await store.Members.ListAsync(plan.TenantId, ct).ConfigureAwait(false)).Where(m => (m.Roles & MemberRoles.Principal) != 0)
                .Select(m => m.AadObjectId);
        return ids.Where(id => !string.Equals(id, except, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Whether <paramref name="aadObjectId"/> receives this plan's reports (or manages the tenant).</summary>
    public async Task<bool> IsReviewerAsync(StoredPlan plan, string aadObjectId, bool canManage, CancellationToken ct) =>
        canManage || (await ReviewersAsync(plan, null, ct).ConfigureAwait(false)).Contains(aadObjectId, StringComparer.OrdinalIgnoreCase);
}
