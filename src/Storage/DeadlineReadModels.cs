using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage;

/// <summary>Where the deadline read model of a state store comes from.</summary>
public static class DeadlineReadModels
{
    /// <summary>The read model over the same database as <paramref name="store"/>.</summary>
    public static IDeadlineReadModel Of(IStateStore store) => store switch
    {
        SqlStateStore sql => new SqlDeadlineReadModel(sql.Db),
        IStatusReadModelSource { StatusReads: IDeadlineReadModel reads } => reads,
        null => throw new ArgumentNullException(nameof(store)),
        _ => throw new NotSupportedException(
            $"Kho trạng thái {store.GetType().Name} không có mô hình đọc hạn / The state store {store.GetType().Name} has no deadline read model."),
    };
}
