namespace TeamsPlans.Storage;

/// <summary>
/// What lists of plans show without their document: number, title, status, and the document's issuer and issue date
/// (read by the database from the stored document; see <see cref="IStatusReadModel"/>).
/// </summary>
public sealed record PlanHeader(string TenantId, string PlanId, string? Number, string Title, PlanStatus Status, string? Issuer, DateOnly? IssuedOn)
{
    /// <summary>The header of a plan already read.</summary>
    public static PlanHeader Of(StoredPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.TenantId, plan.PlanId, plan.Number, plan.Title, plan.Status, plan.Document.Issuer, plan.Document.IssuedOn);
    }
}
