using Microsoft.Extensions.Logging;
using TeamsPlans.Plans.Reading;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>
/// Fills a tenant's unit directory from an .xlsx / .csv list (the bot's file hand-in, the admin CLI, the local library):
/// reads the rows, checks each against the tenant's members (heads and contacts by object id or e-mail / UPN) and the
/// directory (parents), stores the good rows and returns what was wrong line by line. A bad file raises
/// <see cref="PlanReadException"/> (Vietnamese / English message); nothing is stored then.
/// </summary>
internal sealed class UnitDirectoryImporter(IStateStore store, TimeProvider time, ILogger<UnitDirectoryImporter> logger)
{
    public IUnitStore Units { get; } = UnitStores.For(store);

    public async Task<UnitImportResult> ImportAsync(string tenantId, byte[] content, string fileName, bool dryRun, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return await ImportRowsAsync(tenantId, UnitListReader.Read(content, fileName), fileName, dryRun, ct).ConfigureAwait(false);
    }

    /// <summary>The same for rows already read (the chat hand-in reads the file once to tell a unit list from a report).</summary>
    public async Task<UnitImportResult> ImportRowsAsync(string tenantId, IReadOnlyList<UnitListRow> rows, string fileName, bool dryRun,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var members = await store.Members.ListAsync(tenantId, ct).ConfigureAwait(false);
        var byKey = new Dictionary<string, Member>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in members)
        {
            byKey.TryAdd(m.AadObjectId, m);
            if (m.Email is { Length: > 0 } e) byKey.TryAdd(e, m);
        }
        var known = (await Units.ListAsync(tenantId, ct).ConfigureAwait(false)).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var result = UnitListImporter.Import(tenantId, rows,
            key => byKey.TryGetValue(key.Trim(), out var m) ? new UnitContact(m.AadObjectId, m.Email) : null, known, time.GetUtcNow());
        var added = dryRun || result.Units.Count == 0 ? 0 : await Units.UpsertManyAsync(result.Units, ct).ConfigureAwait(false);
        logger.LogInformation("Unit list {FileName} for {TenantId}: {Read} rows, {Kept} units kept ({Added} new), {Problems} problems, " +
            "dry run {DryRun}",
            fileName, tenantId, result.RowsRead, result.Units.Count, added, result.Problems.Count, dryRun);
        return result;
    }
}
