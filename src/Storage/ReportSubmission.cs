namespace TeamsPlans.Storage;

public sealed record ReportSubmission(
    string TenantId, string ReportId, string AssignmentId, string Period, string FileName, string? FileUri,
    string SubmittedBy, DateTimeOffset SubmittedAt);
