using System.Globalization;
using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Plans.Scheduling;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Comments;

/// <summary>The comment thread: the last comments and the "Trao đổi" form on the assignment card, and the whole thread card.</summary>
internal static class CommentCards
{
    public const int OnCard = 3;

    /// <summary>"10/04/2023 09:00 · Hồ Thị Thu Cúc: …".</summary>
    public static string Line(HistoryEntry e) =>
        VietnamTime.Local(e.At).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " · " + (e.ActorName ?? e.Actor) + ": " + e.Detail;

    /// <summary>The last <see cref="OnCard"/> comments (none: nothing).</summary>
    public static IEnumerable<CardElement> Recent(IReadOnlyList<HistoryEntry> comments, CardView v)
    {
        if (comments.Count == 0) yield break;
        yield return new TextBlock(CommentTexts.For(v).Recent) { Weight = "bolder", Spacing = "medium" };
        foreach (var c in comments.TakeLast(OnCard))
            yield return new TextBlock(DueFormat.Truncate(Line(c), 400)) { Id = "comment-" + c.Sequence.ToString(CultureInfo.InvariantCulture),
                Spacing = "small", IsSubtle = true };
    }

    /// <summary>"Trao đổi" (a text and "Gửi") and, when there are comments, "Toàn bộ trao đổi".</summary>
    public static IEnumerable<CardAction> Actions(AssignmentRecord a, int count, CardView v)
    {
        var t = CommentTexts.For(v);
        var data = AssignmentCards.AssignmentData(a);
        yield return new ShowCardAction
        {
            Title = t.Button,
            Card = new AdaptiveCard
            {
                Schema = null, MsTeams = null,
                Body = [new TextInput { Id = CardVerbs.ThreadCommentInput, Label = t.Label, IsMultiline = true, MaxLength = 500, IsRequired = true,
                    ErrorMessage = t.Required }],
                Actions = [Execute(t.Submit, CardVerbs.AddComment, data, associatedInputs: "auto")],
            },
        };
        if (count > OnCard) yield return Execute(t.Thread, CardVerbs.Comments, data);
    }

    public static AdaptiveCard Thread(StoredPlan plan, AssignmentRecord a, IReadOnlyList<HistoryEntry> comments, CardView v)
        => Fit(scale =>
        {
            var t = CommentTexts.For(v);
            var body = new List<CardElement>
            {
                new TextBlock(t.Header) { Size = "medium", Weight = "bolder", Style = "heading" },
                new TextBlock(Cut(PlanTitle(plan), 200, scale)) { IsSubtle = true, Size = "small" },
                new TextBlock(Cut(a.Duty, 300, scale)) { Spacing = "small" },
            };
            if (comments.Count == 0) body.Add(new TextBlock(t.Empty) { IsSubtle = true });
            var cap = Cap(50, scale);
            foreach (var c in comments.TakeLast(cap))
                body.Add(new TextBlock(Cut(Line(c), 600, scale)) { Id = "comment-" + c.Sequence.ToString(CultureInfo.InvariantCulture),
                    Spacing = "small" });
            if (comments.Count > cap) body.Add(new TextBlock(v.S.More(comments.Count - cap)) { IsSubtle = true });
            return new AdaptiveCard { Lang = v.S.Lang, FallbackText = t.Header, Body = body };
        });
}
