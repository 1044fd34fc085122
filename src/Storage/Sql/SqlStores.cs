using System.Data.Common;
using Microsoft.Extensions.Logging;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage.Sql;

/// <summary>The state store over one provider (<see cref="SqlDb"/>). Construct through <see cref="StateStoreFactory"/>.</summary>
/// <remarks>Also IDisposable, so a ServiceProvider disposed synchronously does not throw.</remarks>
internal sealed class SqlStateStore : IStateStore, IDisposable
{
    private readonly SqlDb _db;

    public SqlStateStore(SqlDb db)
    {
        _db = db;
        Plans = new SqlPlanStore(db);
        Members = new SqlMemberStore(db);
        Conversations = new SqlConversationStore(db);
        Assignments = new SqlAssignmentStore(db);
        Reports = new SqlReportStore(db);
        Queue = new SqlWorkQueue(db);
        Sync = new SqlSyncStateStore(db);
        Instances = new SqlInstanceRegistry(db);
    }

    public string Provider => _db.Provider;
    internal SqlDb Db => _db;
    public IPlanStore Plans { get; }
    public IMemberStore Members { get; }
    public IConversationStore Conversations { get; }
    public IAssignmentStore Assignments { get; }
    public IReportStore Reports { get; }
    public IWorkQueue Queue { get; }
    public ISyncStateStore Sync { get; }
    public IInstanceRegistry Instances { get; }

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await _db.MigrateAsync(ct).ConfigureAwait(false);
        await SqlDeadlineIndex.CatchUpAsync(_db, ct).ConfigureAwait(false);
    }

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            return await _db.ReadAsync(async c =>
            {
                await using var cmd = c.Command(null, "SELECT 1");
                return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false),
                    System.Globalization.CultureInfo.InvariantCulture) == 1;
            }, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException or IOException)
        {
            _db.Logger.LogWarning(ex, "State store {Provider} ping failed", _db.Provider);
            return false;
        }
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    public void Dispose() => _db.Dispose();
}

internal sealed class SqlPlanStore(SqlDb db) : IPlanStore
{
    internal const string Columns = "tenant_id, plan_id, number, number_norm, title, document_json, document_uri, status, head_aad_object_id, " +
        "created_at, updated_at";

    public Task UpsertAsync(StoredPlan plan, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Require(plan.TenantId, nameof(plan.TenantId));
        Require(plan.PlanId, nameof(plan.PlanId));
        var json = StorageJson.Serialize(plan.Document);
        var cited = plan.Document.LegalBases
            .Select(b => PlanNumbers.Normalize(b.Number))
            .Where(n => n is not null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return db.WriteAsync(async (c, tx) =>
        {
            await using (var cmd = c.Command(tx, $"""
                INSERT INTO plans ({Columns})
                VALUES (@tenant, @plan, @number, @norm, @title, @doc, @uri, @status, @head, @created, @updated)
                ON CONFLICT (tenant_id, plan_id) DO UPDATE SET
                  number = excluded.number, number_norm = excluded.number_norm, title = excluded.title,
                  document_json = excluded.document_json, document_uri = excluded.document_uri, status = excluded.status,
                  head_aad_object_id = excluded.head_aad_object_id, updated_at = excluded.updated_at
                """))
            {
                cmd.P("@tenant", plan.TenantId).P("@plan", plan.PlanId).P("@number", plan.Document.Number)
                   .P("@norm", PlanNumbers.Normalize(plan.Document.Number)).P("@title", plan.Document.Title ?? "")
                   .P("@uri", plan.DocumentUri).P("@status", plan.Status.ToString()).P("@head", plan.HeadAadObjectId)
                   .P("@created", db.TimeValue(plan.CreatedAt)).P("@updated", db.TimeValue(plan.UpdatedAt));
                db.AddJson(cmd, "@doc", json);
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await using (var del = c.Command(tx, "DELETE FROM plan_citations WHERE tenant_id = @tenant AND plan_id = @plan"))
            {
                del.P("@tenant", plan.TenantId).P("@plan", plan.PlanId);
                await del.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            foreach (var n in cited)
            {
                await using var ins = c.Command(tx, "INSERT INTO plan_citations (tenant_id, plan_id, cited_number_norm) VALUES (@tenant, @plan, @n)");
                ins.P("@tenant", plan.TenantId).P("@plan", plan.PlanId).P("@n", n);
                await ins.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await SqlDeadlineIndex.SetPlanAsync(c, tx, plan, ct).ConfigureAwait(false);
            return 0;
        }, ct);
    }

    public Task<StoredPlan?> GetAsync(string tenantId, string planId, CancellationToken ct = default) =>
        db.ReadAsync(async c =>
        {
            await using var cmd = c.Command(null, $"SELECT {Columns} FROM plans WHERE tenant_id = @tenant AND plan_id = @plan");
            cmd.P("@tenant", tenantId).P("@plan", planId);
            return await cmd.FirstAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    public Task<StoredPlan?> FindByNumberAsync(string tenantId, string number, CancellationToken ct = default)
    {
        var norm = PlanNumbers.Normalize(number);
        if (norm is null) return Task.FromResult<StoredPlan?>(null);
        return db.ReadAsync(async c =>
        {
            await using var cmd = c.Command(null,
                $"SELECT {Columns} FROM plans WHERE tenant_id = @tenant AND number_norm = @norm ORDER BY updated_at DESC, plan_id LIMIT 1");
            cmd.P("@tenant", tenantId).P("@norm", norm);
            return await cmd.FirstAsync(Map, ct).ConfigureAwait(false);
        }, ct);
    }

    public Task<IReadOnlyList<StoredPlan>> ListAsync(string tenantId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<StoredPlan>>(async c =>
        {
            await using var cmd = c.Command(null, $"SELECT {Columns} FROM plans WHERE tenant_id = @tenant ORDER BY created_at, plan_id");
            cmd.P("@tenant", tenantId);
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    public Task<IReadOnlyList<StoredPlan>> ListImplementingAsync(IReadOnlyCollection<string> tenantIds, string parentNumber,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tenantIds);
        var norm = PlanNumbers.Normalize(parentNumber);
        var tenants = tenantIds.Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal).ToList();
        if (norm is null || tenants.Count == 0) return Task.FromResult<IReadOnlyList<StoredPlan>>([]);
        return db.ReadAsync<IReadOnlyList<StoredPlan>>(async c =>
        {
            await using var cmd = c.Command(null, "");
            var inList = cmd.InList("t", tenants);
            cmd.P("@norm", norm);
            cmd.CommandText = $"""
                SELECT {string.Join(", ", Columns.Split(", ").Select(col => "p." + col))}
                FROM plans p
                WHERE p.tenant_id IN ({inList})
                  AND EXISTS (SELECT 1 FROM plan_citations pc
                              WHERE pc.tenant_id = p.tenant_id AND pc.plan_id = p.plan_id AND pc.cited_number_norm = @norm)
                ORDER BY p.tenant_id, p.created_at, p.plan_id
                """;
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);
    }

    internal StoredPlan Map(DbDataReader r) => new(
        r.Str("tenant_id"), r.Str("plan_id"), StorageJson.Deserialize<PlanDocument>(r.Str("document_json")),
        r.StringOrNull("document_uri"), Enum.Parse<PlanStatus>(r.Str("status")), r.StringOrNull("head_aad_object_id"),
        db.ReadTime(r, r.GetOrdinal("created_at")), db.ReadTime(r, r.GetOrdinal("updated_at")));

    internal static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} is required.", name);
    }
}

internal sealed class SqlMemberStore(SqlDb db) : IMemberStore
{
    internal const string Columns = "tenant_id, aad_object_id, display_name, email, job_title, department, roles, locale, language";

    public Task UpsertAsync(Member member, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        SqlPlanStore.Require(member.TenantId, nameof(member.TenantId));
        SqlPlanStore.Require(member.AadObjectId, nameof(member.AadObjectId));
        return db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, $"""
                INSERT INTO members ({Columns}, updated_at)
                VALUES (@tenant, @id, @name, @email, @job, @dept, @roles, @locale, @language, @now)
                ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET
                  display_name = excluded.display_name, email = excluded.email, job_title = excluded.job_title,
                  department = excluded.department, roles = excluded.roles, locale = excluded.locale, updated_at = excluded.updated_at
                """);
            cmd.P("@tenant", member.TenantId).P("@id", member.AadObjectId).P("@name", member.DisplayName).P("@email", member.Email)
               .P("@job", member.JobTitle).P("@dept", member.Department).P("@roles", (int)member.Roles).P("@locale", member.Locale)
               .P("@language", member.Language).P("@now", db.TimeValue(db.Now));
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);
    }

    public Task<Member?> GetAsync(string tenantId, string aadObjectId, CancellationToken ct = default) =>
        db.ReadAsync(async c =>
        {
            await using var cmd = c.Command(null, $"SELECT {Columns} FROM members WHERE tenant_id = @tenant AND aad_object_id = @id");
            cmd.P("@tenant", tenantId).P("@id", aadObjectId);
            return await cmd.FirstAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    public Task<IReadOnlyList<Member>> ListAsync(string tenantId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<Member>>(async c =>
        {
            await using var cmd = c.Command(null, $"SELECT {Columns} FROM members WHERE tenant_id = @tenant");
            cmd.P("@tenant", tenantId);
            var list = await cmd.ListAsync(Map, ct).ConfigureAwait(false);
            // Ordinal order in code so both providers agree regardless of database collation.
            return list.OrderBy(m => m.DisplayName, StringComparer.Ordinal).ThenBy(m => m.AadObjectId, StringComparer.Ordinal).ToList();
        }, ct);

    public Task<bool> SetLanguageAsync(string tenantId, string aadObjectId, string? language, CancellationToken ct = default)
    {
        if (language is not (null or "vi" or "en")) throw new ArgumentOutOfRangeException(nameof(language), language, "Expected vi, en or null.");
        return db.WriteAsync(async (c, tx) =>
        {
            await using var cmd =
                c.Command(tx, "UPDATE members SET language = @language, updated_at = @now WHERE tenant_id = @tenant AND aad_object_id = @id");
            cmd.P("@language", language).P("@now", db.TimeValue(db.Now)).P("@tenant", tenantId).P("@id", aadObjectId);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, ct);
    }

    internal static Member Map(DbDataReader r) => new(
        r.Str("tenant_id"), r.Str("aad_object_id"), r.Str("display_name"), r.StringOrNull("email"), r.StringOrNull("job_title"),
        r.StringOrNull("department"), (MemberRoles)r.Int("roles"), r.StringOrNull("locale"))
    {
        Language = r.StringOrNull("language"),
    };
}

internal sealed class SqlConversationStore(SqlDb db) : IConversationStore
{
    private const string Columns = "tenant_id, aad_object_id, user_id, conversation_id, service_url, bot_id, channel_id, updated_at, blocked, " +
        "blocked_reason";

    public Task UpsertAsync(ConversationRef reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        SqlPlanStore.Require(reference.TenantId, nameof(reference.TenantId));
        SqlPlanStore.Require(reference.AadObjectId, nameof(reference.AadObjectId));
        return db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, $"""
                INSERT INTO conversations ({Columns})
                VALUES (@tenant, @id, @user, @conv, @url, @bot, @channel, @updated, @blocked, @reason)
                ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET
                  user_id = excluded.user_id, conversation_id = excluded.conversation_id, service_url = excluded.service_url,
                  bot_id = excluded.bot_id, channel_id = excluded.channel_id, updated_at = excluded.updated_at,
                  blocked = excluded.blocked, blocked_reason = excluded.blocked_reason
                """);
            cmd.P("@tenant", reference.TenantId).P("@id", reference.AadObjectId).P("@user", reference.UserId)
               .P("@conv", reference.ConversationId).P("@url", reference.ServiceUrl).P("@bot", reference.BotId)
               .P("@channel", reference.ChannelId).P("@updated", db.TimeValue(reference.UpdatedAt))
               .P("@blocked", reference.Blocked).P("@reason", reference.BlockedReason);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);
    }

    public Task<ConversationRef?> GetAsync(string tenantId, string aadObjectId, CancellationToken ct = default) =>
        db.ReadAsync(async c =>
        {
            await using var cmd = c.Command(null, $"SELECT {Columns} FROM conversations WHERE tenant_id = @tenant AND aad_object_id = @id");
            cmd.P("@tenant", tenantId).P("@id", aadObjectId);
            return await cmd.FirstAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    public Task MarkBlockedAsync(string tenantId, string aadObjectId, string reason, CancellationToken ct = default) =>
        db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, "UPDATE conversations SET blocked = @blocked, blocked_reason = @reason, " +
                "updated_at = @now WHERE tenant_id = @tenant AND aad_object_id = @id");
            cmd.P("@blocked", true).P("@reason", reason).P("@now", db.TimeValue(db.Now)).P("@tenant", tenantId).P("@id", aadObjectId);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);

    public Task<IReadOnlyList<ConversationRef>> ListAsync(string tenantId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<ConversationRef>>(async c =>
        {
            await using var cmd = c.Command(null, $"SELECT {Columns} FROM conversations WHERE tenant_id = @tenant ORDER BY aad_object_id");
            cmd.P("@tenant", tenantId);
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    private ConversationRef Map(DbDataReader r) => new(
        r.Str("tenant_id"), r.Str("aad_object_id"), r.Str("user_id"), r.Str("conversation_id"), r.Str("service_url"),
        r.Str("bot_id"), r.Str("channel_id"), db.ReadTime(r, r.GetOrdinal("updated_at")), r.Bool("blocked"), r.StringOrNull("blocked_reason"));
}

internal sealed class SqlAssignmentStore(SqlDb db) : IAssignmentStore
{
    internal const string Columns = "tenant_id, assignment_id, plan_id, ordinal, assignee_json, duty, deadlines_json, member_aad_object_id, "
        + "status, percent_complete, version, acknowledged_at, completed_at, last_comment, card_activity_id, card_conversation_id, updated_at";

    public Task UpsertManyAsync(IReadOnlyList<AssignmentRecord> assignments, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        if (assignments.Count == 0) return Task.CompletedTask;
        foreach (var a in assignments)
        {
            SqlPlanStore.Require(a.TenantId, nameof(a.TenantId));
            SqlPlanStore.Require(a.AssignmentId, nameof(a.AssignmentId));
            ArgumentNullException.ThrowIfNull(a.State);
        }
        return db.WriteAsync(async (c, tx) =>
        {
            foreach (var a in assignments)
            {
                await using var cmd = c.Command(tx, $"""
                    INSERT INTO assignments ({Columns})
                    VALUES (@tenant, @id, @plan, @ordinal, @assignee, @duty, @deadlines, @member, @status, @percent, @version,
                            @ack, @done, @comment, @cardActivity, @cardConversation, @updated)
                    ON CONFLICT (tenant_id, assignment_id) DO UPDATE SET
                      plan_id = excluded.plan_id, ordinal = excluded.ordinal, assignee_json = excluded.assignee_json, duty = excluded.duty,
                      deadlines_json = excluded.deadlines_json, member_aad_object_id = excluded.member_aad_object_id,
                      status = excluded.status, percent_complete = excluded.percent_complete, version = excluded.version,
                      acknowledged_at = excluded.acknowledged_at, completed_at = excluded.completed_at, last_comment = excluded.last_comment,
                      card_activity_id = excluded.card_activity_id, card_conversation_id = excluded.card_conversation_id,
                      updated_at = excluded.updated_at
                    """);
                cmd.P("@tenant", a.TenantId).P("@id", a.AssignmentId).P("@plan", a.PlanId).P("@ordinal", a.Ordinal)
                   .P("@duty", a.Duty).P("@member", a.MemberAadObjectId)
                   .P("@cardActivity", a.CardActivityId).P("@cardConversation", a.CardConversationId)
                   .P("@updated", db.TimeValue(a.UpdatedAt));
                AddState(cmd, a.State);
                db.AddJson(cmd, "@assignee", StorageJson.Serialize(a.Assignee));
                db.AddJson(cmd, "@deadlines", StorageJson.Serialize(a.Deadlines ?? []));
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await SqlDeadlineIndex.WriteAsync(db, c, tx, assignments, ct).ConfigureAwait(false);
            return 0;
        }, ct);
    }

    private void AddState(DbCommand cmd, AssignmentState s) =>
        cmd.P("@status", s.Status.ToString()).P("@percent", s.PercentComplete).P("@version", s.Version)
           .P("@ack", db.TimeValue(s.AcknowledgedAt)).P("@done", db.TimeValue(s.CompletedAt)).P("@comment", s.LastComment);

    public Task<AssignmentRecord?> GetAsync(string tenantId, string assignmentId, CancellationToken ct = default) =>
        db.ReadAsync(c => GetAsync(c, null, tenantId, assignmentId, ct), ct);

    private async Task<AssignmentRecord?> GetAsync(DbConnection c, DbTransaction? tx, string tenantId, string assignmentId, CancellationToken ct)
    {
        await using var cmd = c.Command(tx, $"SELECT {Columns} FROM assignments WHERE tenant_id = @tenant AND assignment_id = @id");
        cmd.P("@tenant", tenantId).P("@id", assignmentId);
        return await cmd.FirstAsync(Map, ct).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<AssignmentRecord>> ListByPlanAsync(string tenantId, string planId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<AssignmentRecord>>(async c =>
        {
            await using var cmd =
                c.Command(null, $"SELECT {Columns} FROM assignments WHERE tenant_id = @tenant AND plan_id = @plan ORDER BY ordinal, assignment_id");
            cmd.P("@tenant", tenantId).P("@plan", planId);
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    public Task<IReadOnlyList<AssignmentRecord>> ListByMemberAsync(string tenantId, string aadObjectId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<AssignmentRecord>>(async c =>
        {
            await using var cmd = c.Command(null, $"SELECT {Columns} FROM assignments WHERE tenant_id = @tenant AND member_aad_object_id = @member " +
                "ORDER BY plan_id, ordinal, assignment_id");
            cmd.P("@tenant", tenantId).P("@member", aadObjectId);
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    public Task<(bool Updated, AssignmentRecord? Current)> TryUpdateStateAsync(string tenantId, string assignmentId, int expectedVersion,
        AssignmentState newState, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(newState);
        return db.WriteAsync(async (c, tx) =>
        {
            int n;
            await using (var cmd = c.Command(tx, """
                UPDATE assignments SET status = @status, percent_complete = @percent, version = @version,
                  acknowledged_at = @ack, completed_at = @done, last_comment = @comment, updated_at = @now
                WHERE tenant_id = @tenant AND assignment_id = @id AND version = @expected
                """))
            {
                AddState(cmd, newState);
                cmd.P("@now", db.TimeValue(db.Now)).P("@tenant", tenantId).P("@id", assignmentId).P("@expected", expectedVersion);
                n = await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            if (n == 1) await SqlDeadlineIndex.SetOpenAsync(c, tx, tenantId, assignmentId, newState, ct).ConfigureAwait(false);
            var current = await GetAsync(c, tx, tenantId, assignmentId, ct).ConfigureAwait(false);
            if (n == 1) db.Logger.LogDebug("Assignment {TenantId}/{AssignmentId} state {Status} v{Version}", tenantId, assignmentId, newState.Status,
                newState.Version);
            return (n == 1, current);
        }, ct);
    }

    public Task SetMemberAsync(string tenantId, string assignmentId, string? aadObjectId, CancellationToken ct = default) =>
        db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx,
                "UPDATE assignments SET member_aad_object_id = @member, updated_at = @now WHERE tenant_id = @tenant AND assignment_id = @id");
            cmd.P("@member", aadObjectId).P("@now", db.TimeValue(db.Now)).P("@tenant", tenantId).P("@id", assignmentId);
            await SqlDeadlineIndex.SetMemberAsync(c, tx, tenantId, assignmentId, aadObjectId, ct).ConfigureAwait(false);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);

    public Task SetCardAsync(string tenantId, string assignmentId, string activityId, string conversationId, CancellationToken ct = default) =>
        db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, "UPDATE assignments SET card_activity_id = @activity, card_conversation_id = @conv, " +
                "updated_at = @now WHERE tenant_id = @tenant AND assignment_id = @id");
            cmd.P("@activity", activityId).P("@conv", conversationId).P("@now", db.TimeValue(db.Now)).P("@tenant", tenantId).P("@id", assignmentId);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);

    internal AssignmentRecord Map(DbDataReader r) => new(
        r.Str("tenant_id"), r.Str("assignment_id"), r.Str("plan_id"), r.Int("ordinal"),
        StorageJson.Deserialize<Assignee>(r.Str("assignee_json")), r.Str("duty"),
        StorageJson.Deserialize<List<Deadline>>(r.Str("deadlines_json")), r.StringOrNull("member_aad_object_id"),
        new AssignmentState(Enum.Parse<AssignmentStatus>(r.Str("status")), r.Int("percent_complete"), r.Int("version"),
            db.ReadTimeOrNull(r, r.GetOrdinal("acknowledged_at")), db.ReadTimeOrNull(r, r.GetOrdinal("completed_at")),
                r.StringOrNull("last_comment")),
        db.ReadTime(r, r.GetOrdinal("updated_at")))
    {
        CardActivityId = r.StringOrNull("card_activity_id"),
        CardConversationId = r.StringOrNull("card_conversation_id"),
    };
}

internal sealed class SqlReportStore(SqlDb db) : IReportStore
{
    internal const string Columns = "tenant_id, report_id, assignment_id, period, file_name, file_uri, submitted_by, submitted_at";

    public Task AddAsync(ReportSubmission report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        SqlPlanStore.Require(report.TenantId, nameof(report.TenantId));
        SqlPlanStore.Require(report.ReportId, nameof(report.ReportId));
        return db.WriteAsync(async (c, tx) =>
        {
            // A report id is written once; re-adding the same id (a replayed submission) replaces the row.
            await using var cmd = c.Command(tx, $"""
                INSERT INTO reports ({Columns}) VALUES (@tenant, @id, @assignment, @period, @file, @uri, @by, @at)
                ON CONFLICT (tenant_id, report_id) DO UPDATE SET
                  assignment_id = excluded.assignment_id, period = excluded.period, file_name = excluded.file_name,
                  file_uri = excluded.file_uri, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at
                """);
            cmd.P("@tenant", report.TenantId).P("@id", report.ReportId).P("@assignment", report.AssignmentId).P("@period", report.Period)
               .P("@file", report.FileName).P("@uri", report.FileUri).P("@by", report.SubmittedBy).P("@at", db.TimeValue(report.SubmittedAt));
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);
    }

    public Task<IReadOnlyList<ReportSubmission>> ListByAssignmentAsync(string tenantId, string assignmentId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<ReportSubmission>>(async c =>
        {
            await using var cmd = c.Command(null,
                $"SELECT {Columns} FROM reports WHERE tenant_id = @tenant AND assignment_id = @assignment ORDER BY submitted_at, report_id");
            cmd.P("@tenant", tenantId).P("@assignment", assignmentId);
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    public Task<IReadOnlyList<ReportSubmission>> ListByTenantsAsync(IReadOnlyCollection<string> tenantIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tenantIds);
        var tenants = tenantIds.Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal).ToList();
        if (tenants.Count == 0) return Task.FromResult<IReadOnlyList<ReportSubmission>>([]);
        return db.ReadAsync<IReadOnlyList<ReportSubmission>>(async c =>
        {
            await using var cmd = c.Command(null, "");
            cmd.CommandText = $"SELECT {Columns} FROM reports WHERE tenant_id IN ({cmd.InList("t", tenants)}) ORDER BY tenant_id, submitted_at, " +
                "report_id";
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);
    }

    internal ReportSubmission Map(DbDataReader r) => new(
        r.Str("tenant_id"), r.Str("report_id"), r.Str("assignment_id"), r.Str("period"), r.Str("file_name"), r.StringOrNull("file_uri"),
        r.Str("submitted_by"), db.ReadTime(r, r.GetOrdinal("submitted_at")));
}

internal sealed class SqlSyncStateStore(SqlDb db) : ISyncStateStore
{
    private const string Columns = "tenant_id, scope, entry_key, remote_id, etag, data_json, updated_at";

    public Task<SyncEntry?> GetAsync(string tenantId, string scope, string key, CancellationToken ct = default) =>
        db.ReadAsync(async c =>
        {
            await using var cmd =
                c.Command(null, $"SELECT {Columns} FROM sync_entries WHERE tenant_id = @tenant AND scope = @scope AND entry_key = @key");
            cmd.P("@tenant", tenantId).P("@scope", scope).P("@key", key);
            return await cmd.FirstAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    public Task PutAsync(SyncEntry entry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        SqlPlanStore.Require(entry.TenantId, nameof(entry.TenantId));
        return db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, $"""
                INSERT INTO sync_entries ({Columns}) VALUES (@tenant, @scope, @key, @remote, @etag, @data, @updated)
                ON CONFLICT (tenant_id, scope, entry_key) DO UPDATE SET
                  remote_id = excluded.remote_id, etag = excluded.etag, data_json = excluded.data_json, updated_at = excluded.updated_at
                """);
            cmd.P("@tenant", entry.TenantId).P("@scope", entry.Scope).P("@key", entry.Key).P("@remote", entry.RemoteId)
               .P("@etag", entry.ETag).P("@data", entry.DataJson).P("@updated", db.TimeValue(entry.UpdatedAt));
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);
    }

    public Task<IReadOnlyList<SyncEntry>> ListAsync(string tenantId, string scope, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<SyncEntry>>(async c =>
        {
            await using var cmd =
                c.Command(null, $"SELECT {Columns} FROM sync_entries WHERE tenant_id = @tenant AND scope = @scope ORDER BY entry_key");
            cmd.P("@tenant", tenantId).P("@scope", scope);
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    public Task DeleteAsync(string tenantId, string scope, string key, CancellationToken ct = default) =>
        db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, "DELETE FROM sync_entries WHERE tenant_id = @tenant AND scope = @scope AND entry_key = @key");
            cmd.P("@tenant", tenantId).P("@scope", scope).P("@key", key);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);

    private SyncEntry Map(DbDataReader r) => new(
        r.Str("tenant_id"), r.Str("scope"), r.Str("entry_key"), r.Str("remote_id"), r.StringOrNull("etag"), r.StringOrNull("data_json"),
        db.ReadTime(r, r.GetOrdinal("updated_at")));
}

internal sealed class SqlInstanceRegistry(SqlDb db) : IInstanceRegistry
{
    public Task<int> HeartbeatAsync(string instanceId, TimeSpan ttl, CancellationToken ct = default)
    {
        SqlPlanStore.Require(instanceId, nameof(instanceId));
        if (ttl <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "Expected a positive time to live.");
        return db.WriteAsync(async (c, tx) =>
        {
            var now = db.Now;
            await using (var up = c.Command(tx, """
                INSERT INTO instances (instance_id, started_at, heartbeat_at) VALUES (@id, @now, @now)
                ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
                """))
                await up.P("@id", instanceId).P("@now", db.TimeValue(now)).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await using (var gone = c.Command(tx, "DELETE FROM instances WHERE heartbeat_at < @forgotten"))
                await gone.P("@forgotten", db.TimeValue(now - ttl * 10)).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await using var count = c.Command(tx, "SELECT COUNT(*) FROM instances WHERE heartbeat_at >= @live");
            count.P("@live", db.TimeValue(now - ttl));
            return Convert.ToInt32(await count.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }, ct);
    }

    public Task LeaveAsync(string instanceId, CancellationToken ct = default) =>
        db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, "DELETE FROM instances WHERE instance_id = @id");
            return await cmd.P("@id", instanceId).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);

    public Task PauseTenantAsync(string tenantId, DateTimeOffset until, CancellationToken ct = default)
    {
        SqlPlanStore.Require(tenantId, nameof(tenantId));
        return db.WriteAsync(async (c, tx) =>
        {
            await using var cmd = c.Command(tx, """
                INSERT INTO tenant_pauses (tenant_id, paused_until) VALUES (@tenant, @until)
                ON CONFLICT (tenant_id) DO UPDATE SET paused_until =
                  CASE WHEN excluded.paused_until > tenant_pauses.paused_until THEN excluded.paused_until ELSE tenant_pauses.paused_until END
                """);
            return await cmd.P("@tenant", tenantId).P("@until", db.TimeValue(SqlDb.Truncate(until))).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, ct);
    }

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> ActivePausesAsync(CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyDictionary<string, DateTimeOffset>>(async c =>
        {
            await using var cmd = c.Command(null, "SELECT tenant_id, paused_until FROM tenant_pauses WHERE paused_until > @now");
            cmd.P("@now", db.TimeValue(db.Now));
            var rows = await cmd.ListAsync(r => (Tenant: r.Str("tenant_id"), Until: db.ReadTime(r, r.GetOrdinal("paused_until"))), ct)
                .ConfigureAwait(false);
            return rows.ToDictionary(x => x.Tenant, x => x.Until, StringComparer.Ordinal);
        }, ct);
}
