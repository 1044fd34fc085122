using System.Data.Common;
using System.Text.Json;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Storage.Sql;

/// <summary>The unit directory on SQLite and PostgreSQL (tables units, unit_history of migration 0006).</summary>
internal sealed class SqlUnitStore(SqlDb db) : IUnitStore
{
    internal const string Columns = "tenant_id, code, name, kind, parent_code, head_aad_object_id, head_upn, contacts_json, group_id, " +
        "own_tenant_id, updated_at";

    public Task<int> UpsertManyAsync(IReadOnlyList<Unit> units, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        foreach (var u in units)
        {
            if (string.IsNullOrWhiteSpace(u.TenantId) || string.IsNullOrWhiteSpace(u.Code) || string.IsNullOrWhiteSpace(u.Name))
                throw new ArgumentException("Đơn vị cần tenant, mã và tên / A unit needs a tenant, a code and a name.", nameof(units));
        }
        return db.WriteAsync(async (c, tx) =>
        {
            var added = 0;
            var now = db.Now;
            foreach (var u in units)
            {
                var code = Unit.NormalizeCode(u.Code);
                var parent = u.ParentCode is { Length: > 0 } p ? Unit.NormalizeCode(p) : null;
                var before = await GetAsync(c, tx, u.TenantId, code, ct).ConfigureAwait(false);
                if (before is null) added++;
                else if (before.Name != u.Name || before.Kind != u.Kind || before.ParentCode != parent)
                    await AppendHistoryAsync(c, tx, before, now, ct).ConfigureAwait(false);
                await using var cmd = c.Command(tx, $"""
                    INSERT INTO units ({Columns}, name_folded)
                    VALUES (@tenant, @code, @name, @kind, @parent, @head, @upn, @contacts, @group, @own, @updated, @folded)
                    ON CONFLICT (tenant_id, code) DO UPDATE SET
                      name = excluded.name, name_folded = excluded.name_folded, kind = excluded.kind, parent_code = excluded.parent_code,
                      head_aad_object_id = excluded.head_aad_object_id, head_upn = excluded.head_upn,
                      contacts_json = excluded.contacts_json, group_id = excluded.group_id, own_tenant_id = excluded.own_tenant_id,
                      updated_at = excluded.updated_at
                    """);
                cmd.P("@tenant", u.TenantId).P("@code", code).P("@name", u.Name.Trim()).P("@kind", u.Kind.ToString())
                   .P("@parent", parent).P("@head", u.Head?.AadObjectId).P("@upn", u.Head?.Upn)
                   .P("@contacts", JsonSerializer.Serialize(u.Contacts.Select(x => new[] { x.AadObjectId, x.Upn })))
                   .P("@group", u.GroupId).P("@own", u.OwnTenantId).P("@updated", db.TimeValue(now))
                   .P("@folded", UnitKinds.FoldForm(u.Name));
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            return added;
        }, ct);
    }

    private async Task AppendHistoryAsync(DbConnection c, DbTransaction tx, Unit before, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = c.Command(tx, """
            INSERT INTO unit_history (tenant_id, code, seq, name, kind, parent_code, valid_until)
            SELECT @tenant, @code, COALESCE(MAX(seq), 0) + 1, @name, @kind, @parent, @until
              FROM unit_history WHERE tenant_id = @tenant AND code = @code
            """);
        cmd.P("@tenant", before.TenantId).P("@code", before.Code).P("@name", before.Name).P("@kind", before.Kind.ToString())
           .P("@parent", before.ParentCode).P("@until", db.TimeValue(now));
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task<Unit?> GetAsync(DbConnection c, DbTransaction? tx, string tenantId, string code, CancellationToken ct)
    {
        await using var cmd = c.Command(tx, $"SELECT {Columns} FROM units WHERE tenant_id = @tenant AND code = @code");
        cmd.P("@tenant", tenantId).P("@code", code);
        return await cmd.FirstAsync(Map, ct).ConfigureAwait(false);
    }

    public Task<Unit?> GetAsync(string tenantId, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return db.ReadAsync(c => GetAsync(c, null, tenantId, Unit.NormalizeCode(code), ct), ct);
    }

    public Task<IReadOnlyList<Unit>> ListAsync(string tenantId, CancellationToken ct = default) =>
        QueryAsync($"SELECT {Columns} FROM units WHERE tenant_id = @tenant ORDER BY code", cmd => cmd.P("@tenant", tenantId), ct);

    public Task<IReadOnlyList<Unit>> ListUnderAsync(string tenantId, string parentCode, IReadOnlyCollection<UnitKind> kinds,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(parentCode);
        ArgumentNullException.ThrowIfNull(kinds);
        var parent = Unit.NormalizeCode(parentCode);
        return QueryAsync(null, cmd =>
        {
            var kindFilter = kinds.Count == 0 ? "" : $" AND u.kind IN ({cmd.InList("k", kinds.Select(k => k.ToString()))})";
            cmd.CommandText = $"""
                WITH RECURSIVE below(code, depth) AS (
                  SELECT code, 1 FROM units WHERE tenant_id = @tenant AND parent_code = @parent
                  UNION
                  SELECT u.code, b.depth + 1 FROM units u JOIN below b ON u.parent_code = b.code
                   WHERE u.tenant_id = @tenant AND b.depth < 16
                )
                SELECT {string.Join(", ", Columns.Split(", ").Select(x => "u." + x))}
                  FROM units u WHERE u.tenant_id = @tenant AND u.code IN (SELECT code FROM below){kindFilter}
                 ORDER BY u.code
                """;
            cmd.P("@tenant", tenantId).P("@parent", parent);
        }, ct);
    }

    public async Task<IReadOnlyList<Unit>> ListByPersonAsync(string tenantId, string aadObjectIdOrUpn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(aadObjectIdOrUpn);
        var all = await ListAsync(tenantId, ct).ConfigureAwait(false);
        return all.Where(u => u.Recipients.Any(r =>
                string.Equals(r.AadObjectId, aadObjectIdOrUpn, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(r.Upn, aadObjectIdOrUpn, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    public Task<IReadOnlyList<UnitHistoryEntry>> HistoryAsync(string tenantId, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return db.ReadAsync<IReadOnlyList<UnitHistoryEntry>>(async c =>
        {
            await using var cmd = c.Command(null, "SELECT tenant_id, code, name, kind, parent_code, " +
                "valid_until FROM unit_history WHERE tenant_id = @tenant AND code = @code ORDER BY seq");
            cmd.P("@tenant", tenantId).P("@code", Unit.NormalizeCode(code));
            return await cmd.ListAsync(r => new UnitHistoryEntry(r.Str("tenant_id"), r.Str("code"), r.Str("name"),
                ReadKind(r.Str("kind")), r.StringOrNull("parent_code"), db.ReadTime(r, r.GetOrdinal("valid_until"))), ct).ConfigureAwait(false);
        }, ct);
    }

    public Task<bool> DeleteAsync(string tenantId, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return db.WriteAsync(async (c, tx) =>
        {
            var before = await GetAsync(c, tx, tenantId, Unit.NormalizeCode(code), ct).ConfigureAwait(false);
            if (before is null) return false;
            await AppendHistoryAsync(c, tx, before, db.Now, ct).ConfigureAwait(false);
            await using var cmd = c.Command(tx, "DELETE FROM units WHERE tenant_id = @tenant AND code = @code");
            cmd.P("@tenant", tenantId).P("@code", before.Code);
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
        }, ct);
    }

    private Task<IReadOnlyList<Unit>> QueryAsync(string? sql, Action<DbCommand> bind, CancellationToken ct) =>
        db.ReadAsync<IReadOnlyList<Unit>>(async c =>
        {
            await using var cmd = c.Command(null, sql ?? "");
            bind(cmd);
            return await cmd.ListAsync(Map, ct).ConfigureAwait(false);
        }, ct);

    private static UnitKind ReadKind(string s) => Enum.TryParse<UnitKind>(s, out var k) ? k : UnitKind.Other;

    internal Unit Map(DbDataReader r)
    {
        var head = r.StringOrNull("head_aad_object_id") is var id && r.StringOrNull("head_upn") is var upn && (id ?? upn) is not null
            ? new UnitContact(id, upn) : null;
        var contacts = JsonSerializer.Deserialize<string?[][]>(r.Str("contacts_json")) ?? [];
        return new Unit(r.Str("tenant_id"), r.Str("code"), r.Str("name"), ReadKind(r.Str("kind")), r.StringOrNull("parent_code"))
        {
            Head = head,
            Contacts = contacts.Where(x => x.Length == 2).Select(x => new UnitContact(x[0], x[1])).ToList(),
            GroupId = r.StringOrNull("group_id"),
            OwnTenantId = r.StringOrNull("own_tenant_id"),
            UpdatedAt = db.ReadTime(r, r.GetOrdinal("updated_at")),
        };
    }
}
