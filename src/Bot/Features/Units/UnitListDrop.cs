using TeamsPlans.Bot.Features.Review;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.Plans.Reading;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.Units;

/// <summary>
/// Local mode's unit list: an .xlsx / .csv dropped into "&lt;library&gt;/&lt;tenant&gt;/Đơn vị" (GraphSync:UnitLibrary) is read by
/// the same importer as the chat hand-in and the admin CLI, once per version (size and time of the file, kept in the
/// sync state as scope <see cref="Scope"/>), and the tenant's principals get the answer card (bad rows by line and reason).
/// </summary>
internal sealed class UnitListDrop(IStateStore store, LocalLibraryFolder folder, UnitDirectoryImporter importer, ProactiveCards proactive,
    TimeProvider time, ILogger<UnitListDrop> logger) : IUnitListDropImporter
{
    public const string Scope = "unit-list";

    public async Task<int> ImportNewAsync(string tenantId, CancellationToken ct)
    {
        var dir = folder.UnitFolder(tenantId);
        if (!Directory.Exists(dir)) return 0;
        var read = 0;
        foreach (var path in Directory.EnumerateFiles(dir).Where(UnitListReader.IsUnitListFile).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(path);
            var version = FormattableString.Invariant($"{info.Length}-{info.LastWriteTimeUtc.Ticks}");
            if ((await store.Sync.GetAsync(tenantId, Scope, info.Name, ct).ConfigureAwait(false))?.ETag == version) continue;
            Func<CardView, AdaptiveCard> answer;
            try
            {
                var result = await importer.ImportAsync(tenantId, 
                    await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false), info.Name, dryRun: false, ct)
                    .ConfigureAwait(false);
                answer = v => UnitListCards.Result(info.Name, result, v);
            }
            catch (PlanReadException e)
            {
                logger.LogWarning("Unit list {File} of {TenantId} unreadable: {Reason}", info.Name, tenantId, e.Message);
                answer = v => UnitListCards.Unreadable(info.Name, e.Message, v);
            }
            catch (IOException e)
            {
                // Still being copied: the next round reads it.
                logger.LogInformation("Unit list {File} of {TenantId} not readable yet ({Reason})", info.Name, tenantId, e.Message);
                continue;
            }
            await store.Sync.PutAsync(new SyncEntry(tenantId, Scope, info.Name, path, version, null, time.GetUtcNow()), ct).ConfigureAwait(false);
            read++;
            foreach (var head in (await store.Members.ListAsync(tenantId, ct).ConfigureAwait(false)).Where(m => m.CanSeeOthers))
                await proactive.SendAsync(tenantId, head.AadObjectId, answer, ct).ConfigureAwait(false);
        }
        return read;
    }
}
