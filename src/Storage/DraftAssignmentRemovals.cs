using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage;

/// <summary>The draft-assignment removal over the same database as a state store made by <see cref="StateStoreFactory"/>.</summary>
public static class DraftAssignmentRemovals
{
    /// <summary>The removal of a SQL state store; null for other stores (test fakes), which then cannot remove.</summary>
    public static IDraftAssignmentRemoval? For(IStateStore store) => store is SqlStateStore sql ? new SqlDraftAssignmentRemoval(sql.Db) : null;
}
