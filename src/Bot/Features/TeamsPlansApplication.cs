using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Features.Comments;
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

namespace TeamsPlans.Bot.Features;

/// <summary>
/// The TeamsPlans route table: which feature answers which activity, command and card verb. Reading this class tells
/// everything the bot does; each handler lives in its feature's folder.
/// </summary>
internal sealed class TeamsPlansApplication : ActivityRouter
{
    public TeamsPlansApplication(TurnServices services, MembersFeature members, HelpFeature help, LanguageFeature language,
        MyTasksCommand myTasks, AssignmentActions assignments, StatusCommand status, RemindAction remind,
        ResendCommand resend, ResendAction resendAction, ImportCommand import, PreviewActions preview,
        ReportAction report, RollupFeature rollup,
        HistoryAction history, ReviewAction review, CommentAction comments, ReassignAction reassign,
        ChatFileArrival chatFile, Corrections.CorrectionAction correction, StatusPageAction statusPage,
        UnitRollup.UnitRollupFeature unitRollup,
        Units.UnitListArrival unitList, Units.UnitHandOverCommand unitHandOver, Downtime.DowntimeNotice downtime)
        : base(services)
    {
        // The first message of each member after the bot was down: say so first ("vui lòng gửi lại").
        BeforeMessage(downtime.BeforeMessageAsync);
        OnInstall(members.OnInstallAsync);
        OnMembersAdded(members.OnMembersAddedAsync);
        OnUninstall(members.OnUninstallAsync);
        // A member's file is a report; a principal's plan-like file asks "plan or report?" (ChatFileArrival).
        // A unit list (.xlsx / .csv with a unit header) from one who manages fills the unit directory (UnitListArrival).
        OnFile((state, file, ct) => unitList.HandleAsync(state, file, chatFile.HandleAsync, ct));

        OnCommand(CommandKind.Help, help.HelpAsync);
        // "phân công [số] cho <người>: <ghi chú>": a unit head passes the unit's duty on (the card's "Chuyển giao", typed).
        OnOtherCommand(unitHandOver.Before(help.HelpAsync));
        OnCommand(CommandKind.Language, language.LanguageAsync);
        OnCommand(CommandKind.MyTasks, myTasks.HandleAsync);
        OnCommand(CommandKind.Status, status.HandleAsync);
        OnCommand(CommandKind.NotAcknowledged, status.HandleAsync);
        OnCommand(CommandKind.Deadlines, status.HandleAsync);
        OnCommand(CommandKind.Rollup, unitRollup.CommandAsync); // falls back to the tenant roll-up
        OnCommand(CommandKind.Resend, resend.HandleAsync);
        OnCommand(CommandKind.Import, import.HandleAsync);

        OnCardAction(CardVerbs.Ack, assignments.HandleAsync);
        OnCardAction(CardVerbs.Progress, assignments.HandleAsync);
        OnCardAction(CardVerbs.Done, assignments.HandleAsync);
        OnCardAction(CardVerbs.Refresh, assignments.HandleAsync);
        OnCardAction(CardVerbs.OpenPlan, assignments.HandleAsync);
        OnCardAction(CardVerbs.Report, report.HandleAsync);
        OnCardAction(CardVerbs.Rollup, unitRollup.ActionAsync); // falls back to the tenant roll-up
        OnCardAction(CardVerbs.Remind, remind.HandleAsync);
        OnCardAction(CardVerbs.StatusPage, statusPage.HandleAsync);
        OnCardAction(CardVerbs.Resend, resendAction.HandleAsync);
        OnCardAction(CardVerbs.Map, preview.HandleAsync);
        OnCardAction(CardVerbs.Publish, preview.HandleAsync);
        OnCardAction(CardVerbs.History, history.HandleAsync);
        OnCardAction(CardVerbs.Accept, review.HandleAsync);
        OnCardAction(CardVerbs.Return, review.HandleAsync);
        OnCardAction(CardVerbs.AddComment, comments.HandleAsync);
        OnCardAction(CardVerbs.Comments, comments.HandleAsync);
        OnCardAction(CardVerbs.Reassign, reassign.HandleAsync);
        OnCardAction(CardVerbs.FileAsPlan, chatFile.AsPlanAsync);
        OnCardAction(CardVerbs.FileAsReport, chatFile.AsReportAsync);
        OnCardAction(CardVerbs.CorrectPlan, correction.HandleAsync);
    }
}
