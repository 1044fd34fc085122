namespace TeamsPlans.Storage.Sql;

/// <summary>Copies the assignment into withdrawn_assignments, then deletes it and its deadline rows (plain SQL for both providers).</summary>
internal sealed class SqlAssignmentWithdrawal(SqlDb db) : IAssignmentWithdrawal
{
    public Task<bool> WithdrawAsync(string tenantId, string assignmentId, string reason, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(assignmentId);
        return db.WriteAsync(async (c, tx) =>
        {
            await using (var copy = c.Command(tx, $"""
                INSERT INTO withdrawn_assignments ({SqlAssignmentStore.Columns}, withdrawn_at, reason)
                SELECT {SqlAssignmentStore.Columns}, @at, @reason FROM assignments WHERE tenant_id = @tenant AND assignment_id = @id
                ON CONFLICT (tenant_id, assignment_id) DO NOTHING
                """))
            {
                copy.P("@at", db.TimeValue(at)).P("@reason", reason).P("@tenant", tenantId).P("@id", assignmentId);
                await copy.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await using (var rows = c.Command(tx, "DELETE FROM assignment_deadlines WHERE tenant_id = @tenant AND assignment_id = @id"))
            {
                rows.P("@tenant", tenantId).P("@id", assignmentId);
                await rows.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await using var del = c.Command(tx, "DELETE FROM assignments WHERE tenant_id = @tenant AND assignment_id = @id");
            del.P("@tenant", tenantId).P("@id", assignmentId);
            return await del.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, ct);
    }

    public Task<bool> IsWithdrawnAsync(string tenantId, string assignmentId, CancellationToken ct = default) =>
        db.ReadAsync(async c =>
        {
            await using var cmd = c.Command(null, "SELECT 1 FROM withdrawn_assignments WHERE tenant_id = @tenant AND assignment_id = @id");
            cmd.P("@tenant", tenantId).P("@id", assignmentId);
            return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
        }, ct);

    public Task<int> MaxOrdinalAsync(string tenantId, string planId, CancellationToken ct = default) =>
        db.ReadAsync(async c =>
        {
            await using var cmd = c.Command(null, "SELECT MAX(ordinal) FROM withdrawn_assignments WHERE tenant_id = @tenant AND plan_id = @plan");
            cmd.P("@tenant", tenantId).P("@plan", planId);
            var value = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return value is null or DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        }, ct);
}
