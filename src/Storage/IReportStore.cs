namespace TeamsPlans.Storage;

public interface IReportStore
{
    Task AddAsync(ReportSubmission report, CancellationToken ct = default);
    Task<IReadOnlyList<ReportSubmission>> ListByAssignmentAsync(string tenantId, string assignmentId, CancellationToken ct = default);
    Task<IReadOnlyList<ReportSubmission>> ListByTenantsAsync(IReadOnlyCollection<string> tenantIds, CancellationToken ct = default);
}
