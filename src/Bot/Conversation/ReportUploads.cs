using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.GraphSync;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// Reports handed in from a card (an invoke: Teams waits about 15 s for the answer) are not uploaded inside the invoke.
/// The content is copied to disk under <see cref="ConversationOptions.PendingFileRoot"/>/uploads, the report is recorded
/// at once (no library link yet) with what the upload needs (sync scope "report-upload"), and the upload is queued in the
/// durable delivery queue (<see cref="DeliveryKinds.ReportUpload"/>, run by <see cref="ReportUploadFollowUp"/>). The
/// queue uploads it (replace: a repeated upload after a crash stores the same file), records the library link, tells the
/// sinks (<see cref="IReportHandInSink.OnReportStoredAsync"/>: the reviewer's card, which links to the file), then forgets
/// the copy. Several instances need the folder on shared storage, as for pending chat files.
/// </summary>
internal sealed class ReportUploads(IStateStore store, ReportLibrary library, ConversationOptions options, TimeProvider time,
    ILogger<ReportUploads> logger)
{
    public const string Scope = "report-upload";

    private sealed record Pending(string PlanId, string AssignmentId, string Period, DateOnly Due, string FileName, string PlanNumber,
        string Submitter);

    /// <summary>The queue key of a report's upload: under <see cref="KeyPrefix"/> of its plan, so "resend" finds it.</summary>
    public static string Key(string planId, string reportId) => $"{KeyPrefix(planId)}r:{Uri.EscapeDataString(reportId)}";

    /// <summary>The key prefix of a plan's report uploads (not the plan's delivery prefix: they are not member deliveries).</summary>
    public static string KeyPrefix(string planId) => $"reportup|p:{Uri.EscapeDataString(planId)}|";

    private string SpoolPath(string tenantId, string reportId) => Path.Combine(Path.GetFullPath(options.PendingFileRoot), "uploads",
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(tenantId + "|" + reportId)))[..32] + ".bin");

    /// <summary>Keeps the content, records the report without its link and queues the upload; returns the report as recorded.</summary>
    public async Task<ReportSubmission> QueueAsync(StoredPlan plan, AssignmentRecord a, ReportSubmission report, ReportPeriod period,
        string submitter, Stream content, CancellationToken ct)
    {
        var spool = SpoolPath(plan.TenantId, report.ReportId);
        Directory.CreateDirectory(Path.GetDirectoryName(spool)!);
        await using (var f = File.Create(spool)) await content.CopyToAsync(f, ct).ConfigureAwait(false);
        var pending = new Pending(plan.PlanId, a.AssignmentId, period.Key, period.Due, report.FileName, plan.Number ?? plan.PlanId, submitter);
        var entry = new SyncEntry(plan.TenantId, Scope, report.ReportId, report.ReportId, null, JsonSerializer.Serialize(pending), time.GetUtcNow());
        await store.Sync.PutAsync(entry, ct).ConfigureAwait(false);
        await store.Reports.AddAsync(report, ct).ConfigureAwait(false);
        var payload = new DeliveryPayload
        {
            TenantId = plan.TenantId, Kind = DeliveryKinds.ReportUpload, MemberAadObjectId = report.SubmittedBy, PlanId = plan.PlanId,
            AssignmentId = a.AssignmentId, Code = report.ReportId,
        };
        var key = Key(plan.PlanId, report.ReportId);
        await store.Queue.EnqueueAsync(plan.TenantId, DeliveryOptions.QueueName, DeliveryKinds.ReportUpload, key, payload.ToJson(), null, ct)
            .ConfigureAwait(false);
        logger.LogInformation("Report {ReportId} of {AssignmentId} in {TenantId} recorded; its upload is queued as {DeliveryKey}",
            report.ReportId, a.AssignmentId, plan.TenantId, key);
        return report;
    }

    /// <summary>
    /// Uploads a queued report and records its library link. Returns the stored report, or null when there is nothing (left)
    /// to do (done before, or the report is gone). Library failures throw: the queue retries them.
    /// </summary>
    public async Task<(ReportSubmission? Report, string? Skipped)> UploadAsync(string tenantId, string reportId, CancellationToken ct)
    {
        var entry = await store.Sync.GetAsync(tenantId, Scope, reportId, ct).ConfigureAwait(false);
        if (entry?.DataJson is null || JsonSerializer.Deserialize<Pending>(entry.DataJson) is not { } p) return (null, "already stored");
        var spool = SpoolPath(tenantId, reportId);
        var report = (await store.Reports.ListByAssignmentAsync(tenantId, p.AssignmentId, ct).ConfigureAwait(false))
            .FirstOrDefault(r => string.Equals(r.ReportId, reportId, StringComparison.Ordinal));
        if (report is null || !File.Exists(spool))
        {
            var why = report is null ? "report gone" : "copy gone";
            logger.LogWarning("Queued upload of report {ReportId} in {TenantId} dropped: {Why}", reportId, tenantId, why);
            await ForgetAsync(tenantId, reportId, ct).ConfigureAwait(false);
            return (null, why);
        }
        LibraryFile stored;
        await using (var content = File.OpenRead(spool))
            stored = await library.Library.UploadReportAsync(tenantId, p.Period, p.FileName, content,
                new ReportMetadata(p.PlanNumber, p.Submitter, p.Due, report.SubmittedAt), ct).ConfigureAwait(false);
        var linked = report with { FileName = stored.Name, FileUri = stored.WebUrl };
        await store.Reports.AddAsync(linked, ct).ConfigureAwait(false);
        logger.LogInformation("Report {ReportId} of {AssignmentId} in {TenantId} stored in the library: {FileName} ({Size} bytes)",
            reportId, p.AssignmentId, tenantId, stored.Name, stored.Size);
        return (linked, null);
    }

    /// <summary>The copy and the pending record, once the upload and its sinks are done.</summary>
    public async Task ForgetAsync(string tenantId, string reportId, CancellationToken ct)
    {
        try { File.Delete(SpoolPath(tenantId, reportId)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Report copy of {ReportId} not deleted", reportId);
        }
        await store.Sync.DeleteAsync(tenantId, Scope, reportId, ct).ConfigureAwait(false);
    }
}
