using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage;

/// <summary>The unit roll-up store over the same database as a state store made by <see cref="StateStoreFactory"/>.</summary>
public static class UnitRollupStores
{
    /// <summary>The store of a SQL state store; null for other stores (test fakes).</summary>
    public static IUnitRollupStore? TryFor(IStateStore store) => store is SqlStateStore sql ? new SqlUnitRollupStore(sql.Db) : null;

    public static IUnitRollupStore For(IStateStore store) => TryFor(store ?? throw new ArgumentNullException(nameof(store)))
        ?? throw new InvalidOperationException("Tổng hợp đơn vị cần kho dữ liệu SQL / The unit roll-up needs a SQL state store.");
}
