using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Imports;
using TeamsPlans.Bot.Features;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Conversation;

internal static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the conversation layer: <see cref="TeamsPlans.Bot.Features.TeamsPlansApplication"/> (the route table) as the
    /// <see cref="IActivityHandler"/>, the member directory, the plan document reader (<see cref="IPlanDocumentReader"/>),
    /// and the features (<see cref="TeamsPlans.Bot.Features.FeatureServiceCollectionExtensions.AddTeamsPlansFeatures"/>).
    /// The publisher is not registered here: <see cref="IAssignmentPublisher"/> / <see cref="IPlanReminderSender"/> are the
    /// delivery queue (AddTeamsPlansDelivery); the host's composition root (BotHost.AddTeamsPlansAssignmentPublisher) wraps it
    /// in the mirroring publisher (TeamsPlans.Bot.Sync). The plan document reader is the bounded import queue
    /// (<see cref="TeamsPlans.Bot.Imports.BoundedPlanDocumentReader"/>, section "Imports") around <see cref="LibraryPlanDocumentReader"/>.
    /// <see cref="IAssignmentChangeSink"/>s are optional (all registered ones are called). Also registers the state store
    /// (section "State") if not yet registered. Needs an <see cref="IConnectorClient"/> from the protocol layer.
    /// Reports: <see cref="ReportHandIn"/> writes to the <see cref="TeamsPlans.GraphSync.IDocumentLibrary"/> registered in the
    /// container (e.g. by AddTeamsPlansGraphSync, before or after this call); when none is registered,
    /// <see cref="ReportLibrary"/> uses a local-folder library (GraphSync:LocalRoot, default "Library:Root").
    /// Roll-up: <see cref="RollupOptions"/> ("Rollup:Units:&lt;departmentTenantId&gt;") and the store's RollupService.
    /// </summary>
    public static IServiceCollection AddTeamsPlansConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddTeamsPlansStateStore(configuration);
        services.TryAddSingleton(_ => TenantPolicy.FromConfiguration(configuration)); // BotHost adds the computed one first
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => TeamsPlans.Bot.Features.FirstRun.LocalRoles.Options(sp, configuration));
        services.TryAddSingleton<MemberDirectory>();
        // The plan document reader, the decorator visibly: a bounded queue with a deadline (TeamsPlans.Bot.Imports) in front
        // of the library reader (keyed BoundedPlanDocumentReader.InnerKey, which a host may replace).
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.SectionName));
        services.TryAddSingleton(sp => new ImportQueue(
            sp.GetRequiredService<IOptions<ImportOptions>>(), TimeProvider.System, sp.GetRequiredService<ILogger<ImportQueue>>()));
        services.TryAddKeyedSingleton<IPlanDocumentReader, LibraryPlanDocumentReader>(BoundedPlanDocumentReader.InnerKey);
        services.TryAddSingleton<IPlanDocumentReader, BoundedPlanDocumentReader>();
        services.TryAddSingleton(_ => RollupOptions.From(configuration));
        services.TryAddSingleton<ReportLibrary>();
        // Reports handed in from a card are uploaded by the delivery queue, after the invoke answered (issue 19).
        services.TryAddSingleton<ReportUploads>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<TeamsPlans.Bot.Delivery.IDeliveryFollowUp, ReportUploadFollowUp>());
        services.TryAddSingleton<ReportHandIn>();
        services.AddTeamsPlansFeatures();
        return services;
    }
}
