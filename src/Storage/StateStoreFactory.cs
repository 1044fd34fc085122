using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsPlans.Plans.Rollup;
using TeamsPlans.Storage.Postgres;
using TeamsPlans.Storage.Sql;
using TeamsPlans.Storage.Sqlite;

namespace TeamsPlans.Storage;

/// <summary>Builds the configured <see cref="IStateStore"/>. Call <see cref="IStateStore.MigrateAsync"/> before first use.</summary>
public static class StateStoreFactory
{
    public static IStateStore Create(StateStoreOptions options, TimeProvider time, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("TeamsPlans.Storage");
        var provider = (options.Provider ?? StateStoreOptions.Sqlite).Trim().ToLowerInvariant();
        SqlDb db = provider switch
        {
            StateStoreOptions.Sqlite or "" => new SqliteDb(
                options.ConnectionString ?? StateStoreOptions.DefaultSqlitePath, options.SqliteBusyTimeout, time, logger),
            StateStoreOptions.Postgres or "postgresql" or "npgsql" => new PostgresDb(
                options.ConnectionString ?? "", options.MigrationLockKey, time, loggerFactory, logger),
            _ => throw new InvalidOperationException(
                $"State:Provider '{options.Provider}' không được hỗ trợ / is not supported: use \"sqlite\" or \"postgres\"."),
        };
        return new SqlStateStore(db);
    }

    /// <summary>Reads the "State" section: Provider, ConnectionString, MigrateOnStartup, SqliteBusyTimeout.</summary>
    public static StateStoreOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new StateStoreOptions();
        configuration.GetSection(StateStoreOptions.SectionName).Bind(options);
        return options;
    }
}

/// <summary>
/// Applies pending schema migrations when the host starts, in <see cref="IHostedLifecycleService.StartingAsync"/>, i.e. before
/// any hosted service's StartAsync (delivery workers, pollers) regardless of registration order. The host does not start
/// on a migration error.
/// </summary>
internal sealed class StateStoreMigrationService(IStateStore store, ILogger<StateStoreMigrationService> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Migrating {Provider} state store", store.Provider);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
