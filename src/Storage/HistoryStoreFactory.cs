using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage;

/// <summary>The history store over the same database as a state store made by <see cref="StateStoreFactory"/>.</summary>
public static class HistoryStoreFactory
{
    public static IHistoryStore For(IStateStore store) => store switch
    {
        SqlStateStore sql => new SqlHistoryStore(sql.Db),
        IHistoryStoreSource source => source.History,
        null => throw new ArgumentNullException(nameof(store)),
        _ => throw new NotSupportedException(
            $"Kho trạng thái {store.GetType().Name} không có lịch sử / the state store {store.GetType().Name} has no history store."),
    };
}
