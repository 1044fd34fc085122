using System.Globalization;
using System.Text.Json.Nodes;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>The cards of "hạn sắp tới" (date dd/MM/yyyy, what, who, state; the first
/// rows of <c>total</c>) and "ai chưa xác nhận" (names and "Nhắc nhở").</summary>
internal static class StatusListCards
{
    public static AdaptiveCard Deadlines(IReadOnlyList<DeadlineRow> rows, int total, IReadOnlyDictionary<string, Member> members, bool all,
        CardView v) =>
        Fit(scale =>
        {
            var (s, t) = (v.S, StatusTexts.For(v));
            var header = all ? t.DeadlinesAll : t.DeadlinesMine;
            var body = new List<CardElement> { new TextBlock(header) { Size = "large", Weight = "bolder", Style = "heading" } };
            if (rows.Count == 0) body.Add(new TextBlock(t.NoDeadlines));
            var cap = Cap(20, scale);
            foreach (var r in rows.Take(cap))
            {
                var what = r.Deadline.What is { Length: > 0 } w ? w : r.Assignment.Duty;
                var state = r.Assignment.State.Status == AssignmentStatus.InProgress
                    ? $"{s.StatusName(r.Assignment.State.Status)} {r.Assignment.State.PercentComplete.ToString(CultureInfo.InvariantCulture)} %"
                    : s.StatusName(r.Assignment.State.Status);
                body.Add(new Container
                {
                    Separator = true, Spacing = "small",
                    Items =
                    [
                        new TextBlock($"{DueFormat.Date(r.Day)} — {Cut(what, 200, scale)}") { Weight = "bolder" },
                        new TextBlock($"{Who(r.Assignment, members, s)} · {state} · {r.PlanNumber ?? "—"}") { IsSubtle = true, Spacing = "none" },
                    ],
                });
            }
            var (shown, count) = (Math.Min(cap, rows.Count), Math.Max(total, rows.Count)); // total: every assignment with a next deadline
            if (count > shown) body.Add(new TextBlock(s.More(count - shown)) { IsSubtle = true });
            return new AdaptiveCard { Lang = s.Lang, FallbackText = header, Body = body };
        });

    public static AdaptiveCard NotAcknowledged(IReadOnlyList<(StoredPlan Plan, IReadOnlyList<AssignmentRecord> NotAcknowledged)> plans,
        IReadOnlyDictionary<string, Member> members, CardView v) =>
        Fit(scale =>
        {
            var (s, t) = (v.S, StatusTexts.For(v));
            var body = new List<CardElement> { new TextBlock(t.NotAcknowledgedHeader) { Size = "large", Weight = "bolder", Style = "heading" } };
            if (plans.Count == 0) body.Add(new TextBlock(t.NoPublishedPlan));
            foreach (var (plan, list) in plans.Take(Cap(5, scale)))
            {
                var items = new List<CardElement>
                {
                    new TextBlock(Cut(PlanTitle(plan), 250, scale)) { Weight = "bolder" },
                    new TextBlock($"{plan.Number ?? "—"} · {t.NotAcknowledged} ({list.Count})") { IsSubtle = true, Spacing = "none" },
                };
                if (list.Count == 0) items.Add(new TextBlock(t.EveryoneAcknowledged) { Color = "good", Spacing = "small" });
                else
                {
                    var names = list.Select(a => Who(a, members, s)).Distinct().ToList();
                    var cap = Cap(30, scale);
                    items.Add(new TextBlock(string.Join(", ", names.Take(cap))
                        + (names.Count > cap ? " " + s.More(names.Count - cap) : "")) { Spacing = "small" });
                    items.Add(new ActionSet { Actions = [
                        Execute(t.Remind, CardVerbs.Remind, new JsonObject { ["planId"] = plan.PlanId, ["tenantId"] = plan.TenantId })] });
                }
                body.Add(new Container { Items = items, Separator = true, Spacing = "large" });
            }
            return new AdaptiveCard { Lang = s.Lang, FallbackText = t.NotAcknowledgedHeader, Body = body };
        });
}
