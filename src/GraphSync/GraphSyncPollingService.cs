using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TeamsPlans.GraphSync;

/// <summary>
/// Every GraphSync:PollInterval (default 5 min — one paged task listing per board and one drive delta per tenant, so an
/// idle school costs a handful of requests per interval): drains both outboxes (retries that came due), polls the boards
/// (Planner edits → <see cref="IRemoteChangeSink"/>), discovers plan documents dropped in the plan library
/// (→ <see cref="IPlanDocumentImporter"/>), reads unit lists and (Graph mode, once a day) unit groups into the unit
/// directory, for the tenants in GraphSync:Tenants.
/// </summary>
public sealed class GraphSyncPollingService(
    IServiceProvider sp, IOptions<GraphSyncOptions> options, IConfiguration configuration, TimeProvider time, ILogger<GraphSyncPollingService> logger)
    : BackgroundService
{
    public IReadOnlyList<string> Tenants => configuration.GetSection("GraphSync:Tenants").Get<string[]>() ?? [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Tenants.Count == 0) { logger.LogInformation("GraphSync polling off: no GraphSync:Tenants configured"); return; }
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try { await PollOnceAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "GraphSync poll failed; next attempt in {Interval}", options.Value.PollInterval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One polling round. Returns (remote changes handed to the sink, documents handed to the importer).</summary>
    public async Task<(int Changes, int Imported)> PollOnceAsync(CancellationToken ct = default)
    {
        var sync = sp.GetRequiredService<PlannerSyncService>();
        await sync.DrainOutboxAsync(ct);
        await sp.GetRequiredService<LibraryOutbox>().DrainAsync(ct);
        int changesTotal = 0, imported = 0;
        foreach (var tenant in Tenants)
        {
            var changes = await sync.PollAsync(tenant, ct);
            if (changes.Count > 0)
            {
                if (sp.GetService<IRemoteChangeSink>() is { } sink) await sink.OnRemoteChangesAsync(tenant, changes, ct);
                else logger.LogWarning("{Count} board changes for tenant {TenantId} but no IRemoteChangeSink is registered", changes.Count, tenant);
                changesTotal += changes.Count;
            }
            if (sp.GetService<IPlanDocumentImporter>() is { } importer)
                imported += await sp.GetRequiredService<PlanDocumentInbox>().DiscoverAndImportAsync(tenant, importer.ImportAsync, ct);
            if (sp.GetService<IUnitListDropImporter>() is { } unitLists)
                imported += await unitLists.ImportNewAsync(tenant, ct);
            if (sp.GetService<UnitGroupRefresh>() is { } unitGroups)
                await unitGroups.RefreshIfDueAsync(tenant, ct);
        }
        return (changesTotal, imported);
    }
}
