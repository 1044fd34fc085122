using System.Text.Json.Nodes;
using TeamsPlans.Bot.Delivery;

namespace TeamsPlans.Bot.Features.Reports;

/// <summary>
/// A report upload the queue gave up on (SharePoint kept refusing it for Delivery:MaxAttempts): the member is told in
/// their language with a "Thử lại" button (verb <see cref="CardVerbs.Report"/>, data <see cref="RetryData"/> = report id),
/// the copy and the pending upload are kept (<see cref="ReportUploads"/> forgets them only once stored), and the Failed
/// queue item is put back by that button or by the principal's "gửi lại" (<see cref="RequeuePlansAsync"/>).
/// </summary>
internal sealed class ReportUploadRetry(IStateStore store, Review.ProactiveCards proactive, ILogger<ReportUploadRetry> logger)
{
    public const string RetryData = "retryUpload";

    /// <summary>Queues the failure notice to the submitter (in the delivery queue, after this item is marked Failed).</summary>
    public async Task TellFailedAsync(WorkItem item, DeliveryPayload payload, CancellationToken ct)
    {
        if (payload.Code is not { } reportId || payload.PlanId is not { } planId) return;
        var report = await FindAsync(item.TenantId, payload.AssignmentId, reportId, ct).ConfigureAwait(false);
        var file = DueFormat.Truncate(report?.FileName ?? reportId, 120);
        var attempts = item.Attempts + 1;
        var data = new JsonObject
        {
            [RetryData] = reportId, ["planId"] = planId, ["assignmentId"] = payload.AssignmentId, ["tenantId"] = item.TenantId,
        };
        var told = await proactive.SendAsync(item.TenantId, payload.MemberAadObjectId, view =>
        {
            var t = ReportUploadTexts.For(view);
            var card = PlanCards.Notice(t.Failed(file, attempts), [t.Kept], view, "attention");
            card.Actions = [PlanCards.Execute(t.Retry, CardVerbs.Report, data, style: "positive")];
            return card;
        }, ct).ConfigureAwait(false);
        logger.LogWarning("Upload of report {ReportId} in {TenantId} failed after {Attempts} attempts; submitter {AadObjectId} told: {Told}",
            reportId, item.TenantId, attempts, payload.MemberAadObjectId, told);
    }

    /// <summary>"Thử lại" on the failure notice: the submitter (or a principal) puts the failed upload back in the queue.</summary>
    public async Task<CardActionResult> HandleAsync(CardActionContext action, string reportId, CancellationToken ct)
    {
        var (tenantId, data, view) = (action.TenantId, action.Data, action.State.View);
        var t = ReportUploadTexts.For(view);
        if (data.String("planId") is not { } planId
            || await FindAsync(tenantId, data.String("assignmentId"), reportId, ct).ConfigureAwait(false) is not { } report)
            return CardActionResult.Fail(404, "NotFound", "Không tìm thấy báo cáo.", "The report was not found.");
        if (!string.Equals(report.SubmittedBy, action.UserKey, StringComparison.OrdinalIgnoreCase) && !action.State.CanManage)
            return CardActionResult.Fail(403, "NotSubmitter", ReportUploadTexts.Vi.NotSubmitter, ReportUploadTexts.En.NotSubmitter);
        var n = await store.Queue.RequeueFailedAsync(tenantId, DeliveryOptions.QueueName, ReportUploads.Key(planId, reportId), ct)
            .ConfigureAwait(false);
        logger.LogInformation("Retry of the upload of report {ReportId} in {TenantId} by {AadObjectId}: {Count} queued again", reportId,
            tenantId, action.UserKey, n);
        var file = DueFormat.Truncate(report.FileName, 120);
        return CardActionResult.Ok(n > 0 ? PlanCards.Notice(t.Requeued(file), [], view, "good") : PlanCards.Notice(t.NothingToRetry, [], view));
    }

    /// <summary>"gửi lại": the failed report uploads of the plans back in the queue; returns how many.</summary>
    public async Task<int> RequeuePlansAsync(string tenantId, IEnumerable<string> planIds, CancellationToken ct)
    {
        var n = 0;
        foreach (var planId in planIds.Distinct(StringComparer.Ordinal))
            n += await store.Queue.RequeueFailedAsync(tenantId, DeliveryOptions.QueueName, ReportUploads.KeyPrefix(planId), ct).ConfigureAwait(false);
        return n;
    }

    private async Task<ReportSubmission?> FindAsync(string tenantId, string? assignmentId, string reportId, CancellationToken ct) =>
        assignmentId is null ? null
            : (await store.Reports.ListByAssignmentAsync(tenantId, assignmentId, ct).ConfigureAwait(false))
                .FirstOrDefault(r => string.Equals(r.ReportId, reportId, StringComparison.Ordinal));
}
