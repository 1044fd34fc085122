using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TeamsPlans.GraphSync.Graph;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.Storage;

namespace TeamsPlans.GraphSync;

/// <summary>Implemented by the bot: refresh members' cards after changes made in Planner.</summary>
public interface IRemoteChangeSink
{
    Task OnRemoteChangesAsync(string tenantId, IReadOnlyList<RemoteChange> changes, CancellationToken ct);
}

/// <summary>Implemented by the bot/importer: a plan document was dropped in the plan library.</summary>
public interface IPlanDocumentImporter
{
    Task ImportAsync(string tenantId, LibraryFile file, Stream content, CancellationToken ct);
}

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers IDocumentLibrary, ITaskBoard, IDirectory and PlannerSyncService from "GraphSync" configuration:
    /// Mode "local" (folder + state store) or "graph" (SharePoint + Planner + Entra, app-only credential from
    /// GraphSync:Auth). Needs an IStateStore registration (src/Storage). Adds the polling service (GraphSync:PollInterval,
    /// default 5 min) for the tenants in GraphSync:Tenants.
    /// </summary>
    public static IServiceCollection AddTeamsPlansGraphSync(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("GraphSync");
        services.Configure<GraphSyncOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISyncStateStore>(sp => sp.GetRequiredService<IStateStore>().Sync);
        services.TryAddSingleton<IWorkQueue>(sp => sp.GetRequiredService<IStateStore>().Queue);
        services.TryAddSingleton<IMemberStore>(sp => sp.GetRequiredService<IStateStore>().Members);
        var mode = (section["Mode"] ?? "local").Trim().ToLowerInvariant();
        switch (mode)
        {
            case "graph":
                services.TryAddSingleton(sp =>
                {
                    var o = sp.GetRequiredService<IOptions<GraphSyncOptions>>().Value;
                    var auth = GraphClientBuilder.CreateAuthProvider(GraphClientBuilder.CreateCredential(o.Auth));
                    return GraphClientBuilder.Create(auth, o.BaseUrl, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("TeamsPlans.GraphSync.Http"));
                });
                services.TryAddSingleton<ITaskBoard>(sp => ActivatorUtilities.CreateInstance<GraphTaskBoard>(sp));
                services.TryAddSingleton<IDocumentLibrary>(sp => new GraphDocumentLibrary(sp.GetRequiredService<GraphServiceClient>(), sp.GetRequiredService<IOptions<GraphSyncOptions>>(),
                    sp.GetRequiredService<ISyncStateStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<GraphDocumentLibrary>>()));
                services.TryAddSingleton<IDirectory>(sp => ActivatorUtilities.CreateInstance<GraphDirectory>(sp));
                break;
            case "local":
                services.TryAddSingleton<ITaskBoard>(sp => ActivatorUtilities.CreateInstance<LocalTaskBoard>(sp));
                services.TryAddSingleton<IDocumentLibrary>(sp => ActivatorUtilities.CreateInstance<LocalDocumentLibrary>(sp));
                services.TryAddSingleton<IDirectory>(sp => ActivatorUtilities.CreateInstance<LocalDirectory>(sp));
                break;
            default:
                throw new GraphSyncException("config.mode", $"GraphSync:Mode \"{mode}\" không hợp lệ (chọn \"local\" hoặc \"graph\").", $"GraphSync:Mode \"{mode}\" is invalid (use \"local\" or \"graph\").");
        }
        services.TryAddSingleton<PlannerSyncService>();
        services.TryAddSingleton<LibraryOutbox>();
        services.TryAddSingleton<PlanDocumentInbox>();
        services.TryAddSingleton<GraphSyncPollingService>();
        services.AddHostedService(sp => sp.GetRequiredService<GraphSyncPollingService>());
        return services;
    }
}

/// <summary>
/// Every GraphSync:PollInterval (default 5 min — one paged task listing per board and one drive delta per tenant, so an
/// idle school costs a handful of requests per interval): drains both outboxes (retries that came due), polls the boards
/// (Planner edits → <see cref="IRemoteChangeSink"/>), discovers plan documents dropped in the plan library
/// (→ <see cref="IPlanDocumentImporter"/>), for the tenants in GraphSync:Tenants.
/// </summary>
public sealed class GraphSyncPollingService(IServiceProvider sp, IOptions<GraphSyncOptions> options, IConfiguration configuration, TimeProvider time, ILogger<GraphSyncPollingService> logger) : BackgroundService
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
        }
        return (changesTotal, imported);
    }
}
