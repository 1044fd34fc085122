using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsPlans.Plans.Rollup;

namespace TeamsPlans.Storage;

public static class StateStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStateStore"/> (singleton, from configuration section "State"), its sub-stores,
    /// the domain's <see cref="RollupService"/> over <see cref="StoreRollupReads"/>, and a hosted service that
    /// applies migrations at start-up (unless State:MigrateOnStartup is false).
    /// TimeProvider.System is used unless a TimeProvider is already registered.
    /// </summary>
    public static IServiceCollection AddTeamsPlansStateStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = StateStoreFactory.ReadOptions(configuration);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton<IStateStore>(sp => StateStoreFactory.Create(
            sp.GetRequiredService<StateStoreOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<IStateStore>().Plans);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStateStore>().Members);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStateStore>().Conversations);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStateStore>().Assignments);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStateStore>().Reports);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStateStore>().Queue);
        services.TryAddSingleton(sp => sp.GetRequiredService<IStateStore>().Sync);
        services.TryAddSingleton(sp => HistoryStoreFactory.For(sp.GetRequiredService<IStateStore>()));
        services.TryAddSingleton<IRollupReads>(sp => new StoreRollupReads(sp.GetRequiredService<IStateStore>()));
        services.TryAddSingleton<RollupService>();
        if (options.MigrateOnStartup)
            services.AddHostedService<StateStoreMigrationService>();
        return services;
    }
}
