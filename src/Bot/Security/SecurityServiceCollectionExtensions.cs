using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TeamsPlans.Bot.Security;

internal static class SecurityServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SecurityOptions"/> (section "Security") and the security services of the host.</summary>
    public static IServiceCollection AddTeamsPlansSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.SectionName));
        services.TryAddSingleton(sp => TeamsPlans.Bot.Features.FirstRun.LocalRoles.Options(sp, configuration));
        services.TryAddSingleton<RoleBindings>();
        services.AddHostedService<RoleConfigurationCheck>();
        // Backoff of contended updates waits on real time (like the delivery rate limiter), not on the host's TimeProvider.
        services.TryAddSingleton(_ => new TeamsPlans.Storage.ContentionRetry(TimeProvider.System));

        // The bounded import reader (TeamsPlans.Bot.Imports) is registered with the reader it wraps, in AddTeamsPlansConversation.

        // Report downloads: guarded sockets, no auto-redirect, no proxy (TeamsPlans.Bot.Downloads).
        services.Configure<TeamsPlans.Bot.Downloads.DownloadOptions>(configuration.GetSection(TeamsPlans.Bot.Downloads.DownloadOptions.SectionName));
        services.TryAddSingleton<TeamsPlans.Bot.Downloads.IDownloadResolver, TeamsPlans.Bot.Downloads.DnsDownloadResolver>();
        services.TryAddSingleton<TeamsPlans.Bot.Downloads.ReportDownloader>();
        services.AddHttpClient(TeamsPlans.Bot.Downloads.ReportDownloader.HttpClientName, (sp, c) =>
                c.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamsPlans.Bot.Downloads.DownloadOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var downloader = sp.GetRequiredService<TeamsPlans.Bot.Downloads.ReportDownloader>();
                return new TeamsPlans.Bot.Downloads.GuardedConnect(sp.GetRequiredService<TeamsPlans.Bot.Downloads.IDownloadResolver>(),
                    () => downloader.AllowsLoopback).CreateHandler();
            });
        return services;
    }
}
