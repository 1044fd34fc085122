namespace TeamsPlans.Storage;

public interface IPlanStore
{
    Task UpsertAsync(StoredPlan plan, CancellationToken ct = default);
    Task<StoredPlan?> GetAsync(string tenantId, string planId, CancellationToken ct = default);
    /// <summary>By printed number ("82/KH-THPT BK"), compared without spaces and case.</summary>
    Task<StoredPlan?> FindByNumberAsync(string tenantId, string number, CancellationToken ct = default);
    Task<IReadOnlyList<StoredPlan>> ListAsync(string tenantId, CancellationToken ct = default);
    /// <summary>Plans (of any tenant the caller is allowed to see: <paramref
    /// name="tenantIds"/>) whose legal bases cite <paramref name="parentNumber"/>.</summary>
    Task<IReadOnlyList<StoredPlan>> ListImplementingAsync(IReadOnlyCollection<string> tenantIds, string parentNumber, CancellationToken ct = default);
}
