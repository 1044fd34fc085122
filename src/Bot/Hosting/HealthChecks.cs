using System.Diagnostics;
using System.Net.Http.Headers;
using Azure.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.GraphSync;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Hosting;

/// <summary>Outcome of one connectivity probe. <paramref name="Error"/> is a short code (exception type, AADSTS code), never a secret.</summary>
internal sealed record ProbeResult(bool Ok, string Description, IReadOnlyDictionary<string, object>? Data = null, string? Error = null)
{
    public static ProbeResult Success(string description, IReadOnlyDictionary<string, object>? data = null) => new(true, description, data);
    public static ProbeResult Failure(string description, string? error = null, IReadOnlyDictionary<string, object>? data = null) =>
        new(false, description, data, error);
}

/// <summary>Can the bot reach its document library and task board? (local folder, or Microsoft Graph.)</summary>
internal interface IGraphConnectivityProbe
{
    Task<ProbeResult> ProbeAsync(CancellationToken ct);
}

/// <summary>Can the bot authenticate to the Bot Connector service?</summary>
internal interface IBotConnectivityProbe
{
    Task<ProbeResult> ProbeAsync(CancellationToken ct);
}

/// <summary>"state": IStateStore.PingAsync. Failure → Unhealthy (HTTP 503: this instance cannot serve anything).</summary>
internal sealed class StateStoreHealthCheck(IServiceProvider services, ILogger<StateStoreHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var store = services.GetService<IStateStore>();
        if (store is null)
            return new HealthCheckResult(context.Registration.FailureStatus, "No state store is registered. / Chưa đăng ký kho trạng thái.");
        var data = new Dictionary<string, object> { ["provider"] = store.Provider };
        try
        {
            return await store.PingAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy($"{store.Provider} state store reachable", data)
                : new HealthCheckResult(context.Registration.FailureStatus, $"{store.Provider} state store did not answer the ping", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Health: state store ping failed ({Provider})", store.Provider);
            data["error"] = ex.GetType().Name;
            return new HealthCheckResult(context.Registration.FailureStatus, $"{store.Provider} state store unreachable", data: data);
        }
    }
}

/// <summary>"graph": delegates to <see cref="IGraphConnectivityProbe"/>. Failure → the registration's failure status (Degraded).</summary>
internal sealed class GraphHealthCheck(IGraphConnectivityProbe probe, ILogger<GraphHealthCheck> logger) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        ProbeHealth.RunAsync(probe.ProbeAsync, context, logger, "graph", cancellationToken);
}

/// <summary>"bot": delegates to <see cref="IBotConnectivityProbe"/>. Failure → the registration's failure status (Degraded).</summary>
internal sealed class BotHealthCheck(IBotConnectivityProbe probe, ILogger<BotHealthCheck> logger) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        ProbeHealth.RunAsync(probe.ProbeAsync, context, logger, "bot", cancellationToken);
}

internal static class ProbeHealth
{
    public static async Task<HealthCheckResult> RunAsync(Func<CancellationToken, Task<ProbeResult>> probe, HealthCheckContext context, ILogger logger,
        string name, CancellationToken ct)
    {
        ProbeResult result;
        try
        {
            result = await probe(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Health: {Check} probe threw", name);
            result = ProbeResult.Failure($"{name} probe failed", ex.GetType().Name);
        }
        var data = new Dictionary<string, object>(result.Data ?? new Dictionary<string, object>());
        if (result.Error is not null) data["error"] = result.Error;
        if (!result.Ok) logger.LogWarning("Health: {Check} is {Status}: {Description} ({Error})", name, context.Registration.FailureStatus,
            result.Description, result.Error);
        return new HealthCheckResult(result.Ok ? HealthStatus.Healthy : context.Registration.FailureStatus, result.Description, data: data);
    }
}

/// <summary>
/// Default Graph probe, from configuration section "GraphSync". Local mode: the library folder (LocalLibraryFolder) exists
/// (created like the local library does) and a file can be written and deleted in it. Graph mode: an app-only token for
/// https://graph.microsoft.com/.default is acquired with the configured credential, then GET {BaseUrl}/sites/{SiteId}?$select=id.
/// </summary>
internal sealed class GraphConnectivityProbe : IGraphConnectivityProbe
{
    public const string HttpClientName = "TeamsPlans.Health.Graph";

    private readonly GraphSyncOptions _options = new();
    private readonly IHttpClientFactory _http;
    private readonly Lazy<TokenCredential> _credential;

    private readonly string _localRoot;

    public GraphConnectivityProbe(IConfiguration configuration, IHttpClientFactory http, TeamsPlans.GraphSync.Local.LocalLibraryFolder? folder = null)
    {
        _localRoot = folder?.Root ?? Path.GetFullPath(TeamsPlans.GraphSync.Local.LocalLibraryFolder.DefaultRoot);
        configuration.GetSection("GraphSync").Bind(_options);
        _http = http;
        // One credential per process: it caches the token until near expiry, so the probe does not hit Entra every minute.
        _credential =
            new Lazy<TokenCredential>(() => GraphClientBuilder.CreateCredential(_options.Auth), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Mode => (_options.Mode ?? "local").Trim().ToLowerInvariant();

    public async Task<ProbeResult> ProbeAsync(CancellationToken ct)
    {
        var data = new Dictionary<string, object> { ["mode"] = Mode };
        switch (Mode)
        {
            case "local":
            {
                var root = _localRoot;
                Directory.CreateDirectory(root);
                var probe = Path.Combine(root, $".healthz-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
                await File.WriteAllTextAsync(probe, "ok", ct).ConfigureAwait(false);
                File.Delete(probe);
                return ProbeResult.Success("local mode: library folder exists and is writable", data);
            }
            case "graph":
            {
                AccessToken token;
                try
                {
                    token = await _credential.Value.GetTokenAsync(new TokenRequestContext([GraphClientBuilder.GraphScope]), ct).ConfigureAwait(false);
                }
                catch (GraphSyncException ex)
                {
                    return ProbeResult.Failure("Graph credential is not configured (GraphSync:Auth)", ex.Code, data);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return ProbeResult.Failure("could not acquire a Microsoft Graph token", ex.GetType().Name, data);
                }
                if (string.IsNullOrWhiteSpace(_options.SiteId))
                    return ProbeResult.Failure("Graph token acquired, but GraphSync:SiteId is not configured", "config.siteId", data);

                var url = $"{_options.BaseUrl.TrimEnd('/')}/sites/{Uri.EscapeDataString(_options.SiteId)}?$select=id";
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
                var sw = Stopwatch.StartNew();
                using var response = await _http.CreateClient(HttpClientName).SendAsync(request, ct).ConfigureAwait(false);
                data["siteStatus"] = (int)response.StatusCode;
                data["siteMs"] = sw.ElapsedMilliseconds;
                return response.IsSuccessStatusCode
                    ? ProbeResult.Success("Graph token acquired and the SharePoint site answered", data)
                    : ProbeResult.Failure($"GET /sites/{{id}} answered {(int)response.StatusCode}", $"http.{(int)response.StatusCode}", data);
            }
            default:
                return ProbeResult.Failure($"GraphSync:Mode \"{Mode}\" is invalid (use \"local\" or \"graph\")", "config.mode", data);
        }
    }
}

/// <summary>
/// Default Bot probe, from configuration section "Bot". Local mode (no Bot:MicrosoftAppId): healthy, nothing to reach.
/// Otherwise a token for https://api.botframework.com/.default is acquired through <see cref="IBotTokenProvider"/>.
/// </summary>
internal sealed class BotConnectivityProbe(IServiceProvider services, IConfiguration configuration, ILoggerFactory loggers) : IBotConnectivityProbe
{
    private readonly Lazy<(BotOptions Options, IBotTokenProvider Tokens)> _state = new(() =>
    {
        var options = services.GetService<IOptions<BotOptions>>()?.Value;
        if (options is null)
        {
            options = new BotOptions();
            configuration.GetSection(BotOptions.SectionName).Bind(options);
        }
        var tokens = services.GetService<IBotTokenProvider>()
            ?? new MsalBotTokenProvider(Options.Create(options), loggers.CreateLogger<MsalBotTokenProvider>());
        return (options, tokens);
    });

    public async Task<ProbeResult> ProbeAsync(CancellationToken ct)
    {
        var (options, tokens) = _state.Value;
        if (options.IsLocalMode)
            return ProbeResult.Success("local mode, no app id", new Dictionary<string, object> { ["mode"] = "local" });

        var data = new Dictionary<string, object> { ["mode"] = "connector", ["appType"] = options.MicrosoftAppType };
        try
        {
            var token = await tokens.GetTokenAsync(ct).ConfigureAwait(false);
            return string.IsNullOrEmpty(token)
                ? ProbeResult.Failure("no Bot Framework token was returned", "token.empty", data)
                : ProbeResult.Success("token for https://api.botframework.com acquired", data);
        }
        catch (MsalServiceException ex)
        {
            return ProbeResult.Failure("Entra refused the bot credential", ex.ErrorCode, data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ProbeResult.Failure("could not acquire a Bot Framework token", ex.GetType().Name, data);
        }
    }
}
