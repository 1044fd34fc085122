using Microsoft.Extensions.DependencyInjection;

namespace TeamsPlans.E2E.Tests.Harness;

/// <summary>
/// Bot (real host, in-process Kestrel) + Agents Playground (node) + headless Chromium on the playground page.
/// <see cref="SwitchUserAsync"/> restarts the playground and the browser as another person of the same tenant; the
/// bot and its state store stay up. On dispose the logs are saved to artifacts/e2e-logs/{name}.*.log.
/// </summary>
public sealed class E2EEnvironment : IAsyncDisposable
{
    private E2EEnvironment(string name, BotServer bot)
    {
        Name = name;
        Bot = bot;
    }

    public string Name { get; }
    public BotServer Bot { get; }
    public PlaygroundServer Playground { get; private set; } = null!;
    public PlaygroundBrowser Browser { get; private set; } = null!;

    /// <summary>Principals configured by aadObjectId (the roster's Hiệu trưởng and Phó hiệu trưởng) unless overridden.</summary>
    public static async Task<E2EEnvironment> StartAsync(string name, PlaygroundRoster? roster = null,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        roster ??= PlaygroundRoster.Default;
        var all = new Dictionary<string, string?>
        {
            ["Roles:Principals"] = $"{PlaygroundRoster.Hung.AadObjectId};{PlaygroundRoster.Cuc.AadObjectId}",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var bot = await BotServer.StartAsync(all, configureServices);
        var env = new E2EEnvironment(name, bot);
        try
        {
            await env.StartClientAsync(roster);
        }
        catch
        {
            await env.DisposeAsync();
            throw;
        }
        return env;
    }

    private async Task StartClientAsync(PlaygroundRoster roster)
    {
        Playground = await PlaygroundServer.StartAsync(Bot.MessagesEndpoint, roster);
        Browser = await PlaygroundBrowser.OpenAsync(Playground);
    }

    /// <summary>Reopens the playground as <paramref name="user"/> (their own personal chat with the bot).</summary>
    public async Task SwitchUserAsync(PlaygroundUser user)
    {
        var roster = Playground.Roster.As(user);
        await StopClientAsync();
        await StartClientAsync(roster);
    }

    private async Task StopClientAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        if (Playground is not null)
        {
            Playground.SaveLog($"{Name}.{Playground.Roster.CurrentUser.Id}");
            await Playground.DisposeAsync();
        }
        Browser = null!;
        Playground = null!;
    }

    public async ValueTask DisposeAsync()
    {
        await StopClientAsync();
        Bot.SaveLog(Name);
        await Bot.DisposeAsync();
    }
}
