using TeamsPlans.Bot.Features.Reports;
using TeamsPlans.Bot.Security;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>
/// A file sent to the bot in chat. A member's file is a report (<see cref="ReportFileHandler"/>). A principal's (or
/// committee head's) file that reads as a plan ("Kế hoạch" with duties) is kept and the principal is asked whether it is
/// a plan to import (the default, first button) or a report to hand in; any other file of theirs is a report too.
/// </summary>
internal sealed class ChatFileArrival(ReportFileHandler reports, ReportHandIn handIn, IPlanDocumentReader reader, ImportFlow flow,
    ChatPlanKeeper keeper, ILogger<ChatFileArrival> logger)
{
    public async Task HandleAsync(TurnState state, ReportFile file, CancellationToken ct)
    {
        if (!state.Personal || !state.CanManage || state.Member is not { } member
            || await PlanLikeAsync(file, state.TenantId, ct).ConfigureAwait(false) is not { } doc)
        {
            await reports.HandleAsync(state, file, ct).ConfigureAwait(false);
            return;
        }
        await handIn.SavePendingFileAsync(state.TenantId, member.AadObjectId, file, state.Activity.Id, ct).ConfigureAwait(false);
        logger.LogInformation("Plan-like file {FileName} from {AadObjectId} in {TenantId}: asked plan or report",
            LogText.Clean(file.Name, 120), member.AadObjectId, state.TenantId);
        await state.Turn.SendAsync(ChatFileCards.Ask(file.Name, doc, state.View).ToMessage(), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// "Nhập kế hoạch": the kept file is stored in the tenant's plan library (<see cref="ChatPlanKeeper"/>) and imported as a
    /// draft linked to that copy; the answer is its preview (or the correction diff).
    /// </summary>
    public async Task<CardActionResult> AsPlanAsync(CardActionContext action, CancellationToken ct)
    {
        var state = action.State;
        if (!state.CanManage || state.Member is null)
            return CardActionResult.Fail(403, "NotPrincipal", ImportTexts.Vi.PrincipalsOnly, ImportTexts.En.PrincipalsOnly);
        if (await handIn.PendingFileAsync(action.TenantId, action.UserKey, ct).ConfigureAwait(false) is not { } pending)
            return CardActionResult.Fail(410, "FileGone", ChatFileTexts.Vi.FileGone, ChatFileTexts.En.FileGone);
        try
        {
            // The copy taken when the file arrived: nothing is downloaded inside the click (issue 19).
            await using var content = new MemoryStream();
            await using (var copy = await handIn.PendingCopyAsync(action.TenantId, action.UserKey, pending.File, ct).ConfigureAwait(false))
                await copy.CopyToAsync(content, ct).ConfigureAwait(false);
            content.Position = 0;
            var source = await keeper.KeepAsync(action.TenantId, content, pending.File.Name, ct).ConfigureAwait(false);
            var card = await flow.ImportAsync(state, content, pending.File.Name, pending.File.Name, source, ct).ConfigureAwait(false);
            await handIn.ClearPendingFileAsync(action.TenantId, action.UserKey, ct).ConfigureAwait(false);
            return CardActionResult.Ok(card);
        }
        catch (ReportHandInException e)
        {
            return CardActionResult.Fail(e.Status, e.Code, e.Vi, e.En);
        }
    }

    /// <summary>"Nộp báo cáo": the kept file goes the member's way (the report of one of their assignments).</summary>
    public async Task<CardActionResult> AsReportAsync(CardActionContext action, CancellationToken ct)
    {
        if (await handIn.PendingFileAsync(action.TenantId, action.UserKey, ct).ConfigureAwait(false) is not { } pending)
            return CardActionResult.Fail(410, "FileGone", ChatFileTexts.Vi.FileGone, ChatFileTexts.En.FileGone);
        if (!handIn.HasPendingCopy(action.TenantId, action.UserKey))
        {
            var gone = await handIn.ForgetGoneCopyAsync(action.TenantId, action.UserKey, pending.File, ct).ConfigureAwait(false);
            return CardActionResult.Fail(gone.Status, gone.Code, gone.Vi, gone.En);
        }
        // The kept copy goes the member's way (stored, or offered for a choice); nothing is downloaded again.
        await reports.HandleAsync(action.State, pending.File, ct, kept: true).ConfigureAwait(false);
        var t = ChatFileTexts.For(action.State.Vi);
        return CardActionResult.Ok(PlanCards.Notice(t.AsReportDone(DueFormat.Truncate(pending.File.Name, 120)), [], action.State.View));
    }

    /// <summary>The document when it reads as a plan with duties ("KH", "KHLT", a decision issuing a plan), else null.</summary>
    private async Task<PlanDocument?> PlanLikeAsync(ReportFile file, string tenantId, CancellationToken ct)
    {
        try
        {
            await using var content = await handIn.DownloadAsync(file, ct).ConfigureAwait(false);
            if (content.Length == 0) return null;
            var doc = await reader.ReadAsync(content, file.Name, ct).ConfigureAwait(false);
            var planKind = doc.Kind is "KH" or "KHLT" or "QD-KH" || (doc.Number?.Contains("/KH", StringComparison.OrdinalIgnoreCase) ?? false);
            return planKind && doc.Assignments.Count > 0 ? doc : null;
        }
        catch (Exception e) when (e is ReportHandInException or Plans.Reading.PlanReadException or IOException or InvalidDataException
            or FormatException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            logger.LogInformation("File {FileName} in {TenantId} is not read as a plan ({Reason}): handled as a report",
                LogText.Clean(file.Name, 120), tenantId, e.GetType().Name);
            return null;
        }
    }
}
