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
        // The one library-path rule (local library folder, relative to the host's content root), in every mode: the chat
        // import reads its folder also when the libraries are SharePoint's.
        services.TryAddSingleton(sp => LocalLibraryFolder.From(configuration,
            sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory()));
        var mode = (section["Mode"] ?? "local").Trim().ToLowerInvariant();
        switch (mode)
        {
            case "graph":
                services.TryAddSingleton(sp =>
                {
                    var o = sp.GetRequiredService<IOptions<GraphSyncOptions>>().Value;
                    var auth = GraphClientBuilder.CreateAuthProvider(GraphClientBuilder.CreateCredential(o.Auth));
                    return GraphClientBuilder.Create(auth, o.BaseUrl, sp.GetRequiredService<TimeProvider>(),
                        sp.GetRequiredService<ILoggerFactory>().CreateLogger("TeamsPlans.GraphSync.Http"));
                });
                services.TryAddSingleton<ITaskBoard>(sp => ActivatorUtilities.CreateInstance<GraphTaskBoard>(sp));
                services.TryAddSingleton<IDocumentLibrary>(sp => new GraphDocumentLibrary(sp.GetRequiredService<GraphServiceClient>(),
                    sp.GetRequiredService<IOptions<GraphSyncOptions>>(),
                    sp.GetRequiredService<ISyncStateStore>(), sp.GetRequiredService<TimeProvider>(),
                        sp.GetRequiredService<ILogger<GraphDocumentLibrary>>()));
                services.TryAddSingleton<IDirectory>(sp => ActivatorUtilities.CreateInstance<GraphDirectory>(sp));
                AddUnitGroups(services);
                break;
            case "local":
                services.TryAddSingleton<ITaskBoard>(sp => ActivatorUtilities.CreateInstance<LocalTaskBoard>(sp));
                services.TryAddSingleton<IDocumentLibrary>(sp => ActivatorUtilities.CreateInstance<LocalDocumentLibrary>(sp));
                services.TryAddSingleton<IDirectory>(sp => ActivatorUtilities.CreateInstance<LocalDirectory>(sp));
                break;
            default:
                throw new GraphSyncException("config.mode", $"GraphSync:Mode \"{mode}\" không hợp lệ (chọn \"local\" hoặc \"graph\").",
                    $"GraphSync:Mode \"{mode}\" is invalid (use \"local\" or \"graph\").");
        }
        services.TryAddSingleton<PlannerSyncService>();
        services.TryAddSingleton<LibraryOutbox>();
        services.TryAddSingleton<PlanDocumentInbox>();
        services.TryAddSingleton<GraphSyncPollingService>();
        services.AddHostedService(sp => sp.GetRequiredService<GraphSyncPollingService>());
        return services;
    }

    /// <summary>Graph mode: the unit groups of Entra ID feed the unit directory (<see cref="UnitGroupRefresh"/>).</summary>
    private static void AddUnitGroups(IServiceCollection services)
    {
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<GraphUnitGroups>(sp));
        services.TryAddSingleton(sp => new UnitGroupRefresh(sp.GetRequiredService<GraphUnitGroups>(),
            sp.GetService<IStateStore>() is { } store ? UnitStores.TryFor(store) : null, sp.GetRequiredService<IOptions<GraphSyncOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
    }
}
