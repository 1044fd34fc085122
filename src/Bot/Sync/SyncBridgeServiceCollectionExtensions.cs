using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.GraphSync;

namespace TeamsPlans.Bot.Sync;

internal static class SyncBridgeServiceCollectionExtensions
{
    /// <summary>How often a local bot looks into its library folder (and local board) when GraphSync:PollInterval is not set.</summary>
    public static readonly TimeSpan LocalPollInterval = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Connects the conversation to GraphSync (section "GraphSync"; Mode "local" = the embedded folder library and board,
    /// "graph" = SharePoint and Planner): publishing a plan stores its document in the plan library and mirrors its
    /// assignments and deadlines as board tasks; card actions update task progress; board changes update the assignment
    /// and refresh the member's card; plan documents dropped in the library are imported and previewed to the heads.
    /// The <see cref="IAssignmentPublisher"/> is registered by the composition root (BotHost.AddTeamsPlansAssignmentPublisher):
    /// <see cref="MirroringAssignmentPublisher"/> around <see cref="TeamsPlans.Bot.Delivery.DeliveryService"/>.
    /// In local mode the library folder is <see cref="TeamsPlans.GraphSync.Local.LocalLibraryFolder"/> (the one library-path rule).
    /// </summary>
    public static IServiceCollection AddTeamsPlansSyncBridge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddTeamsPlansGraphSync(configuration);
        // A folder scan is cheap: in local mode a dropped plan is picked up within seconds unless GraphSync:PollInterval says otherwise.
        var local = string.Equals((configuration["GraphSync:Mode"] ?? "local").Trim(), "local", StringComparison.OrdinalIgnoreCase);
        if (local && configuration["GraphSync:PollInterval"] is null)
            services.PostConfigure<GraphSyncOptions>(o => o.PollInterval = LocalPollInterval);

        services.TryAddSingleton<SyncLane>();
        services.AddHostedService(sp => sp.GetRequiredService<SyncLane>());
        services.TryAddSingleton<PlanMirror>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<TeamsPlans.Bot.Delivery.IDeliveryFollowUp, PlanDocumentFollowUp>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAssignmentChangeSink, BoardProgressSink>());
        services.TryAddSingleton<BoardStates>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<TeamsPlans.Bot.Delivery.IPeriodicPass, BoardStates>(
            sp => sp.GetRequiredService<BoardStates>()));
        services.TryAddSingleton<BoardReviewSink>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportHandInSink, BoardReviewSink>(sp => sp.GetRequiredService<BoardReviewSink>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Features.Review.IReviewDecisionSink, BoardReviewSink>(
            sp => sp.GetRequiredService<BoardReviewSink>()));
        services.TryAddSingleton<IRemoteChangeSink, BoardChangeApplier>();
        services.TryAddSingleton<IPlanDocumentImporter, LibraryDropImporter>();
        return services;
    }
}
