using TeamsPlans.Bot.Tab.Api;
using TeamsPlans.Bot.Tab.Components;
using TeamsPlans.Bot.Tab.History;
using TeamsPlans.Bot.Tab.Review;
using TeamsPlans.Bot.Tab.Rollup;

namespace TeamsPlans.Bot.Tab;

internal static class TabEndpointExtensions
{
    /// <summary>/tab pages (Razor components, static server rendering), their static files (wwwroot: tab.js, teams-js
    /// bundled at build) and the JSON API under /tab/api.</summary>
    public static WebApplication MapTeamsPlansTab(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();
        // The build's static asset manifest of this assembly (also when another entry assembly hosts BotHost, as the E2E
        // tests do); without one, plain static files.
        var manifest = Path.Combine(AppContext.BaseDirectory, typeof(TabApp).Assembly.GetName().Name + ".staticwebassets.endpoints.json");
        if (File.Exists(manifest)) app.MapStaticAssets(manifest);
        else app.UseStaticFiles();
        app.MapTabApi();
        app.MapTabReviewApi();
        app.MapTabHistoryApi();
        app.MapTabRollupApi();
        app.MapRazorComponents<TabApp>();
        return app;
    }
}
