namespace TeamsPlans.Storage.Sql;

/// <summary>Deletes a draft plan's assignment in one statement that checks the plan's status (plain SQL for both providers).</summary>
internal sealed class SqlDraftAssignmentRemoval(SqlDb db) : IDraftAssignmentRemoval
{
    public Task<bool> RemoveAsync(string tenantId, string planId, string assignmentId, CancellationToken ct = default) =>
        db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, """
                DELETE FROM assignments WHERE tenant_id = @tenant AND plan_id = @plan AND assignment_id = @id
                  AND EXISTS (SELECT 1 FROM plans p WHERE p.tenant_id = @tenant AND p.plan_id = @plan AND p.status = @draft)
                """);
            cmd.P("@tenant", tenantId).P("@plan", planId).P("@id", assignmentId).P("@draft", nameof(PlanStatus.Draft));
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, ct);
}
