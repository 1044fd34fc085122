using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.FluentUI.AspNetCore.Components;
using TeamsPlans.Bot.Tab.Api;
using TeamsPlans.Bot.Tab.Auth;

namespace TeamsPlans.Bot.Tab;

internal static class TabServiceCollectionExtensions
{
    /// <summary>The tab: options ("Tab"), its bearer scheme (Microsoft.Identity.Web, when Tab:ClientId is set), the local
    /// roster, the queries behind the JSON API, Razor components (static server rendering) and Fluent UI.</summary>
    public static IServiceCollection AddTeamsPlansTab(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TabOptions.SectionName);
        services.Configure<TabOptions>(section);
        var tab = section.Get<TabOptions>() ?? new TabOptions();
        services.AddTabBearer(configuration, tab);
        services.TryAddSingleton(
            sp => LocalRoster.Load(LocalRoster.Locate(sp.GetRequiredService<IOptions<TabOptions>>().Value.LocalRosterFile, contentRoot)));
        services.TryAddSingleton<TabCallerResolver>();
        services.TryAddSingleton(sp => new TabQueries(sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IPlanDeliveries>()));
        services.TryAddSingleton(sp => new Rollup.RollupQueries(sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHttpContextAccessor();
        services.TryAddSingleton<TabLinks>();
        services.TryAddSingleton<Review.ReviewDocumentText>();
        services.TryAddSingleton<Review.ReviewService>();
        services.AddRazorComponents();
        services.AddFluentUIComponents();
        return services;
    }
}
