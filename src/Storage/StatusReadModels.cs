using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage;

/// <summary>Where the status read model of a state store comes from.</summary>
public static class StatusReadModels
{
    /// <summary>The read model over the same database as <paramref name="store"/>.</summary>
    public static IStatusReadModel Of(IStateStore store) => store switch
    {
        SqlStateStore sql => new SqlStatusReadModel(sql.Db),
        IStatusReadModelSource source => source.StatusReads,
        null => throw new ArgumentNullException(nameof(store)),
        _ => throw new NotSupportedException(
            $"Kho trạng thái {store.GetType().Name} không có mô hình đọc / The state store {store.GetType().Name} has no status read model."),
    };
}
