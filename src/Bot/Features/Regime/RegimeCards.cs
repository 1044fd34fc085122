using TeamsPlans.Plans.Deadlines;

namespace TeamsPlans.Bot.Features.Regime;

/// <summary>
/// The report regime of each report deadline of an assignment (issue 15; Decree 09/2019/NĐ-CP: name, content, recipient,
/// method, frequency, data cut-off, outline / form), as the plan states it (<see cref="ReportRegimes.For"/>), under the
/// deadlines of the assignment card. A periodic report without a printed cut-off shows the decree's default. When the
/// outline or form is named and the plan document has a web address, "Mở đề cương / mẫu" opens it (the Phụ lục is in it);
/// a form file set in the import preview (<see cref="RegimeEditor"/>, a file in the library) is opened instead.
/// </summary>
internal static class RegimeCards
{
    public static AdaptiveCard Apply(AdaptiveCard card, StoredPlan plan, AssignmentRecord a, CardView v)
    {
        var blocks = new List<CardElement>();
        var seen = new HashSet<ReportRegime>();
        foreach (var d in a.Deadlines)
            if (ReportRegimes.For(plan.Document, d) is { } r && seen.Add(r))
                blocks.Add(Block(plan, r, d, v, "regime-" + seen.Count));
        if (blocks.Count == 0) return card;
        var at = card.Body.FindIndex(e => e.Id == "status");
        card.Body.InsertRange(at < 0 ? card.Body.Count : at, blocks);
        return card;
    }

    /// <summary>The facts of one regime (also the import preview's).</summary>
    public static List<Fact> Facts(ReportRegime r, Deadline? d, int? planYear, CardView v)
    {
        var t = RegimeTexts.For(v);
        var facts = new List<Fact> { new(t.Name, DueFormat.Truncate(r.What, 200)) };
        if ((r.Content ?? r.Source) is { Length: > 0 } src && !string.Equals(src, r.What, StringComparison.Ordinal))
            facts.Add(new(t.Content, DueFormat.Truncate(src, 400)));
        if ((r.To ?? d?.To) is { Length: > 0 } to) facts.Add(new(t.To, to));
        if (r.Method is { Length: > 0 } m) facts.Add(new(t.Method, m));
        var frequency = r.Frequency ?? d?.Recurrence;
        facts.Add(new(t.Frequency, frequency is { } f ? t.FrequencyName(f) : t.AdHoc));
        if (d is not null) facts.Add(new(t.Due, DueFormat.Format(d, v.S)));
        if (r.DataTo is { } to2)
            facts.Add(new(t.Cutoff, (r.DataFrom is { } from ? DueFormat.Date(from) + " – " : "… – ") + DueFormat.Date(to2)));
        else if (frequency is { } fq && d is not null)
        {
            var (from, end) = ReportRegimes.DefaultCutoff(fq, DueFormat.LastDay(d, planYear, v.Today));
            facts.Add(new(t.Cutoff, $"{DueFormat.Date(from)} – {DueFormat.Date(end)} {t.DefaultCutoff}"));
        }
        if (r.Outline is { Length: > 0 } o) facts.Add(new(t.Outline, o));
        return facts;
    }

    /// <summary>The import preview's section: every regime the reader found, with its facts (at most <paramref name="cap"/>).</summary>
    public static IEnumerable<CardElement> Preview(PlanDocument doc, CardView v, int cap, bool editable = false)
    {
        if (doc.Reports.Count == 0) yield break;
        var t = RegimeTexts.For(v);
        yield return new TextBlock(t.PreviewCount(doc.Reports.Count)) { Id = "regimes", Weight = "bolder", Spacing = "medium", Separator = true };
        foreach (var (r, i) in doc.Reports.Take(cap).Select((r, i) => (r, i)))
        {
            // The deadline read from the same sentence, when there is one, gives the due date and the default cut-off.
            var d = doc.Deadlines.Concat(doc.Assignments.SelectMany(x => x.Deadlines)).FirstOrDefault(x => ReportRegimes.For(doc, x) == r);
            yield return new FactSet { Id = "regime-preview-" + (i + 1), Facts = Facts(r, d, doc.Year, v), Spacing = "small" };
            if (editable) yield return RegimeEditor.Inputs(r, i + 1, t); // a draft: the principal corrects what was read
        }
        if (doc.Reports.Count > cap) yield return new TextBlock(v.S.More(doc.Reports.Count - cap)) { IsSubtle = true };
    }

    private static Container Block(StoredPlan plan, ReportRegime r, Deadline d, CardView v, string id)
    {
        var t = RegimeTexts.For(v);
        var items = new List<CardElement>
        {
            new TextBlock(t.Header) { Weight = "bolder" },
            new FactSet { Facts = Facts(r, d, plan.Document.Year, v) },
        };
        if (Uri.TryCreate(r.OutlineUri, UriKind.Absolute, out var file) && file.Scheme is "http" or "https")
            items.Add(new ActionSet { Id = id + "-form", Actions = [new OpenUrlAction { Title = t.OpenOutline, Url = file.AbsoluteUri }] });
        else if (r.Outline is { Length: > 0 })
        {
            if (Uri.TryCreate(plan.DocumentUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                items.Add(new ActionSet { Actions = [new OpenUrlAction { Title = t.OpenOutline, Url = uri.AbsoluteUri }] });
            else
                items.Add(new TextBlock($"{t.Outline}: {t.InPlan}") { IsSubtle = true, Spacing = "small" });
        }
        return new Container { Id = id, Spacing = "medium", Separator = true, Items = items };
    }
}
