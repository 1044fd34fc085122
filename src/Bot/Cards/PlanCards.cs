using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Cards;

/// <summary>
/// The parts every card shares (notice, Action.Execute, titles, sizes). All cards are Adaptive Card 1.5 with Universal Actions; each stays under
/// <see cref="MaxBytes"/> by truncating long texts and capping lists ("… và N mục khác").
/// </summary>
internal static class PlanCards
{
    /// <summary>
    /// Budget of a card's JSON, UTF-16 bytes (what Teams counts, on the whole activity): Teams answers 413 MessageSizeTooBig
    /// over its limit (40 KB in older copies of the documentation). The card keeps 6 KB of the activity budget
    /// (<see cref="Protocol.ConnectorClientOptions.MaxActivityBytes"/>, 32 KB) for the envelope and a text line above it.
    /// </summary>
    public const int MaxBytes = 26 * 1024;
    public const int MaxRefreshUsers = 60;

    /// <summary>"✓ Đã nộp báo cáo ngày 10/04/2023" (the day in Vietnam).</summary>
    internal static string HandedIn(CardStrings s, DateTimeOffset at) =>
        "✓ " + string.Format(CultureInfo.InvariantCulture, s.ReportHandedIn, DueFormat.Date(VietnamTime.DateOf(at)));

    /// <summary>A short card with a title and lines (results, errors), fitted like every other card.</summary>
    public static AdaptiveCard Notice(string title, IEnumerable<string> lines, CardView v, string? color = null)
    {
        var all = lines.ToList();
        return Fit(scale =>
        {
            var body = new List<CardElement> { new TextBlock(Cut(title, 300, scale)) { Weight = "bolder", Size = "medium", Color = color } };
            var cap = Cap(30, scale);
            foreach (var l in all.Take(cap)) body.Add(new TextBlock(Cut(l, 500, scale)) { Spacing = "small" });
            if (all.Count > cap) body.Add(new TextBlock(v.S.More(all.Count - cap)) { IsSubtle = true });
            return new AdaptiveCard { Lang = v.S.Lang, FallbackText = DueFormat.Truncate(title, 300), Body = body };
        });
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>
    /// Action.Execute with an Action.Submit fallback carrying the same data plus "verb" (Universal Actions backward
    /// compatibility: clients without Action.Execute send a message activity whose value is the submit data).
    /// </summary>
    public static ExecuteAction Execute(string title, string verb, JsonObject data, string? style = null, string? associatedInputs = null)
        => new()
        {
            Title = title, Verb = verb, Style = style, AssociatedInputs = associatedInputs,
            Data = WithVerb(data, verb),
            Fallback = new SubmitAction { Title = title, Style = style, AssociatedInputs = associatedInputs, Data = WithVerb(data, verb) },
        };

    internal static JsonObject WithVerb(JsonObject data, string verb)
    {
        var o = new JsonObject { ["verb"] = verb };
        foreach (var (k, val) in data) if (k != "verb") o[k] = val?.DeepClone();
        return o;
    }

    public static string PlanTitle(StoredPlan plan) => PlanTitle(plan.Title, plan.Number, plan.PlanId);

    public static string PlanTitle(PlanHeader plan) => PlanTitle(plan.Title, plan.Number, plan.PlanId);

    private static string PlanTitle(string? title, string? number, string planId) =>
        string.IsNullOrWhiteSpace(title) ? number ?? planId : "Kế hoạch " + title.Trim();

    internal static List<Fact> PlanFacts(StoredPlan plan, CardStrings s)
    {
        var facts = new List<Fact>();
        var doc = plan.Document;
        if (!string.IsNullOrWhiteSpace(doc.Number)) facts.Add(new Fact(s.PlanNumber, doc.Number!));
        if (!string.IsNullOrWhiteSpace(doc.Issuer)) facts.Add(new Fact(s.Issuer, doc.Issuer!));
        if (doc.IssuedOn is { } d) facts.Add(new Fact(CardTexts.For(s).IssuedOn, DueFormat.Date(d)));
        return facts;
    }

    internal static string AssigneeLine(Assignee a, string? memberName, CardStrings s)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(a.Name)) parts.Add(a.Name!);
        if (!string.IsNullOrWhiteSpace(a.Title)) parts.Add(a.Title!);
        if (parts.Count == 0 && !string.IsNullOrWhiteSpace(a.Unit)) parts.Add(a.Unit!);
        var text = parts.Count > 0 ? string.Join(" – ", parts) : s.Unassigned;
        if (memberName is not null && !string.Equals(memberName, a.Name, StringComparison.OrdinalIgnoreCase)) text += $" ({memberName})";
        return text;
    }

    internal static string Who(AssignmentRecord a, IReadOnlyDictionary<string, Member> members, CardStrings s) =>
        a.MemberAadObjectId is not null && members.TryGetValue(a.MemberAadObjectId, out var m) ? m.DisplayName
        : a.Assignee.Display is { Length: > 0 } d ? d : s.Unassigned;

    internal static string MemberLabel(Member m) =>
        string.IsNullOrWhiteSpace(m.JobTitle) ? m.DisplayName : $"{m.DisplayName} – {m.JobTitle}";

    internal static IEnumerable<CardElement> DeadlineLines(IReadOnlyList<Deadline> deadlines, int? planYear, CardView v, int cap)
    {
        if (deadlines.Count == 0)
        {
            yield return new TextBlock(v.S.NoDeadline) { IsSubtle = true, Spacing = "small" };
            yield break;
        }
        foreach (var d in deadlines.Take(cap))
        {
            var passed = d.Recurrence is null && d.Due.Kind != DueKind.YearlyDate && DueFormat.LastDay(d, planYear, v.Today) < v.Today;
            var what = string.IsNullOrWhiteSpace(d.What) ? "" : " — " + DueFormat.Truncate(d.What, 160);
            yield return new TextBlock("• " + DueFormat.Format(d, v.S) + what) { Spacing = "small", IsSubtle = passed ? true : null };
        }
        if (deadlines.Count > cap) yield return new TextBlock(v.S.More(deadlines.Count - cap)) { IsSubtle = true, Spacing = "small" };
    }

    internal static string StatusColor(AssignmentStatus s) => s switch
    {
        AssignmentStatus.Done => "good",
        AssignmentStatus.InProgress => "accent",
        AssignmentStatus.Acknowledged => "accent",
        _ => "warning",
    };

    internal static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    internal static int Cap(int n, double scale) => Math.Max(1, (int)(n * scale));
    internal static string Cut(string? text, int max, double scale) => DueFormat.Truncate(text, Math.Max(40, (int)(max * scale)));

    /// <summary>
    /// Builds the card at full size and shrinks texts and lists until its JSON is below <see cref="MaxBytes"/> counted in
    /// UTF-16. Everything a card shows is added inside <paramref name="build"/>, so the measure is of the card as sent; a card
    /// still over budget at the smallest scale is replaced by the connector with a compact card (Protocol/OversizeMessage).
    /// </summary>
    internal static AdaptiveCard Fit(Func<double, AdaptiveCard> build)
    {
        AdaptiveCard card = build(1);
        foreach (var scale in new[] { 0.6, 0.35, 0.2, 0.1, 0.05 })
        {
            if (card.SizeInUtf16Bytes() <= MaxBytes) return card;
            card = build(scale);
        }
        return card;
    }
}
