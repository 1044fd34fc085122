using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage;

/// <summary>The reach store over the same database as a state store made by <see cref="StateStoreFactory"/>.</summary>
public static class ReachStoreFactory
{
    /// <summary>The reach store of <paramref name="store"/>, or null for a store that has none (a test double).</summary>
    public static IReachStore? For(IStateStore store) => store switch
    {
        SqlStateStore sql => new SqlReachStore(sql.Db),
        IReachStoreSource source => source.Reach,
        null => throw new ArgumentNullException(nameof(store)),
        _ => null,
    };
}
