using System.Text.Json.Nodes;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Plans.Units;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.UnitRollup;

/// <summary>
/// The unit roll-up card: counts first (units, implementing plans issued, each periodic report on time / late / missing /
/// not due, red / orange / green), then the first units, red first, each with its implementing plan (linked when the
/// cascade attached it) and its reports.
/// </summary>
internal static class UnitRollupCards
{
    public const int FirstUnits = 20;
    /// <summary>Data key of the card's page: how many units (red first) come before it.</summary>
    public const string UnitSkip = "unitSkip";

    /// <summary>The card of the units from <paramref name="skip"/> on, as many as fit (Teams refuses a message over its
    /// limit, 413), with "Trang sau" to the next ones.</summary>
    public static AdaptiveCard Card(UnitRollupService.Outcome o, UnitRollupFilter filter, CardView v, int skip = 0) =>
        Fit(scale => Build(o, filter, v, scale, skip < 0 || skip >= o.Result.Rows.Count ? 0 : skip));

    private static AdaptiveCard Build(UnitRollupService.Outcome o, UnitRollupFilter filter, CardView v, double scale, int skip)
    {
        var t = UnitRollupTexts.For(v);
        var r = o.Result;
        var english = v.S.Lang != "vi";
        var body = new List<CardElement>
        {
            new TextBlock(t.Header + " · " + N(o.Year)) { Size = "large", Weight = "bolder", Style = "heading" },
            new TextBlock(Cut((o.Plan.Number is null ? "" : o.Plan.Number + " — ") + o.Plan.Title, 250, scale)) { Weight = "bolder", Wrap = true },
        };
        if (!filter.IsAll)
            body.Add(new TextBlock($"{t.Filter}: {string.Join(", ", filter.Kinds.Select(k => UnitKinds.Label(k, english)))}"
                + (filter.ParentCode is { } p ? $" {t.Under} {p}" : "")) { IsSubtle = true, Spacing = "none" });
        var facts = new List<Fact>
        {
            new(t.Units, filter.IsAll ? N(r.Rows.Count) : t.UnitsOf(r.Rows.Count, r.UnitsInPlan)),
            new(t.Issued, $"{N(r.Issued)}/{N(r.Rows.Count)}"),
        };
        foreach (var p in r.Periods)
            facts.Add(new Fact($"{DueFormat.Date(p.Due)} — {Cut(p.What, 70, scale)}",
                t.PeriodCounts(r.Count(p, ReportTiming.OnTime), r.Count(p, ReportTiming.Late), r.Count(p, ReportTiming.Missing),
                    r.Count(p, ReportTiming.NotDue))));
        facts.Add(new Fact("", t.Lights(r.Count(RollupLight.Red), r.Count(RollupLight.Orange), r.Count(RollupLight.Green))));
        body.Add(new FactSet { Id = "unitRollupFacts", Facts = facts });
        if (r.Periods.Count == 0) body.Add(new TextBlock(t.NoPeriods) { IsSubtle = true });
        if (r.Rows.Count == 0) body.Add(new TextBlock(t.NoUnits) { Color = "warning" });
        var cap = Cap(FirstUnits, scale);
        var shown = r.Rows.Skip(skip).Take(cap).ToList();
        var paging = UnitPagingTexts.For(v);
        if (shown.Count < r.Rows.Count)
            body.Add(new TextBlock(paging.Caption(skip + 1, skip + shown.Count, r.Rows.Count)) { IsSubtle = true, Spacing = "medium" });
        foreach (var row in shown) body.Add(UnitBlock(row, t, scale, v));
        var data = new JsonObject
        {
            ["planId"] = o.Plan.PlanId, ["year"] = o.Year, ["units"] = true,
            ["kinds"] = string.Join(',', filter.Kinds), ["parent"] = filter.ParentCode,
        };
        var actions = new List<CardAction> { Execute(t.Refresh, CardVerbs.Rollup, data) };
        var left = r.Rows.Count - skip - shown.Count;
        if (left > 0)
        {
            var next = (JsonObject)data.DeepClone();
            next[UnitSkip] = skip + shown.Count;
            actions.Insert(0, Execute(paging.Next(left), CardVerbs.Rollup, next));
        }
        return new AdaptiveCard { Lang = v.S.Lang, FallbackText = t.Header, Body = body, Actions = actions };
    }

    private static Container UnitBlock(UnitRollupRow row, UnitRollupTexts t, double scale, CardView v)
    {
        var (dot, color, style) = row.Light switch
        {
            RollupLight.Red => ("🔴", "attention", "attention"),
            RollupLight.Orange => ("🟠", "warning", "warning"),
            _ => ("🟢", "good", (string?)null),
        };
        var plan = row.PlanIssued
            ? t.PlanIssued + (row.Plan is { } l ? ": " + PlanLink(l) : "")
                + (row.PlanTiming == ReportTiming.Late ? " · " + t.Timing(ReportTiming.Late) : "")
            : row.PlanTiming == ReportTiming.NotDue ? t.PlanNotDue : t.PlanMissing;
        var items = new List<CardElement>
        {
            new TextBlock($"{dot} {Cut(row.Unit.Name, 120, scale)} ({row.Unit.Code})") { Weight = "bolder", Color = color },
            new TextBlock(plan) { Spacing = "small", Color = row.PlanIssued ? "good" : row.PlanTiming == ReportTiming.Missing ? "attention" : null,
                Wrap = true },
        };
        foreach (var p in row.Reports.Take(Cap(6, scale)))
            items.Add(new TextBlock($"{DueFormat.Date(p.Period.Due)}: {Review.ReviewCounting.UnitTiming(p, t.Timing, v)}"
                + (p.SubmittedAt is { } at ? $" ({t.HandedIn} {DueFormat.Date(VietnamTime.DateOf(at))})" : ""))
            {
                Spacing = "none",
                Color = p.Timing switch { ReportTiming.OnTime => "good", ReportTiming.Late => "warning", ReportTiming.Missing => "attention",
                    _ => null },
                IsSubtle = p.Timing == ReportTiming.NotDue ? true : null,
            });
        return new Container { Items = items, Separator = true, Spacing = "medium", Style = style };
    }

    /// <summary>"12/KH-THCS (15/09/2023)", as a link to the plan's document when the library has it.</summary>
    private static string PlanLink(UnitPlanLink l)
    {
        var label = (l.ChildNumber ?? l.ChildTitle) + (l.ChildIssuedOn is { } d ? " (" + DueFormat.Date(d) + ")" : "");
        return l.ChildDocumentUri is { } uri && Uri.TryCreate(uri, UriKind.Absolute, out var u)
            && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            ? $"[{label}]({uri})" : label;
    }
}
