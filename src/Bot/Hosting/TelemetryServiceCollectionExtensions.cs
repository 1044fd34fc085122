using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TeamsPlans.Bot.Hosting;

/// <summary>
/// Configuration section "Telemetry":
/// <list type="bullet">
/// <item><c>Enabled</c> (default true): traces + metrics for every "TeamsPlans.*" ActivitySource/Meter and ASP.NET Core.</item>
/// <item><c>Console</c> (default false): also print spans and metrics to stdout (development, App Service log stream).</item>
/// <item><c>ServiceName</c> (default "TeamsPlans.Bot").</item>
/// </list>
/// Exporters to Azure Monitor / OTLP are not bundled (their packages are not in Directory.Packages.props); see docs/deploy.md.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";
    public bool Enabled { get; set; } = true;
    public bool Console { get; set; }
    public string ServiceName { get; set; } = TeamsPlansTelemetry.Name;
}

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>OpenTelemetry tracing and metrics for message handling, deliveries and sync (see <see cref="TelemetryOptions"/>).</summary>
    public static IServiceCollection AddTeamsPlansTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new TelemetryOptions();
        configuration.GetSection(TelemetryOptions.SectionName).Bind(options);
        services.AddSingleton(options);
        if (!options.Enabled) return services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, MessageTelemetryStartupFilter>());

        var version = typeof(TeamsPlansTelemetry).Assembly.GetName().Version?.ToString();
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceVersion: version))
            .WithTracing(t =>
            {
                t.AddSource(TeamsPlansTelemetry.Wildcard)
                 .AddAspNetCoreInstrumentation(o =>
                 {
                     // Health probes (App Service pings /healthz every minute) would drown the real traffic.
                     o.Filter = ctx => !ctx.Request.Path.StartsWithSegments(HealthEndpointExtensions.HealthPath);
                 });
                if (options.Console) t.AddConsoleExporter();
            })
            .WithMetrics(m =>
            {
                m.AddMeter(TeamsPlansTelemetry.Wildcard)
                 .AddAspNetCoreInstrumentation();
                if (options.Console) m.AddConsoleExporter();
            });
        return services;
    }
}
