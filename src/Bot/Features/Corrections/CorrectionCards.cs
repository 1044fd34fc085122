using System.Text.Json.Nodes;
using TeamsPlans.Plans.Corrections;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Corrections;

/// <summary>The correction card: what a revised document changes (added, removed, re-worded, deadlines moved) and "Xác nhận".</summary>
internal static class CorrectionCards
{
    private const int MaxLines = 20;

    public static AdaptiveCard Diff(PlanRevision r, string fileName, CardView v, string? amendingNumber = null)
    {
        var t = CorrectionTexts.For(v.S.Lang == "vi");
        var title = t.Title(r.Plan.Number ?? r.Plan.PlanId);
        var body = new List<CardElement>
        {
            new TextBlock(title) { Weight = "bolder", Size = "medium" },
            new TextBlock(t.FromFile(DueFormat.Truncate(fileName, 120))) { IsSubtle = true },
        };
        if (amendingNumber is not null)
            body.Insert(1, new TextBlock(t.Amends(DueFormat.Truncate(amendingNumber, 60), r.Plan.Number ?? r.Plan.PlanId)) { Weight = "bolder" });
        void Section(string heading, AssignmentChangeKind kind, Func<AssignmentDiff, string> line)
        {
            var lines = r.Diff.Of(kind).Take(MaxLines).Select(line).ToList();
            if (lines.Count == 0) return;
            body.Add(new TextBlock($"{heading} ({r.Diff.Of(kind).Count()})") { Weight = "bolder", Separator = true });
            body.AddRange(lines.Select(l => new TextBlock("• " + l)));
        }
        string Duty(Assignment a) => $"{DueFormat.Truncate(a.Assignee.Display, 60)}: {DueFormat.Truncate(a.Duty, 160)}";
        Assignment Before(AssignmentDiff c)
        {
            var p = r.Published[c.Before!.Value];
            return new Assignment(p.Assignee, p.Duty, p.Deadlines);
        }
        Assignment After(AssignmentDiff c) => r.Revision[c.After!.Value].Assignment;
        string Moves(AssignmentDiff c) => string.Join("; ", c.MovedDeadlines.Select(m =>
            t.Moved(m.From is null ? "—" : DueFormat.Format(m.From, v.S), m.To is null ? "—" : DueFormat.Format(m.To, v.S))));

        Section(t.Added, AssignmentChangeKind.Added, c => Duty(After(c)));
        Section(t.Removed, AssignmentChangeKind.Removed, c => Duty(Before(c)));
        Section(t.Reworded, AssignmentChangeKind.Reworded, c => Duty(After(c)) + (c.MovedDeadlines.Count > 0 ? " (" + Moves(c) + ")" : ""));
        Section(t.Redated, AssignmentChangeKind.Redated, c => $"{DueFormat.Truncate(After(c).Assignee.Display, 60)}: {Moves(c)}");
        body.Add(new TextBlock(t.Unchanged(r.Diff.Of(AssignmentChangeKind.Unchanged).Count())) { IsSubtle = true, Separator = true });
        return new AdaptiveCard
        {
            Lang = v.S.Lang, FallbackText = title, Body = body,
            Actions = [Execute(t.Confirm, CardVerbs.CorrectPlan, new JsonObject { ["planId"] = r.Plan.PlanId }, style: "positive")],
        };
    }
}
