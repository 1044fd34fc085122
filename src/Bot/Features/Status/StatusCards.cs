using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPlans.Plans.Scheduling;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>The status card of principals: counts, next deadlines, who has not acknowledged, delivery problems.</summary>
internal static class StatusCards
{
    /// <summary>Plans shown on the card at most (the rest are counted in a "… more" line).</summary>
    internal const int MaxPlans = 5;

    /// <summary>Counts per plan, next deadlines, who has not acknowledged, and (for principals) a "remind" action.</summary>
    /// <param name="reportsHandedIn">Per plan id: reports handed in (distinct assignment + period); omitted = not shown.</param>
    /// <param name="deliveryProblems">Per plan id: assignment cards / reminders that failed, and members who blocked the bot.
    /// Shown when not zero, with a "resend" action for the failed ones.</param>
    /// <param name="totalPlans">How many plans there are when <paramref name="plans"/> holds only the first <see cref="MaxPlans"/>.</param>
    public static AdaptiveCard Status(IReadOnlyList<(StoredPlan Plan, IReadOnlyList<AssignmentRecord> Assignments)> plans,
        IReadOnlyDictionary<string, Member> members, CardView v, bool canRemind, IReadOnlyDictionary<string, int>? reportsHandedIn = null,
        IReadOnlyDictionary<string, (int Failed, int Blocked)>? deliveryProblems = null, int? totalPlans = null,
        IReadOnlyDictionary<string, DeliveryTally>? tallies = null, int skip = 0)
        => Fit(scale => BuildStatus(plans, members, v, canRemind, reportsHandedIn, deliveryProblems, scale, totalPlans ?? plans.Count,
            tallies, skip));

    private static AdaptiveCard BuildStatus(IReadOnlyList<(StoredPlan Plan, IReadOnlyList<AssignmentRecord> Assignments)> plans,
        IReadOnlyDictionary<string, Member> members, CardView v, bool canRemind, IReadOnlyDictionary<string, int>? reportsHandedIn,
        IReadOnlyDictionary<string, (int Failed, int Blocked)>? deliveryProblems, double scale, int totalPlans,
        IReadOnlyDictionary<string, DeliveryTally>? tallies, int skip)
    {
        var s = v.S;
        var t = StatusTexts.For(v);
        var body = new List<CardElement> { new TextBlock(t.BoardHeader) { Size = "large", Weight = "bolder", Style = "heading" } };
        if (totalPlans == 0) body.Add(new TextBlock(t.NoPlans));
        var planCap = Cap(MaxPlans, scale);
        var shown = Math.Min(planCap, plans.Count);
        if (StatusPaging.Caption(skip, shown, totalPlans, v) is { } caption) body.Add(new TextBlock(caption) { IsSubtle = true, Spacing = "none" });
        foreach (var (plan, list) in plans.Take(planCap))
        {
            var counts = StatusCounts.Of(list, plan.Document.Year, v.Today);
            var items = new List<CardElement>
            {
                new TextBlock(Cut(PlanTitle(plan), 250, scale)) { Weight = "bolder", Size = "medium" },
                new TextBlock($"{plan.Number ?? "—"} · {(plan.Status == PlanStatus.Published ? s.Published : s.Draft)}") { IsSubtle = true,
                    Spacing = "none" },
                new FactSet
                {
                    Facts =
                    [
                        new Fact(t.Total, N(counts.Total)),
                        new Fact(s.Assigned, N(counts.Assigned)),
                        new Fact(s.Acknowledged, N(counts.Acknowledged)),
                        new Fact(s.InProgress, N(counts.InProgress)),
                        new Fact(s.Done, N(counts.Done)),
                        new Fact(s.Overdue, N(counts.Overdue)),
                    ]
                },
            };
            if (reportsHandedIn is not null)
                ((FactSet)items[^1]).Facts.Add(new Fact(t.ReportsHandedIn, N(reportsHandedIn.GetValueOrDefault(plan.PlanId))));
            if (tallies?.GetValueOrDefault(plan.PlanId) is { } tally)
                items.Add(new TextBlock(DeliveryTallyTexts.For(v).Line(tally)) { Spacing = "small", Color = tally.Waiting > 0 ? "warning"
                    : "default" });

            var upcoming = list
                .Where(a => a.State.Status != AssignmentStatus.Done)
                .Select(a => (a, next: DueFormat.Next(a.Deadlines, plan.Document.Year, v.Today)))
                .Where(x => x.next is not null)
                .OrderBy(x => x.next!.Value.Day).ThenBy(x => x.a.Ordinal)
                .ToList();
            if (upcoming.Count > 0)
            {
                items.Add(new TextBlock(t.NextDeadlines) { Weight = "bolder", Spacing = "medium" });
                var cap = Cap(5, scale);
                foreach (var (a, next) in upcoming.Take(cap))
                    items.Add(new TextBlock($"{DueFormat.Date(next!.Value.Day)} — {Who(a, members, s)}: " +
                        $"{Cut(next.Value.Deadline.What is { Length: > 0 } w ? w : a.Duty, 160, scale)}") { Spacing = "small" });
                if (upcoming.Count > cap) items.Add(new TextBlock(s.More(upcoming.Count - cap)) { IsSubtle = true, Spacing = "small" });
            }

            var notAck = list.Where(a => a.State.Status == AssignmentStatus.Assigned).ToList();
            items.Add(new TextBlock(t.NotAcknowledged + $" ({notAck.Count})") { Weight = "bolder", Spacing = "medium" });
            if (notAck.Count == 0) items.Add(new TextBlock(t.EveryoneAcknowledged) { Color = "good", Spacing = "small" });
            else
            {
                var cap = Cap(15, scale);
                var names = notAck.Select(a => Who(a, members, s)).Distinct().ToList();
                items.Add(new TextBlock(string.Join(", ", names.Take(cap))
                    + (names.Count > cap ? " " + s.More(names.Count - cap) : "")) { Spacing = "small" });
                if (canRemind && plan.Status == PlanStatus.Published)
                    items.Add(new ActionSet
                    {
                        Actions = [Execute(t.Remind, CardVerbs.Remind, new JsonObject { ["planId"] = plan.PlanId, ["tenantId"] = plan.TenantId })]
                    });
            }
            if (deliveryProblems?.GetValueOrDefault(plan.PlanId) is { } problems && problems.Failed + problems.Blocked > 0)
            {
                items.Add(new TextBlock(string.Format(CultureInfo.InvariantCulture, t.DeliveryProblems, problems.Failed, problems.Blocked))
                    { Color = "attention", Weight = "bolder", Spacing = "medium" });
                if (canRemind && problems.Failed > 0)
                    items.Add(new ActionSet
                    {
                        Actions =
                            [Execute(t.ResendFailed, CardVerbs.Resend, new JsonObject { ["planId"] = plan.PlanId, ["tenantId"] = plan.TenantId })]
                    });
            }
            body.Add(new Container { Items = items, Separator = true, Spacing = "large" });
        }
        // More plans than fit: a "Trang sau" page, not a trimmed list.
        if (plans.Count > 0 && StatusPaging.Next(plans[0].Plan.TenantId, skip, shown, totalPlans, v) is { } nextPage) body.Add(nextPage);
        return new AdaptiveCard { Lang = s.Lang, FallbackText = t.BoardHeader, Body = body };
    }
}
