using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Features.Comments;
using TeamsPlans.Bot.Features.Common;
using TeamsPlans.Bot.Features.Help;
using TeamsPlans.Bot.Features.History;
using TeamsPlans.Bot.Features.Import;
using TeamsPlans.Bot.Features.Language;
using TeamsPlans.Bot.Features.Members;
using TeamsPlans.Bot.Features.Reassign;
using TeamsPlans.Bot.Features.Reports;
using TeamsPlans.Bot.Features.Resend;
using TeamsPlans.Bot.Features.Review;
using TeamsPlans.Bot.Features.Rollup;
using TeamsPlans.Bot.Features.Status;
using TeamsPlans.Bot.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TeamsPlans.Bot.Features;

internal static class FeatureServiceCollectionExtensions
{
    /// <summary>
    /// Registers the features' handlers, the <see cref="AssignmentCardFactory"/>, and <see cref="TeamsPlansApplication"/>
    /// (the route table) as the <see cref="IActivityHandler"/> that /api/messages calls.
    /// </summary>
    public static IServiceCollection AddTeamsPlansFeatures(this IServiceCollection services)
    {
        services.AddSingleton<TurnServices>();
        services.AddSingleton<PlanLookup>();
        services.AddSingleton<PlanActionGuard>();
        services.AddSingleton<AssignmentCardFactory>();
        services.AddSingleton<AssignmentChangeNotifier>();
        services.AddSingleton<MembersFeature>();
        services.AddSingleton<HelpFeature>();
        services.AddSingleton<LanguageFeature>();
        services.AddSingleton<MyTasksCommand>();
        services.AddSingleton<AssignmentActions>();
        services.AddSingleton<StatusBoard>();
        services.AddSingleton<StatusCommand>();
        services.AddSingleton<StatusLists>();
        services.AddSingleton<RemindAction>();
        services.AddSingleton<StatusPageAction>();
        services.AddSingleton<ResendCommand>();
        services.AddSingleton<ResendAction>();
        services.AddSingleton<LocalPlanLibrary>();
        services.AddSingleton<PlanImportService>();
        services.AddSingleton<ImportCommand>();
        services.AddSingleton<ImportFlow>();
        services.AddSingleton<ChatFileArrival>();
        services.AddSingleton<ChatPlanKeeper>();
        services.AddSingleton<Corrections.PlanCorrectionService>();
        services.AddSingleton<IPublishedPlanRevision>(sp => sp.GetRequiredService<Corrections.PlanCorrectionService>());
        services.AddSingleton<Corrections.CorrectionNotifier>();
        services.AddSingleton<Corrections.CorrectionAction>();
        services.AddSingleton<Corrections.AssignmentWithdrawer>();
        services.AddSingleton<PreviewActions>();
        services.AddSingleton<ReportFileHandler>();
        services.AddSingleton<ReportAction>();
        services.AddSingleton<ReportUploadRetry>();
        services.AddSingleton<RollupFeature>();
        services.AddSingleton<TeamsPlans.Bot.Features.UnitRollup.UnitRollupService>();
        services.AddSingleton<TeamsPlans.Bot.Features.UnitRollup.UnitRollupFeature>();
        services.AddSingleton<TeamsPlans.Bot.Features.UnitRollup.PlanCascade>();
        services.AddSingleton<AssignmentAccess>();
        services.AddSingleton<HistoryRecorder>();
        services.AddSingleton<HistoryAction>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAssignmentChangeSink, HistoryChangeSink>());
        services.AddSingleton(sp => new TeamsPlans.Plans.Scheduling.OfficialStateCalculator(
            new TeamsPlans.Plans.Scheduling.ReminderCalendar(sp.GetRequiredService<TeamsPlans.Bot.Delivery.ReminderPolicyStore>().Default)));
        services.AddSingleton<ProactiveCards>();
        // Card updates left for after an invoke's answer (Teams' 15 s): run by the delivery queue.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<TeamsPlans.Bot.Delivery.IDeliveryFollowUp, CardRefreshFollowUp>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<TeamsPlans.Bot.Delivery.IDeliveryFollowUp, NoticeFollowUp>());
        services.AddSingleton<OfficialStates>();
        services.AddSingleton<ReviewRequester>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportHandInSink, ReviewRequester>(sp => sp.GetRequiredService<ReviewRequester>()));
        services.AddSingleton<ReviewAction>();
        services.AddSingleton<CommentAction>();
        services.AddSingleton<ReassignAction>();
        services.AddSingleton<Units.UnitDirectoryImporter>();
        services.AddSingleton<Units.UnitListArrival>();
        services.AddSingleton<Units.UnitHandOverCommand>();
        services.AddSingleton<Units.UnitReportForward>();
        services.TryAddSingleton<TeamsPlans.GraphSync.IUnitListDropImporter, Units.UnitListDrop>();
        services.AddSingleton<IActivityHandler, TeamsPlansApplication>();
        Downtime.DowntimeServiceCollectionExtensions.AddDowntimeNotice(services);
        return services;
    }
}
