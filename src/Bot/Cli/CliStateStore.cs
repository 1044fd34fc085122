using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Cli;

/// <summary>The state store options of an admin command: the "State" configuration (appsettings.json, environment
/// State__Provider / State__ConnectionString), overridden by --state (SQLite file / connection string) and --provider.</summary>
internal static class CliStateStore
{
    public static StateStoreOptions Options(string? connection, string? provider)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = StateStoreFactory.ReadOptions(configuration);
        if (connection is { Length: > 0 }) options.ConnectionString = connection;
        if (provider is { Length: > 0 }) options.Provider = provider;
        return options;
    }
}
