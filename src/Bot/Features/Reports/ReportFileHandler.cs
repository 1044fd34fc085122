using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Bot.Security;

namespace TeamsPlans.Bot.Features.Reports;

/// <summary>
/// A file sent to the bot: stored as the report of the assignment the member last reported for from a card, or of
/// their only assignment and deadline; otherwise the file is kept and the member picks the assignment and deadline.
/// </summary>
internal sealed class ReportFileHandler(IStateStore store, ReportHandIn reports, AssignmentCardFactory cards, ILogger<ReportFileHandler> logger)
{
    private sealed record Target(StoredPlan Plan, AssignmentRecord Assignment, ReportPeriod Period);

    /// <param name="kept">The file is the member's pending file, copied when it arrived (a click on "Nộp báo cáo"): it is
    /// handed in from that copy, never downloaded again.</param>
    public async Task HandleAsync(TurnState state, ReportFile file, CancellationToken ct, bool kept = false)
    {
        var (turn, tenantId, view) = (state.Turn, state.TenantId, state.View);
        if (!state.Personal)
        {
            await turn.SendTextAsync("Hãy gửi tệp báo cáo trong trò chuyện riêng với TeamsPlans. / " +
                "Please send report files in your personal chat with TeamsPlans.", ct).ConfigureAwait(false);
            return;
        }
        if (state.Member is not { } member)
        {
            await turn.SendTextAsync("⚠ Không xác định được người gửi. / The sender is unknown.", ct).ConfigureAwait(false);
            return;
        }
        var candidates = await CandidatesAsync(tenantId, member, ct).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            if (kept) await reports.ClearPendingFileAsync(tenantId, member.AadObjectId, ct).ConfigureAwait(false);
            await turn.SendTextAsync("⚠ Bạn chưa có nhiệm vụ nào để nộp báo cáo. / You have no assignment to hand a report in for.", ct)
                .ConfigureAwait(false);
            return;
        }

        Target? chosen = null;
        if (await reports.GetTargetAsync(tenantId, member.AadObjectId, ct).ConfigureAwait(false) is { } t
            && candidates.FirstOrDefault(c => c.Assignment.AssignmentId == t.AssignmentId) is { Plan: not null } hit
            && ReportPeriods.For(hit.Assignment, hit.Plan.Document.Year, view.Today).FirstOrDefault(p => p.Key == t.Period) is { } tp)
            chosen = new Target(hit.Plan, hit.Assignment, tp);
        var options = candidates
            .SelectMany(c => ReportPeriods.For(c.Assignment, c.Plan.Document.Year, view.Today).Select(p => new Target(c.Plan, c.Assignment, p)))
            .ToList();
        if (chosen is null && options.Count == 1) chosen = options[0];
        if (chosen is null)
        {
            try
            {
                if (!kept) await reports.SavePendingFileAsync(tenantId, member.AadObjectId, file, state.Activity.Id, ct).ConfigureAwait(false);
            }
            catch (ReportHandInException e)
            {
                await turn.SendTextAsync($"⚠ {e.Vi} / {e.En}", ct).ConfigureAwait(false);
                return;
            }
            logger.LogInformation("Report file {FileName} from {AadObjectId} in {TenantId} waits for a choice among {Count} options",
                LogText.Clean(file.Name, 120), member.AadObjectId, tenantId, options.Count);
            var ordered = options.OrderBy(o => o.Period.Due < view.Today ? 1 : 0).ThenBy(o => o.Period.Due).ThenBy(o => o.Assignment.Ordinal)
                .Select(o => (o.Plan, o.Assignment, o.Period)).ToList();
            await turn.SendAsync(ReportCards.ReportTarget(file.Name, ordered, view).ToMessage(), ct).ConfigureAwait(false);
            return;
        }
        await HandInAsync(state, member, file, chosen, kept, ct).ConfigureAwait(false);
    }

    /// <summary>The member's assignments of published plans.</summary>
    private async Task<List<(StoredPlan Plan, AssignmentRecord Assignment)>> CandidatesAsync(string tenantId, Member member, CancellationToken ct)
    {
        var candidates = new List<(StoredPlan Plan, AssignmentRecord Assignment)>();
        var plans = new Dictionary<string, StoredPlan?>(StringComparer.Ordinal);
        foreach (var a in await store.Assignments.ListByMemberAsync(tenantId, member.AadObjectId, ct).ConfigureAwait(false))
        {
            if (!plans.TryGetValue(a.PlanId, out var p)) plans[a.PlanId] = p = await store.Plans.GetAsync(tenantId, a.PlanId, ct)
                .ConfigureAwait(false);
            if (p is { Status: PlanStatus.Published }) candidates.Add((p, a));
        }
        return candidates;
    }

    /// <summary>Stores the file as the report and updates the assignment card in this chat (or sends it again).</summary>
    private async Task HandInAsync(TurnState state, Member member, ReportFile file, Target target, bool kept, CancellationToken ct)
    {
        var (plan, record, period) = target;
        var turn = state.Turn;
        try
        {
            var report = kept
                ? await reports.HandInPendingFileAsync(plan, record, member.AadObjectId, member.DisplayName, period, file, state.Activity.Id, ct)
                    .ConfigureAwait(false)
                : await reports.HandInFileAsync(plan, record, member.AadObjectId, member.DisplayName, period, file, state.Activity.Id, ct)
                    .ConfigureAwait(false);
            if (kept) await reports.ClearPendingFileAsync(plan.TenantId, member.AadObjectId, ct).ConfigureAwait(false);
            var card = await cards.ForViewerAsync(plan, record, state.View, true, ct).ConfigureAwait(false);
            await turn.SendTextAsync($"✓ Đã nhận tệp \"{file.Name}\" — báo cáo kỳ hạn {DueFormat.Date(period.Due)}. / " +
                $"Received \"{file.Name}\" as the report for {DueFormat.Date(period.Due)}.", ct).ConfigureAwait(false);
            if (record.CardActivityId is { Length: > 0 } cardId && record.CardConversationId == turn.ConversationId)
            {
                try
                {
                    await turn.UpdateAsync(cardId, card.ToMessage(), ct).ConfigureAwait(false);
                    return;
                }
                catch (ConnectorException e)
                {
                    logger.LogWarning(e, "Card {ActivityId} could not be updated after report {ReportId}", cardId, report.ReportId);
                }
            }
            await turn.SendAsync(card.ToMessage(), ct).ConfigureAwait(false);
        }
        catch (ReportHandInException e)
        {
            await turn.SendTextAsync($"⚠ {e.Vi} / {e.En}", ct).ConfigureAwait(false);
        }
    }
}
