using TeamsPlans.Storage.Sql;

namespace TeamsPlans.Storage;

/// <summary>The assignment withdrawal over the same database as a state store made by <see cref="StateStoreFactory"/>.</summary>
public static class AssignmentWithdrawals
{
    /// <summary>The withdrawal of a SQL state store; null for other stores (test fakes), which then cannot withdraw.</summary>
    public static IAssignmentWithdrawal? For(IStateStore store) => store is SqlStateStore sql ? new SqlAssignmentWithdrawal(sql.Db) : null;
}
