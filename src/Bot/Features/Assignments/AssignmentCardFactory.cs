using TeamsPlans.Bot.Features.Review;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Features.Assignments;

/// <summary>
/// The one place an assignment card is assembled — for the chat turn (answer to a click, a report handed in), the
/// delivery of a new duty or a reminder, the direct publisher and the refresh after a Planner change. Every card carries
/// the assignee's name, the current state and the reports handed in.
/// </summary>
internal sealed class AssignmentCardFactory(IStateStore store, TimeProvider time, ILogger<AssignmentCardFactory> logger,
    IHistoryStore history, OfficialStateCalculator states)
{
    /// <summary>
    /// The card as someone in a chat turn sees it (<paramref name="view"/>: their language); it refreshes for the
    /// assignee's Teams user id when the assignee has a conversation with the bot.
    /// </summary>
    public async Task<AdaptiveCard> ForViewerAsync(StoredPlan plan, AssignmentRecord a, CardView view, bool interactive, CancellationToken ct)
    {
        Member? assignee = null;
        var users = new List<string>();
        if (a.MemberAadObjectId is not null)
        {
            assignee = await store.Members.GetAsync(plan.TenantId, a.MemberAadObjectId, ct).ConfigureAwait(false);
            var reference = await store.Conversations.GetAsync(plan.TenantId, a.MemberAadObjectId, ct).ConfigureAwait(false);
            if (reference is not null) users.Add(reference.UserId);
        }
        if (users.Count > PlanCards.MaxRefreshUsers)
            logger.LogWarning("Refresh of {AssignmentId} limited to {Max} of {Count} users", a.AssignmentId, PlanCards.MaxRefreshUsers, users.Count);
        var handedIn = await store.Reports.ListByAssignmentAsync(plan.TenantId, a.AssignmentId, ct).ConfigureAwait(false);
        return await ExtrasAsync(AssignmentCards.Assignment(plan, a, assignee?.DisplayName, view, users, interactive, handedIn), plan, a, view, ct)
            .ConfigureAwait(false);
    }

    /// <summary>The card sent to the assignee (<paramref name="member"/>, in their language), refreshing for <paramref name="userId"/>.</summary>
    public async Task<(AdaptiveCard Card, CardView View)> ForAssigneeAsync(StoredPlan plan, AssignmentRecord a, Member? member, string userId,
        CancellationToken ct)
    {
        var reports = await store.Reports.ListByAssignmentAsync(plan.TenantId, a.AssignmentId, ct).ConfigureAwait(false);
        var view = CardView.For(member?.PreferredLocale, VietnamTime.Today(time));
        var card = AssignmentCards.Assignment(plan, a, member?.DisplayName, view, [userId], reports: reports);
        return (await ExtrasAsync(card, plan, a, view, ct).ConfigureAwait(false), view);
    }

    /// <summary>The card sent to the assignee when the caller already holds the member and the reports (the delivery worker).</summary>
    public static AdaptiveCard ForAssignee(StoredPlan plan, AssignmentRecord a, Member? member, CardView view,
        IReadOnlyList<string>? refreshUserIds, IReadOnlyList<ReportSubmission>? reports) =>
        AssignmentCardExtras.Apply(Regime.RegimeCards.Apply(AssignmentCards.Assignment(plan, a, member?.DisplayName, view, refreshUserIds,
            reports: reports), plan, a, view), a, view,
            ReviewStatus.None.StateOf(DefaultStates, a, plan.Document.Year, view.Today), ReviewStatus.None);

    /// <summary>The official state, the review state (from the history) and the history button (issue 15).</summary>
    private async Task<AdaptiveCard> ExtrasAsync(AdaptiveCard card, StoredPlan plan, AssignmentRecord a, CardView view, CancellationToken ct)
    {
        var entries = await history.ListByAssignmentAsync(plan.TenantId, a.AssignmentId, ct).ConfigureAwait(false);
        var review = ReviewStatus.Of(entries);
        return AssignmentCardExtras.Apply(Regime.RegimeCards.Apply(card, plan, a, view), a, view,
            review.StateOf(states, a, plan.Document.Year, view.Today), review,
            [.. entries.Where(e => e.Event == HistoryEvent.Comment)], await store.Members.ListAsync(plan.TenantId, ct).ConfigureAwait(false));
    }

    /// <summary>The delivery worker's cards (no history at hand) use the default working-day calendar.</summary>
    private static readonly OfficialStateCalculator DefaultStates = new(new ReminderCalendar());
}
