using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TeamsPlans.Bot.Tests.Ship;

/// <summary>
/// The real bot host (WebApplicationFactory&lt;Program&gt;, so BotHost's registrations and endpoints) on a temp SQLite file
/// and a temp local library, in local mode unless a test sets Bot:MicrosoftAppId. Captures every log record.
/// </summary>
internal sealed class ShipHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public ShipHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Dir = ShipPaths.TempDir("teamsplans-ship-");
        var all = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = "",
            ["State:Provider"] = "sqlite",
            ["State:ConnectionString"] = Path.Combine(Dir, "state.db"),
            ["GraphSync:Mode"] = "local",
            ["GraphSync:LocalRoot"] = Path.Combine(Dir, "library"),
            ["Library:Root"] = Path.Combine(Dir, "library"),
            ["Delivery:WorkerEnabled"] = "false",
            ["Delivery:RemindersEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Trace",
        };
        if (settings is not null) foreach (var (k, v) in settings) all[k] = v;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (k, v) in all) b.UseSetting(k, v);
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<IStartupFilter, LoopbackFilter>();
                services?.Invoke(s);
            });
        });
        Client = _factory.CreateClient();
    }

    public string Dir { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _factory.Services;
    public CapturingLoggerProvider Logs { get; } = new();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>TestServer has no remote address; local mode accepts loopback callers only.</summary>
    private sealed class LoopbackFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nxt) => { ctx.Connection.RemoteIpAddress ??= IPAddress.Loopback; return nxt(ctx); });
            next(app);
        };
    }
}

/// <summary>One log record: category, level, the formatted message, every structured value, and the exception text.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, string?>> State, string? Exception)
{
    public string AllText => string.Join("\n", new[] { Category, Message, Exception ?? "" }.Concat(State.Select(kv => kv.Key + "=" + kv.Value)));
}

internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Records { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose() { }

    private sealed class Logger(string category, CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            // Scope values are logged too (e.g. by JSON console loggers): keep them with the next records.
            owner.Records.Enqueue(new CapturedLog(category, LogLevel.None, "scope", Flatten(state), null));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Records.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), Flatten(state), exception?.ToString()));

        private static List<KeyValuePair<string, string?>> Flatten(object? state) => state switch
        {
            IEnumerable<KeyValuePair<string, object?>> pairs => pairs.Select(p => KeyValuePair.Create(p.Key, Describe(p.Value))).ToList(),
            null => [],
            _ => [KeyValuePair.Create("state", state.ToString())],
        };

        private static string? Describe(object? value) => value switch
        {
            null => null,
            string s => s,
            System.Collections.IEnumerable e => string.Join(",", e.Cast<object?>().Select(x => x?.ToString())),
            _ => value.ToString(),
        };
    }
}
