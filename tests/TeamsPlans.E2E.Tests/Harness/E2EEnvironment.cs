using Microsoft.Extensions.DependencyInjection;

namespace TeamsPlans.E2E.Tests.Harness;

/// <summary>One person's Teams client: an Agents Playground process (as that person) and a Chromium page on it.</summary>
public sealed class PlaygroundClient : IAsyncDisposable
{
    private readonly string _name;

    private PlaygroundClient(string name, PlaygroundServer server, PlaygroundBrowser browser)
    {
        _name = name;
        Server = server;
        Browser = browser;
    }

    public PlaygroundServer Server { get; }
    public PlaygroundBrowser Browser { get; }
    public PlaygroundUser User => Server.Roster.CurrentUser;

    internal static async Task<PlaygroundClient> StartAsync(string name, string botEndpoint, PlaygroundRoster roster)
    {
        var server = await PlaygroundServer.StartAsync(botEndpoint, roster);
        try
        {
            return new PlaygroundClient(name, server, await PlaygroundBrowser.OpenAsync(server));
        }
        catch
        {
            server.SaveLog($"{name}.{roster.CurrentUser.Id}");
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Server.SaveLog($"{_name}.{User.Id}");
        await Server.DisposeAsync();
    }
}

/// <summary>
/// The bot (real host, in-process Kestrel on 127.0.0.1, local mode, temp SQLite + library) and any number of Teams clients
/// (<see cref="OpenClientAsync"/>: one Agents Playground + headless Chromium per person, all talking to the same bot — like
/// several people with Teams open). On dispose the logs are saved to artifacts/e2e-logs/{name}.*.log.
/// </summary>
public sealed class E2EEnvironment : IAsyncDisposable
{
    private readonly List<PlaygroundClient> _clients = [];

    private E2EEnvironment(string name, BotServer bot, PlaygroundRoster roster)
    {
        Name = name;
        Bot = bot;
        Roster = roster;
    }

    public string Name { get; }
    public BotServer Bot { get; }
    public PlaygroundRoster Roster { get; }

    /// <summary>Starts the bot. Principals are the roster's Hiệu trưởng and Phó hiệu trưởng (by aadObjectId) unless <paramref name="settings"/> say otherwise.</summary>
    public static async Task<E2EEnvironment> StartAsync(string name, PlaygroundRoster? roster = null,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        roster ??= PlaygroundRoster.Default;
        var all = new Dictionary<string, string?>
        {
            ["Roles:Principals"] = string.Join(';', roster.Everyone.Where(u => u.Role is "Hiệu trưởng").Select(u => u.AadObjectId)),
            ["Roles:CommitteeHeads"] = string.Join(';', roster.Everyone.Where(u => u.Role is "Phó hiệu trưởng").Select(u => u.AadObjectId)),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var bot = await BotServer.StartAsync(all, configureServices);
        return new E2EEnvironment(name, bot, roster);
    }

    /// <summary>
    /// Starts the bot as a principal's first hour has it: no Roles:* configured, the roster file next to the bot (its
    /// <c># teamsplans-role:</c> lines name the principal), the clock on <paramref name="today"/> (Asia/Ho_Chi_Minh, still
    /// running) and the plan library polled every second instead of every five minutes (GraphSync:PollInterval).
    /// </summary>
    public static async Task<E2EEnvironment> StartFirstRunAsync(string name, DateTimeOffset today)
    {
        var roster = PlaygroundRoster.Default;
        var settings = new Dictionary<string, string?> { ["GraphSync:PollInterval"] = "00:00:01" };
        var bot = await BotServer.StartAsync(settings, s => s.AddSingleton<TimeProvider>(new ShiftedTimeProvider(today)), rosterFile: roster);
        return new E2EEnvironment(name, bot, roster);
    }

    /// <summary>Starts the bot and opens the default person's (the roster's current user) client.</summary>
    public static async Task<(E2EEnvironment Env, PlaygroundClient Client)> StartWithClientAsync(string name, PlaygroundRoster? roster = null)
    {
        var env = await StartAsync(name, roster);
        try
        {
            return (env, await env.OpenClientAsync(env.Roster.CurrentUser));
        }
        catch
        {
            await env.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens Teams as <paramref name="user"/>: their playground (their personal chat with the bot) and page.
    /// Opening the page installs the bot for them (installationUpdate + conversationUpdate reach the bot).</summary>
    public async Task<PlaygroundClient> OpenClientAsync(PlaygroundUser user)
    {
        var client = await PlaygroundClient.StartAsync(Name, Bot.MessagesEndpoint, Roster.As(user));
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients) await c.DisposeAsync();
        _clients.Clear();
        Bot.SaveLog(Name);
        await Bot.DisposeAsync();
    }
}
