namespace TeamsPlans.Storage;

/// <summary>A report with the plan its assignment belongs to (roll-up read model).</summary>
public sealed record PlanReport(string PlanId, ReportSubmission Report);
