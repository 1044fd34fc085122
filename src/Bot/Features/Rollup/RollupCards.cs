using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPlans.Plans.Scheduling;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Rollup;

/// <summary>The department roll-up card.</summary>
internal static class RollupCards
{

    /// <summary>
    /// For a department plan: which units issued their implementing plan and, per periodic deadline of the year, which
    /// handed in their report. Units with an overdue report (or no implementing plan) come first, highlighted.
    /// </summary>
    /// <param name="unitNames">Display names of unit tenants (e.g. the issuer of their plan); the tenant id otherwise.</param>
    public static AdaptiveCard Rollup(DepartmentRollup r, IReadOnlyDictionary<string, string> unitNames, CardView v)
        => Fit(scale => BuildRollup(r, unitNames, v, scale));

    private static AdaptiveCard BuildRollup(DepartmentRollup r, IReadOnlyDictionary<string, string> unitNames, CardView v, double scale)
    {
        var s = v.S;
        var rt = RollupTexts.For(v);
        string Name(string t) => unitNames.TryGetValue(t, out var n) && !string.IsNullOrWhiteSpace(n) ? n : t;
        var overdueUnits = r.Units.Where(u => u.OverdueCount > 0).ToList();
        var body = new List<CardElement>
        {
            new TextBlock(rt.Header + " · " + N(r.Year)) { Size = "large", Weight = "bolder", Style = "heading" },
            new TextBlock(Cut((r.Number is null ? "" : r.Number + " — ") + r.Title, 250, scale)) { Weight = "bolder" },
            new FactSet
            {
                Id = "rollupFacts",
                Facts =
                [
                    new Fact(rt.Units, N(r.Units.Count)),
                    new Fact(rt.Issued, $"{N(r.Units.Count(u => u.IssuedImplementingPlan))}/{N(r.Units.Count)}"),
                    .. r.Occurrences.Select(o => new Fact($"{DueFormat.Date(o.Due)} — {Cut(o.What, 80, scale)}",
                        $"{N(r.Units.Count(u => u.Periods.Any(p => p.Occurrence == o && p.Submitted)))}/{N(r.Units.Count)} {rt.Submitted}")),
                    new Fact(rt.OverdueUnits, N(overdueUnits.Count)),
                ]
            },
        };
        if (r.Occurrences.Count == 0) body.Add(new TextBlock(rt.NoOccurrences) { IsSubtle = true });
        var cap = Cap(30, scale);
        var ordered = r.Units.OrderByDescending(u => u.OverdueCount).ThenBy(u => u.IssuedImplementingPlan)
            .ThenBy(u => Name(u.TenantId), StringComparer.Ordinal).ToList();
        foreach (var u in ordered.Take(cap))
        {
            var bad = u.OverdueCount > 0 || !u.IssuedImplementingPlan;
            var items = new List<CardElement>
            {
                new TextBlock((u.OverdueCount > 0 ? "⚠ " : "") + Cut(Name(u.TenantId), 120, scale)) { Weight = "bolder",
                    Color = u.OverdueCount > 0 ? "attention" : null },
                new TextBlock(u.IssuedImplementingPlan
                    ? "✓ " + rt.Issued + ": " + string.Join("; ",
                        u.ImplementingPlans.Take(3).Select(p => (p.Number ?? p.Title) + (p.IssuedOn is { } d ? " (" + DueFormat.Date(d) + ")" : "")))
                    : "✗ " + rt.NotIssued) { Color = u.IssuedImplementingPlan ? "good" : "warning", Spacing = "small" },
            };
            foreach (var p in u.Periods.Take(Cap(8, scale)))
            {
                var state = p.Submitted
                    ? "✓ " + rt.Submitted + (p.SubmittedAt is { } at ? " " + DueFormat.Date(VietnamTime.DateOf(at)) : "")
                    : p.Overdue ? "⚠ " + rt.Missing + " · " + s.Overdue : rt.NotDue;
                state += Review.ReviewCounting.PendingSuffix(p, v); // issue 15: handed in, not accepted yet
                items.Add(new TextBlock($"{DueFormat.Date(p.Occurrence.Due)}: {state}")
                    { Spacing = "none", Color = Review.ReviewCounting.PeriodColor(p), IsSubtle = !p.Submitted && !p.Overdue ? true : null });
            }
            body.Add(new Container { Items = items, Separator = true, Spacing = "medium", Style = u.OverdueCount > 0 ? "attention" : bad
                ? "warning" : null });
        }
        if (ordered.Count > cap) body.Add(new TextBlock(s.More(ordered.Count - cap)) { IsSubtle = true });
        var data = new JsonObject { ["planId"] = r.PlanId, ["tenantId"] = r.TenantId, ["year"] = r.Year };
        return new AdaptiveCard
        {
            Lang = s.Lang, FallbackText = rt.Header, Body = body,
            Actions = [Execute(rt.Refresh, CardVerbs.Rollup, data)],
        };
    }
}
