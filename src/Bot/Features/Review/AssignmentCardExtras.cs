using TeamsPlans.Bot.Features.History;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// What issue 15 adds to the assignment card built by <see cref="Assignments.AssignmentCards"/>: the official state
/// under the status line, the review state of the latest report ("Trả lại: &lt;lý do&gt;" with "Nộp lại báo cáo"), and
/// the last comments with "Trao đổi", and the "Lịch sử" button.
/// </summary>
internal static class AssignmentCardExtras
{
    public static AdaptiveCard Apply(AdaptiveCard card, AssignmentRecord a, CardView v, OfficialState state, ReviewStatus review,
        IReadOnlyList<HistoryEntry>? comments = null, IReadOnlyList<Member>? colleagues = null)
    {
        var t = ReviewTexts.For(v);
        var lines = new List<CardElement>
        {
            new TextBlock($"{t.StateLabel}: {OfficialStateLabels.For(state, v.S.Lang == "vi")}")
                { Id = "officialState", Weight = "bolder", Spacing = "small", Color = Color(state) },
        };
        switch (review.Phase)
        {
            case ReviewPhase.Awaiting:
                lines.Add(new TextBlock(t.Awaiting) { Id = "reviewState", Color = "warning", Spacing = "small" });
                break;
            case ReviewPhase.Returned:
                lines.Add(new TextBlock(DueFormat.Truncate(t.Returned(review.Latest!.Detail ?? ""), 600)) { Id = "reviewState", Color = "attention",
                    Weight = "bolder", Spacing = "small" });
                break;
            case ReviewPhase.Accepted:
                lines.Add(new TextBlock(t.AcceptedOn(DueFormat.Date(VietnamTime.DateOf(review.Latest!.At)))) { Id = "reviewState", Color = "good",
                    Spacing = "small" });
                break;
        }
        var at = card.Body.FindIndex(e => e.Id == "status");
        card.Body.InsertRange(at < 0 ? card.Body.Count : at + 1, lines);
        Units.UnitHandOvers.Apply(card, a, v);
        if (comments is not null) card.Body.AddRange(Comments.CommentCards.Recent(comments, v));

        card.Actions ??= [];
        if (review.Phase == ReviewPhase.Returned)
        {
            var handIn = card.Actions.FindIndex(x => x is ShowCardAction && x.Title == v.S.HandIn);
            if (handIn >= 0) card.Actions[handIn] = new ShowCardAction { Title = t.HandInAgain, Card = ((ShowCardAction)card.Actions[handIn]).Card };
        }
        // In an ActionSet of the body: Teams shows at most 5 actions at the card's foot.
        var extra = new List<CardAction>();
        if (comments is not null) extra.AddRange(Comments.CommentCards.Actions(a, comments.Count, v));
        if (colleagues is { Count: > 1 }) extra.Add(Reassign.ReassignCards.Action(a, colleagues, v));
        extra.Add(PlanCards.Execute(HistoryTexts.For(v).Button, CardVerbs.History, Assignments.AssignmentCards.AssignmentData(a)));
        card.Body.Add(new ActionSet { Id = "assignmentExtras", Spacing = "medium", Actions = extra });
        return card;
    }

    private static string? Color(OfficialState s) => s switch
    {
        OfficialState.DoneOnTime => "good",
        OfficialState.DoneLate => "warning",
        OfficialState.OpenOverdue => "attention",
        _ => null,
    };
}
