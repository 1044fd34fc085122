using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage;

/// <summary>The unit directory over the same database as a state store made by <see cref="StateStoreFactory"/>.</summary>
public static class UnitStores
{
    /// <summary>The unit directory of a SQL state store; null for other stores (test fakes), which then have no units.</summary>
    public static IUnitStore? TryFor(IStateStore store) => store is SqlStateStore sql ? new SqlUnitStore(sql.Db) : null;

    public static IUnitStore For(IStateStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store is SqlStateStore sql
            ? new SqlUnitStore(sql.Db)
            : throw new InvalidOperationException("Danh bạ đơn vị cần kho dữ liệu SQL / The unit directory needs a SQL state store.");
    }
}
