using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage;

/// <summary>The queue tally store over the same database as a state store made by <see cref="StateStoreFactory"/>.</summary>
public static class QueueTallyStores
{
    /// <summary>The tally store of <paramref name="store"/>, or null for a store that has none (a test double, a decorator).</summary>
    public static IQueueTallyStore? For(IStateStore store) => store switch
    {
        SqlStateStore sql => new SqlQueueTallyStore(sql.Db),
        null => throw new ArgumentNullException(nameof(store)),
        _ => null,
    };
}
