using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TeamsPlans.Bot.Hosting;

/// <summary>
/// GET /healthz → <c>{"status":"Healthy|Degraded|Unhealthy","totalDurationMs":..,"checks":{"state":{..},"graph":{..},"bot":{..}}}</c>.
/// The state store is essential: when it fails the answer is 503 (App Service's health check then takes the instance out of
/// rotation). Graph and Bot Connector problems report "Degraded" with 200: the instance still answers users and queues
/// work, and recycling it would not bring Graph back.
/// </summary>
internal static class HealthEndpointExtensions
{
    public const string HealthPath = "/healthz";
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Registers the "state", "graph" and "bot" checks and the default probes (replaceable: register your own first).</summary>
    public static IServiceCollection AddTeamsPlansHealth(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(GraphConnectivityProbe.HttpClientName, c => c.Timeout = CheckTimeout);
        services.TryAddSingleton<IGraphConnectivityProbe, GraphConnectivityProbe>();
        services.TryAddSingleton<IBotConnectivityProbe, BotConnectivityProbe>();
        services.AddHealthChecks()
            .AddCheck<StateStoreHealthCheck>("state", HealthStatus.Unhealthy, ["ready"], CheckTimeout)
            .AddCheck<GraphHealthCheck>("graph", HealthStatus.Degraded, ["dependency"], CheckTimeout)
            .AddCheck<BotHealthCheck>("bot", HealthStatus.Degraded, ["dependency"], CheckTimeout);
        return services;
    }

    /// <summary>Maps GET /healthz (never cached): bare liveness for anyone, the detail for loopback or a key (<see cref="HealthAccess"/>).</summary>
    public static IEndpointConventionBuilder MapTeamsPlansHealth(this IEndpointRouteBuilder endpoints, string path = HealthPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(path, HealthAccess.HandleAsync);
    }

    internal static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        var checks = new Dictionary<string, object?>();
        foreach (var (name, entry) in report.Entries)
        {
            var check = new Dictionary<string, object?>
            {
                ["status"] = entry.Status.ToString(),
                ["description"] = entry.Description,
                ["durationMs"] = Math.Round(entry.Duration.TotalMilliseconds, 1),
            };
            foreach (var (key, value) in entry.Data) check[key] = value;
            // A check that timed out or threw outside our wrappers: say what, not the message (it may name hosts or ids).
            if (entry.Exception is not null && !check.ContainsKey("error")) check["error"] = entry.Exception.GetType().Name;
            checks[name] = check;
        }
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["totalDurationMs"] = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            ["checks"] = checks,
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
