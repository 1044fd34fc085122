using TeamsPlans.Plans.Units;

namespace TeamsPlans.Storage;

/// <summary>
/// The unit directory of a tenant (issue #14). Codes are compared normalized (<see cref="Unit.NormalizeCode"/>). A unit
/// renamed, re-kinded or re-parented keeps its code and the previous values go to its history. Get it with
/// <see cref="UnitStores.For"/> from the state store.
/// </summary>
public interface IUnitStore
{
    /// <summary>Inserts or updates the units (one transaction); returns how many were new.</summary>
    Task<int> UpsertManyAsync(IReadOnlyList<Unit> units, CancellationToken ct = default);
    Task<Unit?> GetAsync(string tenantId, string code, CancellationToken ct = default);
    /// <summary>Every unit of the tenant, by code.</summary>
    Task<IReadOnlyList<Unit>> ListAsync(string tenantId, CancellationToken ct = default);
    /// <summary>The units below <paramref name="parentCode"/> at any depth (not the parent itself), of the given kinds
    /// (every kind when empty), by code.</summary>
    Task<IReadOnlyList<Unit>> ListUnderAsync(string tenantId, string parentCode, IReadOnlyCollection<UnitKind> kinds, CancellationToken ct = default);
    /// <summary>The units whose head or a contact is the member (object id or UPN), by code.</summary>
    Task<IReadOnlyList<Unit>> ListByPersonAsync(string tenantId, string aadObjectIdOrUpn, CancellationToken ct = default);
    /// <summary>The earlier names / kinds / parents of a unit, oldest first.</summary>
    Task<IReadOnlyList<UnitHistoryEntry>> HistoryAsync(string tenantId, string code, CancellationToken ct = default);
    Task<bool> DeleteAsync(string tenantId, string code, CancellationToken ct = default);
}
