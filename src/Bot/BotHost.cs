using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Hosting;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Bot.Security;
using TeamsPlans.Bot.Sync;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot;

/// <summary>
/// Builds the ASP.NET Core host: /api/messages, health, background workers. Composable: each workstream adds one
/// <c>services.AddXxx()</c> line to <see cref="ConfigureServices"/> and one <c>app.MapXxx()</c> line to <see cref="MapEndpoints"/>.
/// </summary>
public static class BotHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        ConfigureServices(builder);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        AddTenantDefaults(builder.Configuration);
        services.AddBotProtocol(configuration);
        services.AddTeamsPlansSecurity(configuration);
        services.AddTeamsPlansStateStore(configuration);
        services.AddTeamsPlansConversation(configuration);
        services.AddTeamsPlansDelivery(configuration);
        services.AddTeamsPlansSyncBridge(configuration);
        services.AddTeamsPlansHealth();
        services.AddTeamsPlansTelemetry(configuration);
    }

    /// <summary>
    /// Which tenants this deployment serves. A single-tenant (or managed identity) bot registration serves its own tenant:
    /// with no "Tenants:Allowed" it defaults to "Bot:MicrosoftAppTenantId". The background work (reminders, board polling,
    /// library discovery) runs for those tenants: "Delivery:Tenants" and "GraphSync:Tenants" default to "Tenants:Allowed"
    /// (or "Tenants:Default" in local mode).
    /// </summary>
    private static void AddTenantDefaults(ConfigurationManager configuration)
    {
        var bot = configuration.GetSection(BotOptions.SectionName).Get<BotOptions>() ?? new BotOptions();
        if (TenantPolicy.FromConfiguration(configuration).SingleTenant && !bot.IsLocalMode && (bot.IsSingleTenant || bot.IsManagedIdentity)
            && !string.IsNullOrWhiteSpace(bot.MicrosoftAppTenantId))
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Tenants:Allowed:0"] = bot.MicrosoftAppTenantId.Trim() });

        var tenants = TenantPolicy.FromConfiguration(configuration).Allowed.ToList();
        var defaults = new Dictionary<string, string?>();
        foreach (var section in new[] { "Delivery:Tenants", "GraphSync:Tenants" })
        {
            if (configuration.GetSection(section).GetChildren().Any() || !string.IsNullOrEmpty(configuration[section])) continue;
            for (var i = 0; i < tenants.Count; i++) defaults[$"{section}:{i}"] = tenants[i];
        }
        if (defaults.Count > 0) configuration.AddInMemoryCollection(defaults);
    }

    public static void MapEndpoints(WebApplication app)
    {
        BotEndpoint.WarnIfLocalMode(app.Services);
        app.MapGet("/", () => "TeamsPlans");
        app.MapTeamsPlansHealth();
        app.MapBotEndpoint();
    }
}
