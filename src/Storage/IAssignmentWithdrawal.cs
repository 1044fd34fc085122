namespace TeamsPlans.Storage;

/// <summary>
/// Withdraws an assignment of a published plan that its corrected document no longer has (issue 12): the assignment and
/// its deadline rows leave the live tables, so status, roll-up and deadlines stop counting it; its row is kept in
/// <c>withdrawn_assignments</c> (migration 0004) and its history stays. Get it with <see cref="AssignmentWithdrawals.For"/>.
/// </summary>
public interface IAssignmentWithdrawal
{
    /// <summary>Moves the assignment out of the live tables in one transaction; true when it was there.</summary>
    Task<bool> WithdrawAsync(string tenantId, string assignmentId, string reason, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>True when the assignment was withdrawn (a card of it may still be clicked).</summary>
    Task<bool> IsWithdrawnAsync(string tenantId, string assignmentId, CancellationToken ct = default);

    /// <summary>The highest ordinal withdrawn from the plan (0 when none): a later addition never takes a withdrawn id.</summary>
    Task<int> MaxOrdinalAsync(string tenantId, string planId, CancellationToken ct = default);
}
