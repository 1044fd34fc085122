using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPlans.Plans.Scheduling;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>The import preview: what an import extracted, assignee pickers, map / publish.</summary>
internal static class ImportCards
{

    /// <summary>Data key of the pickers' page: the ordinal of the first assignment whose picker the page shows.</summary>
    public const string PickerFrom = "pickerFrom";
    /// <summary>Most pickers on one page of the preview.</summary>
    internal const int PickersPerPage = 8;
    /// <summary>Choices of a picker at full size: the best-ranked members (typing in the picker filters them).</summary>
    internal const int ChoicesPerPicker = 15;

    /// <summary>
    /// What an import extracted: the plan header, each assignment with its resolved member, a member picker per unresolved
    /// assignee (Input.ChoiceSet "map_{assignmentId}"), and "map" / "publish" actions (publish also applies the pickers).
    /// The pickers are paged (Teams refuses a message over its size limit, 413): a page holds as many as fit, from the
    /// assignment <paramref name="pickerFrom"/> on, and "Lưu và trang sau" saves the page's choices and shows the next one.
    /// </summary>
    public static AdaptiveCard ImportPreview(StoredPlan plan, IReadOnlyList<AssignmentRecord> assignments,
        IReadOnlyDictionary<string, Member> members, IReadOnlyList<UnresolvedAssignee> unresolved, CardView v, PreviewNotes? notes = null,
        string? reviewUrl = null, int pickerFrom = 0)
    {
        var n = notes ?? PreviewNotes.None;
        var from = unresolved.Where(u => u.Assignment.Ordinal >= pickerFrom).ToList();
        if (from.Count == 0) from = [.. unresolved]; // past the last page (its pickers were all chosen): back to the first
        var page = new PickerPage(unresolved, from, 0, EditRegimes: true);
        // The report regimes are edited on the first page when it still holds two pickers or more; otherwise the pickers
        // come first and the regimes are edited once every assignee is chosen (or on the tab's review page).
        // Measured fitting (PreviewFit): the most pickers that fit, found by binary search, then the largest scale that fits.
        foreach (var edit in page.Earlier == 0 ? new[] { true, false } : [false])
        {
            var card = PreviewFit.Largest(2, Math.Min(from.Count, PickersPerPage), [1, 0.6], (count, scale) =>
                BuildImportPreview(plan, assignments, members, page with { Count = count, EditRegimes = edit }, v, scale, n, reviewUrl), MaxBytes);
            if (card is not null) return card;
        }
        var last = page with { Count = Math.Min(1, from.Count), EditRegimes = from.Count == 0 };
        return Fit(scale => BuildImportPreview(plan, assignments, members, last, v, scale, n, reviewUrl));
    }

    /// <summary>The pickers of one page: <see cref="Count"/> of <see cref="From"/> (the unresolved from the page's first on).</summary>
    private sealed record PickerPage(IReadOnlyList<UnresolvedAssignee> All, IReadOnlyList<UnresolvedAssignee> From, int Count,
        bool EditRegimes)
    {
        public int Earlier => All.Count - From.Count;
        public IEnumerable<UnresolvedAssignee> Shown => From.Take(Count);
    }

    private static AdaptiveCard BuildImportPreview(StoredPlan plan, IReadOnlyList<AssignmentRecord> assignments,
        IReadOnlyDictionary<string, Member> members, PickerPage pickers, CardView v, double scale, PreviewNotes notes, string? reviewUrl)
    {
        var unresolved = pickers.All;
        var s = v.S;
        var t = PreviewTexts.For(v);
        var resolvedCount = assignments.Count(a => a.MemberAadObjectId is not null);
        var body = new List<CardElement>
        {
            new TextBlock(t.Title + " · " + (plan.Status == PlanStatus.Published ? s.Published : s.Draft)) { Size = "small", IsSubtle = true },
            new TextBlock(Cut(PlanTitle(plan), 300, scale)) { Size = "medium", Weight = "bolder", Style = "heading" },
            new FactSet { Facts = PlanFacts(plan, s) },
            new TextBlock(string.Format(CultureInfo.InvariantCulture, t.Summary, assignments.Count, resolvedCount,
                assignments.Count - resolvedCount)) { Weight = "bolder" },
        };
        var doc = plan.Document;
        if (doc.Warnings.Count > 0)
        {
            var wcap = Cap(5, scale);
            body.Add(new TextBlock(t.Warnings) { Weight = "bolder", Color = "warning", Spacing = "medium" });
            foreach (var w in doc.Warnings.Take(wcap)) body.Add(new TextBlock("• " + Cut(w, 200, scale)) { Spacing = "none", IsSubtle = true });
            if (doc.Warnings.Count > wcap) body.Add(new TextBlock(s.More(doc.Warnings.Count - wcap)) { IsSubtle = true, Spacing = "none" });
        }

        var cap = Cap(20, scale);
        foreach (var a in assignments.Take(cap))
        {
            var resolved = a.MemberAadObjectId is not null && members.TryGetValue(a.MemberAadObjectId, out var m) ? m.DisplayName : null;
            // A rule guessed (heading-line assignee, carried year, OCR page): marked so the principal checks it first.
            var guess = s.Lang.StartsWith("vi", StringComparison.OrdinalIgnoreCase) ? " (đoán)" : " (guessed)";
            var next = a.Deadlines.Count > 0
                ? " · " + string.Join("; ", a.Deadlines.Take(3).Select(d => DueFormat.Format(d, s) + (d.Guessed ? guess : ""))) : "";
            var guessed = doc.Assignments.ElementAtOrDefault(a.Ordinal - 1) is { Guessed: true } ? guess : "";
            body.Add(new Container
            {
                Separator = true, Spacing = "small",
                Items =
                [
                    new TextBlock($"{a.Ordinal}. {AssigneeLine(a.Assignee, null, s)}{guessed} → "
                        + (resolved is null ? s.Unassigned : "✓ " + resolved))
                        { Color = resolved is null ? "warning" : "good", Weight = "bolder" },
                    new TextBlock(Cut(a.Duty, 300, scale) + next) { Spacing = "none", IsSubtle = true },
                ]
            });
        }
        if (assignments.Count > cap) body.Add(new TextBlock(s.More(assignments.Count - cap)) { IsSubtle = true });
        // Regimes not on the card are left as they are by the editor (RegimeEditor.Apply).
        body.AddRange(Regime.RegimeCards.Preview(doc, v, Cap(5, scale), editable: plan.Status == PlanStatus.Draft && pickers.EditRegimes));

        var data = new JsonObject { ["planId"] = plan.PlanId, ["tenantId"] = plan.TenantId };
        if (unresolved.Count > 0)
        {
            body.Add(new TextBlock(t.Unresolved) { Weight = "bolder", Spacing = "large", Separator = true });
            if (pickers.Count < unresolved.Count)
                body.Add(new TextBlock(PickerPagingTexts.For(v).Caption(pickers.Earlier + 1, pickers.Earlier + pickers.Count, unresolved.Count))
                    { IsSubtle = true, Spacing = "none" });
            var ccap = Cap(ChoicesPerPicker, scale);
            foreach (var u in pickers.Shown)
            {
                if (u.Candidates.Count == 0)
                {
                    body.Add(new TextBlock($"{u.Assignment.Ordinal}. {Cut(u.Assignment.Assignee.Display, 80, 1)}: " +
                        $"{t.NoMembers}") { Color = "warning" });
                    continue;
                }
                body.Add(new ChoiceSetInput
                {
                    Id = CardVerbs.MapInputPrefix + u.Assignment.AssignmentId,
                    Label = $"{u.Assignment.Ordinal}. {Cut(u.Assignment.Assignee.Display, 80, 1)} — {Cut(u.Assignment.Duty, 80, scale)}",
                    Style = "filtered",
                    Placeholder = t.MapPlaceholder,
                    Choices = u.Candidates.Take(ccap).Select(m => new Choice(MemberLabel(m), m.AadObjectId)).ToList(),
                });
            }
        }

        var texts = ImportTexts.For(s.Lang);
        if (assignments.Count == 0) body.Add(new TextBlock(texts.NothingToSend) { Id = "nothingToSend", Color = "attention", Weight = "bolder",
            Spacing = "large" });
        else if (plan.Status == PlanStatus.Published && unresolved.Count > 0) body.Add(new TextBlock(texts.MapLater) { Spacing = "medium" });
        body.InsertRange(0, notes.Header);
        body.AddRange(notes.Footer);
        var actions = new List<CardAction>();
        if (assignments.Count == 0) { /* nothing to publish */ }
        else if (plan.Status == PlanStatus.Published && unresolved.Any(u => u.Candidates.Count > 0))
            actions.Add(Execute(t.Publish, CardVerbs.Publish, data, style: "positive", associatedInputs: "auto"));
        else if (plan.Status == PlanStatus.Draft)
        {
            if (unresolved.Count > 0 || doc.Reports.Count > 0) actions.Add(Execute(t.MapSave, CardVerbs.Map, data, associatedInputs: "auto"));
            actions.Add(Execute(t.Publish, CardVerbs.Publish, data, style: "positive", associatedInputs: "auto"));
        }
        if (PageAction(pickers, data, v) is { } pageAction) actions.Insert(0, pageAction);
        if (reviewUrl is not null) actions.Add(new OpenUrlAction { Title = Tab.TabLinks.ReviewTitle(s.Lang.StartsWith("vi",
            StringComparison.OrdinalIgnoreCase)), Url = reviewUrl });
        return new AdaptiveCard { Lang = s.Lang, FallbackText = t.Title + ": " + PlanTitle(plan), Body = body,
            Actions = actions.Count > 0 ? actions : null };
    }

    /// <summary>"Lưu và trang sau" (the pickers after this page), or on the last page "Lưu và về trang đầu" when earlier
    /// pickers are still open; both save the page's choices (verb map, associated inputs).</summary>
    private static ExecuteAction? PageAction(PickerPage pickers, JsonObject data, CardView v)
    {
        var t = PickerPagingTexts.For(v);
        var next = (JsonObject)data.DeepClone();
        if (pickers.From.Count > pickers.Count)
        {
            next[PickerFrom] = pickers.From[pickers.Count].Assignment.Ordinal;
            return Execute(t.Next(pickers.From.Count - pickers.Count), CardVerbs.Map, next, associatedInputs: "auto");
        }
        if (pickers.Earlier == 0) return null;
        next[PickerFrom] = 0;
        return Execute(t.First, CardVerbs.Map, next, associatedInputs: "auto");
    }
}
