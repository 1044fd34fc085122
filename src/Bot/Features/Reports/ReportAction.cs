using TeamsPlans.Bot.Features.Assignments;

namespace TeamsPlans.Bot.Features.Reports;

/// <summary>"Nộp báo cáo" from the card (summary/link), or the answer to "which assignment is this file for?".</summary>
internal sealed class ReportAction(IStateStore store, ReportHandIn reports, AssignmentCardFactory cards, ILogger<ReportAction> logger,
    ReportUploadRetry retry)
{
    public async Task<CardActionResult> HandleAsync(CardActionContext action, CancellationToken ct)
    {
        var (tenantId, userKey, data, view) = (action.TenantId, action.UserKey, action.Data, action.State.View);
        // "Thử lại" on the notice of a report upload SharePoint kept refusing.
        if (data.String(ReportUploadRetry.RetryData) is { } retryId) return await retry.HandleAsync(action, retryId, ct).ConfigureAwait(false);
        var id = data.String("assignmentId");
        var periodKey = data.String(CardVerbs.ReportPeriodInput);
        if (data.String(CardVerbs.ReportTargetInput) is { } target)
        {
            var bar = target.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0) return CardActionResult.Fail(400, "BadRequest", "Lựa chọn không hợp lệ.", "Invalid choice.");
            (id, periodKey) = (target[..bar], target[(bar + 1)..]);
        }
        if (id is null) return CardActionResult.Fail(400, "BadRequest", "Thiếu mã nhiệm vụ.", "The card has no assignment id.");
        var record = await store.Assignments.GetAsync(tenantId, id, ct).ConfigureAwait(false);
        if (record is null) return await Corrections.WithdrawnNotice.OrNotFoundAsync(store, action, id, ct).ConfigureAwait(false);
        var plan = await store.Plans.GetAsync(tenantId, record.PlanId, ct).ConfigureAwait(false);
        if (plan is null) return CardActionResult.Fail(404, "NotFound", "Không tìm thấy kế hoạch.", "The plan was not found.");
        if (record.MemberAadObjectId is null || !string.Equals(record.MemberAadObjectId, userKey, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Refused report on {AssignmentId} in {TenantId}: {UserId} is not the assignee", id, tenantId, userKey);
            return CardActionResult.Fail(403, "NotAssignee", "Bạn không phải người được giao nhiệm vụ này.",
                "You are not the assignee of this assignment.");
        }
        var periods = ReportPeriods.For(record, plan.Document.Year, view.Today);
        var period = periodKey is null ? (periods.Count == 1 ? periods[0] : null) : periods.FirstOrDefault(p => p.Key == periodKey);
        if (period is null)
            return CardActionResult.Fail(400, "BadPeriod", "Hãy chọn kỳ hạn mà báo cáo này trả lời.", "Choose the deadline this report is for.");
        var submitter = action.State.Member?.DisplayName ?? action.State.Activity.From?.Name ?? userKey;
        try
        {
            var failure = data.Flag("pendingFile")
                ? await HandInPendingFileAsync(plan, record, userKey, submitter, period, ct).ConfigureAwait(false)
                : await HandInSummaryAsync(action, plan, record, submitter, period, ct).ConfigureAwait(false);
            if (failure is not null) return failure;
        }
        catch (ReportHandInException e)
        {
            return CardActionResult.Fail(e.Status, e.Code, e.Vi, e.En);
        }
        return CardActionResult.Ok(await cards.ForViewerAsync(plan, record, view, true, ct).ConfigureAwait(false));
    }

    /// <summary>The file sent in chat and kept while the member chose its assignment and deadline.</summary>
    private async Task<CardActionResult?> HandInPendingFileAsync(StoredPlan plan, AssignmentRecord record, string userKey, string submitter,
        ReportPeriod period, CancellationToken ct)
    {
        var pending = await reports.PendingFileAsync(plan.TenantId, userKey, ct).ConfigureAwait(false);
        if (pending is null)
            return CardActionResult.Fail(410, "FileGone", "Không còn tệp nào đang chờ nộp; hãy gửi lại tệp.",
                "No file is waiting to be handed in; please send the file again.");
        await reports.HandInPendingFileAsync(plan, record, userKey, submitter, period, pending.Value.File, pending.Value.ActivityId, ct)
            .ConfigureAwait(false);
        await reports.ClearPendingFileAsync(plan.TenantId, userKey, ct).ConfigureAwait(false);
        return null;
    }

    private async Task<CardActionResult?> HandInSummaryAsync(CardActionContext action, StoredPlan plan, AssignmentRecord record, string submitter,
        ReportPeriod period, CancellationToken ct)
    {
        var summary = action.Data.String(CardVerbs.ReportSummaryInput);
        if (summary is { Length: > 2000 }) summary = summary[..2000];
        var link = action.Data.String(CardVerbs.ReportLinkInput);
        if (link is not null
            && !(Uri.TryCreate(link, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
            return CardActionResult.Fail(400, "BadLink", "Liên kết không hợp lệ (cần bắt đầu bằng https://).",
                "The link is not valid (it must start with https://).");
        if (summary is null && link is null)
            return CardActionResult.Fail(400, "EmptyReport", "Hãy nhập tóm tắt hoặc liên kết, hoặc gửi tệp báo cáo cho bot trong trò chuyện riêng.",
                "Enter a summary or a link, or send the report file to the bot in your personal chat.");
        await reports.HandInSummaryAsync(plan, record, action.UserKey, submitter, period, summary, link, action.State.Activity.Id, ct)
            .ConfigureAwait(false);
        // A file sent next in the personal chat goes to the same assignment and period.
        await reports.SetTargetAsync(plan.TenantId, action.UserKey, record.AssignmentId, period.Key, ct).ConfigureAwait(false);
        return null;
    }
}
