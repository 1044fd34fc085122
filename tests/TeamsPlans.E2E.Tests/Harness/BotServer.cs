using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TeamsPlans.Bot;

namespace TeamsPlans.E2E.Tests.Harness;

/// <summary>
/// The real bot host (BotHost.ConfigureServices + MapEndpoints) on Kestrel, 127.0.0.1, local mode (no app id), with a
/// temporary SQLite state store and library folder. Its log lines are kept in memory and written next to the screenshots.
/// </summary>
public sealed class BotServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly InMemoryLoggerProvider _logs;

    private BotServer(WebApplication app, InMemoryLoggerProvider logs, int port, string dataDir, string libraryDir)
    {
        _app = app;
        _logs = logs;
        Port = port;
        DataDir = dataDir;
        LibraryDir = libraryDir;
    }

    public int Port { get; }
    public string DataDir { get; }
    public string LibraryDir { get; }
    public string MessagesEndpoint => $"http://127.0.0.1:{Port}/api/messages";
    public IServiceProvider Services => _app.Services;
    public IReadOnlyList<string> LogLines => _logs.Lines.ToList();

    /// <param name="settings">Extra configuration (e.g. Roles:Principals), applied over the defaults.</param>
    /// <param name="configureServices">Extra registrations after BotHost's own.</param>
    /// <param name="rosterFile">Written as .m365agentsplayground.yml into the bot's content root, as the repository's file is
    /// found by `dotnet run --project src/Bot` (the roles of a bot with no Roles:* configured).</param>
    public static async Task<BotServer> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null,
        int preferredPort = 3978, PlaygroundRoster? rosterFile = null)
    {
        var dataDir = RepoPaths.NewTempDir("bot");
        if (rosterFile is not null) await File.WriteAllTextAsync(Path.Combine(dataDir, ".m365agentsplayground.yml"), rosterFile.ToYaml());
        var libraryDir = Path.Combine(dataDir, "library");
        Directory.CreateDirectory(libraryDir);
        var port = RepoPaths.FreePort(preferredPort);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = dataDir,
            EnvironmentName = Environments.Development,
        });
        var config = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Bot:MicrosoftAppId"] = "",
            ["Bot:MicrosoftAppPassword"] = "",
            ["State:Provider"] = "sqlite",
            ["State:ConnectionString"] = Path.Combine(dataDir, "state.db"),
            ["State:MigrateOnStartup"] = "true",
            ["Library:Root"] = libraryDir,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
        builder.Configuration.AddInMemoryCollection(config);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var logs = new InMemoryLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);

        BotHost.ConfigureServices(builder);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        BotHost.MapEndpoints(app);
        await app.StartAsync();
        return new BotServer(app, logs, port, dataDir, libraryDir);
    }

    /// <summary>Copies a file into the bot's library folder (what "nhập kế hoạch" reads).</summary>
    public string AddToLibrary(string sourcePath, string? name = null)
    {
        var target = Path.Combine(LibraryDir, name ?? Path.GetFileName(sourcePath));
        File.Copy(sourcePath, target, overwrite: true);
        return target;
    }

    public void SaveLog(string name)
    {
        File.WriteAllLines(Path.Combine(RepoPaths.Artifacts("e2e-logs"), name + ".bot.log"), _logs.Lines);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class InMemoryLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(InMemoryLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                owner.Lines.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel,-11} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception)}");
            }
        }
    }
}
