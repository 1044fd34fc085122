using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TeamsPlans.Bot.Features.Downtime;

internal static class DowntimeServiceCollectionExtensions
{
    /// <summary>The heartbeat (a hosted service started after the state store's migrations) and the downtime notice.</summary>
    public static IServiceCollection AddDowntimeNotice(this IServiceCollection services)
    {
        services.AddSingleton(sp => DowntimeOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<DowntimeMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DowntimeMonitor>());
        services.AddSingleton<DowntimeNotice>();
        return services;
    }
}
