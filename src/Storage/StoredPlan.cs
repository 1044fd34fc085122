using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage;

/// <summary>An imported plan. <see cref="Document"/> is the parsed plan; DocumentUri points at the library copy.</summary>
public sealed record StoredPlan(
    string TenantId, string PlanId, PlanDocument Document, string? DocumentUri, PlanStatus Status,
    string? HeadAadObjectId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public string? Number => Document.Number;
    public string Title => Document.Title;
}
