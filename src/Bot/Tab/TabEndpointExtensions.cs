using TeamsPlans.Bot.Tab.Api;
using TeamsPlans.Bot.Tab.Components;

namespace TeamsPlans.Bot.Tab;

public static class TabEndpointExtensions
{
    /// <summary>/tab pages (Razor components, static server rendering), their static files (wwwroot: tab.js, teams-js
    /// bundled at build) and the JSON API under /tab/api.</summary>
    public static WebApplication MapTeamsPlansTab(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapTabApi();
        app.MapRazorComponents<TabApp>();
        return app;
    }
}
