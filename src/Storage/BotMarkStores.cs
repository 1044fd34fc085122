using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage;

/// <summary>The mark store over the same database as a state store made by <see cref="StateStoreFactory"/>.</summary>
public static class BotMarkStores
{
    /// <summary>The marks of a SQL state store; null for other stores (test doubles), which then keep no marks.</summary>
    public static IBotMarkStore? For(IStateStore store) => store is SqlStateStore sql ? new SqlBotMarkStore(sql.Db) : null;
}
