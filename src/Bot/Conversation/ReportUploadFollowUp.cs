using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Conversation;

/// <summary>
/// The queued <see cref="DeliveryKinds.ReportUpload"/>: a report handed in from a card is uploaded to the reports library
/// (<see cref="ReportUploads.UploadAsync"/>), then the sinks are told it is stored (the reviewer's card links to it).
/// Library failures are retried by the queue (then Failed with the reason, in the delivery status).
/// </summary>
internal sealed class ReportUploadFollowUp(IStateStore store, ReportUploads uploads, ILogger<ReportUploadFollowUp> logger, IServiceProvider services)
    : IDeliveryFollowUp
{
    public string Kind => DeliveryKinds.ReportUpload;

    /// <summary>SharePoint kept refusing: the copy and the pending record stay; the member is told and offered "Thử lại".</summary>
    public Task OnFailedAsync(WorkItem item, DeliveryPayload payload, string reason, CancellationToken ct) =>
        services.GetService<Features.Reports.ReportUploadRetry>()?.TellFailedAsync(item, payload, ct) ?? Task.CompletedTask;

    public async Task<string?> RunAsync(WorkItem item, DeliveryPayload payload, CancellationToken ct)
    {
        if (payload.Code is not { } reportId) return "no report";
        var (report, skipped) = await uploads.UploadAsync(item.TenantId, reportId, ct).ConfigureAwait(false);
        if (report is null) return skipped;
        var a = await store.Assignments.GetAsync(item.TenantId, report.AssignmentId, ct).ConfigureAwait(false);
        var plan = a is null ? null : await store.Plans.GetAsync(item.TenantId, a.PlanId, ct).ConfigureAwait(false);
        if (a is not null && plan is not null)
        {
            // Resolved when a report is stored: the sinks (board, review) are not built with the delivery processor.
            foreach (var sink in services.GetServices<IReportHandInSink>())
            {
                try { await sink.OnReportStoredAsync(plan, a, report, ct).ConfigureAwait(false); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Report sink {Sink} failed for the stored {ReportId} of {AssignmentId} in {TenantId}", sink.GetType().Name,
                        report.ReportId, a.AssignmentId, item.TenantId);
                }
            }
        }
        await uploads.ForgetAsync(item.TenantId, reportId, ct).ConfigureAwait(false);
        return null;
    }
}
