namespace TeamsPlans.GraphSync;

/// <summary>Metadata kept with a report in the "Báo cáo" library.</summary>
public sealed record ReportMetadata(string PlanNumber, string Assignee, DateOnly? Deadline, DateTimeOffset SubmittedAt);
