using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Hosting;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Bot.Security;
using TeamsPlans.Bot.Sync;
using TeamsPlans.Bot.Tab;
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

        services.AddTeamsPlansTenantDefaults(configuration, builder.Environment.ContentRootPath);
        services.AddBotProtocol(configuration);
        services.AddTeamsPlansSecurity(configuration);
        services.AddTeamsPlansStateStore(configuration);
        services.AddTeamsPlansConversation(configuration);
        services.AddTeamsPlansDelivery(configuration);
        services.AddTeamsPlansSyncBridge(configuration);
        services.AddTeamsPlansAssignmentPublisher(mirrorToBoards: true);
        services.AddTeamsPlansHealth();
        services.AddTeamsPlansTelemetry(configuration);
        services.AddTeamsPlansTab(configuration, builder.Environment.ContentRootPath);
        builder.WebHost.UseStaticWebAssets(); // the tab's package assets (Fluent UI, _framework) also when run from the build output
    }

    /// <summary>
    /// The one registration of <see cref="IAssignmentPublisher"/>, the decorator visibly: the durable delivery queue
    /// (<see cref="DeliveryService"/>, AddTeamsPlansDelivery), wrapped in <see cref="MirroringAssignmentPublisher"/>
    /// (AddTeamsPlansSyncBridge) when <paramref name="mirrorToBoards"/> is true.
    /// </summary>
    public static IServiceCollection AddTeamsPlansAssignmentPublisher(this IServiceCollection services, bool mirrorToBoards)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (mirrorToBoards)
            services.AddSingleton<IAssignmentPublisher>(sp => new MirroringAssignmentPublisher(
                sp.GetRequiredService<DeliveryService>(), sp.GetRequiredService<PlanMirror>(), sp.GetRequiredService<SyncLane>()));
        else
            services.AddSingleton<IAssignmentPublisher>(sp => sp.GetRequiredService<DeliveryService>());
        return services;
    }

    public static void MapEndpoints(WebApplication app)
    {
        BotEndpoint.WarnIfLocalMode(app.Services);
        Features.FirstRun.FirstRunBanner.Log(app.Services);
        app.MapGet("/", () => "TeamsPlans");
        app.MapTeamsPlansHealth();
        app.MapBotEndpoint();
        app.MapTeamsPlansTab();
    }
}
