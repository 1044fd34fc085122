using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Cli;

/// <summary>The state store options of an admin command: the "State" configuration (appsettings.json, environment
/// State__Provider / State__ConnectionString), overridden by --state (SQLite file / connection string) and --provider.</summary>
internal static class CliStateStore
{
    /// <summary>appsettings.json (beside the program, then in the current folder) and the environment.</summary>
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static StateStoreOptions Options(string? connection, string? provider)
    {
        var options = StateStoreFactory.ReadOptions(Configuration());
        if (connection is { Length: > 0 }) options.ConnectionString = connection;
        if (provider is { Length: > 0 }) options.Provider = provider;
        return options;
    }
}
