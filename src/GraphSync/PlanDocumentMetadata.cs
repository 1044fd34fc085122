namespace TeamsPlans.GraphSync;

/// <summary>Metadata kept with a plan document in the "Kế hoạch" library.</summary>
public sealed record PlanDocumentMetadata(string PlanNumber, string? Issuer, int? PlanYear, string Title, string Status);
