using System.Globalization;
using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Plans.Scheduling;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Review;

/// <summary>
/// The card the receiver of a report gets: the plan, the duty, who handed it in and when (round N), the summary and the
/// file link, the earlier rounds (<see cref="ReviewRounds"/>), then "Chấp nhận" and "Trả lại" (a required reason). Once decided it shows the
/// decision instead of buttons.
/// </summary>
internal static class ReviewCards
{
    public static AdaptiveCard Card(StoredPlan plan, AssignmentRecord a, HistoryEntry handIn, ReportSubmission? report, int round,
        HistoryEntry? decision, CardView v, IReadOnlyList<HistoryEntry>? history = null)
        => Fit(scale =>
        {
            var t = ReviewTexts.For(v);
            var facts = new List<Fact>
            {
                new(t.From, handIn.ActorName ?? handIn.Actor),
                new(v.S.ReportPeriodLabel, report is null ? "" : ReportPeriods.ParseKey(report.Period) is { } d ? DueFormat.Date(d) : report.Period),
                new(t.Round, round.ToString(CultureInfo.InvariantCulture) + " · " + VietnamTime.Local(handIn.At)
                    .ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)),
            };
            var body = new List<CardElement>
            {
                new TextBlock(t.ReviewHeader) { Size = "small", IsSubtle = true },
                new TextBlock(Cut(PlanTitle(plan), 300, scale)) { Size = "medium", Weight = "bolder", Style = "heading" },
                new TextBlock(Cut(a.Duty, 600, scale)) { Spacing = "small" },
                new FactSet { Facts = facts },
            };
            if (!string.IsNullOrWhiteSpace(handIn.Detail))
            {
                body.Add(new TextBlock(t.Summary) { Weight = "bolder", Spacing = "medium" });
                body.Add(new TextBlock(Cut(handIn.Detail, 1500, scale)) { Id = "reportSummary", Spacing = "small" });
            }
            body.AddRange(ReviewRounds.Earlier(history ?? [], handIn, t, scale)); // who returned it before, when, why
            var actions = new List<CardAction>();
            if (report?.FileUri is { } uri && Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.Scheme is "https" or "http" or "file")
                actions.Add(new OpenUrlAction { Title = t.OpenReport, Url = u.AbsoluteUri });
            var data = AssignmentCards.AssignmentData(a);
            if (decision is null)
            {
                actions.Add(Execute(t.Accept, CardVerbs.Accept, data, style: "positive"));
                actions.Add(new ShowCardAction
                {
                    Title = t.Return,
                    Card = new AdaptiveCard
                    {
                        Schema = null, MsTeams = null,
                        Body = [new TextInput { Id = CardVerbs.ReturnReasonInput, Label = t.ReasonLabel, IsMultiline = true, MaxLength = 500,
                            IsRequired = true, ErrorMessage = t.ReasonRequired }],
                        Actions = [Execute(t.ReturnSubmit, CardVerbs.Return, data, style: "destructive", associatedInputs: "auto")],
                    },
                });
            }
            else
            {
                var day = VietnamTime.Local(decision.At).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
                var who = decision.ActorName ?? decision.Actor;
                body.Add(decision.Event == HistoryEvent.Accepted
                    ? new TextBlock(t.AcceptedBy(who, day)) { Id = "reviewDecision", Color = "good", Weight = "bolder", Separator = true }
                    : new TextBlock(Cut(t.ReturnedBy(who, day, decision.Detail ?? ""), 700, scale)) { Id = "reviewDecision", Color = "attention",
                        Weight = "bolder", Separator = true });
            }
            return new AdaptiveCard { Lang = v.S.Lang, FallbackText = t.ReviewHeader + ": " + Cut(a.Duty, 200, 1), Body = body, Actions = actions };
        });
}
