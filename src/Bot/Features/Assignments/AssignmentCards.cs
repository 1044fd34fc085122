using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPlans.Plans.Scheduling;
using static TeamsPlans.Bot.Cards.PlanCards;

namespace TeamsPlans.Bot.Features.Assignments;

/// <summary>The assignment card (state, deadlines, hand-in, refresh), the plan summary (openPlan) and My tasks.</summary>
internal static class AssignmentCards
{

    /// <summary>
    /// The card a member receives for one duty. <paramref name="interactive"/> false gives the read-only view (no actions)
    /// shown to principals or to anyone who is not the assignee. <paramref name="refreshUserIds"/> are the assignee's Teams
    /// user ids ("29:..."), at most 60 (the rest are dropped; the caller logs it).
    /// </summary>
    public static AdaptiveCard Assignment(StoredPlan plan, AssignmentRecord a, string? assigneeName, CardView v,
        IReadOnlyList<string>? refreshUserIds = null, bool interactive = true, IReadOnlyList<ReportSubmission>? reports = null)
        => Fit(scale => BuildAssignment(plan, a, assigneeName, v, refreshUserIds, interactive, reports ?? [], scale));

    private static AdaptiveCard BuildAssignment(StoredPlan plan, AssignmentRecord a, string? assigneeName, CardView v,
        IReadOnlyList<string>? refreshUserIds, bool interactive, IReadOnlyList<ReportSubmission> reports, double scale)
    {
        var s = v.S;
        var doc = plan.Document;
        var facts = new List<Fact>();
        if (!string.IsNullOrWhiteSpace(doc.Number)) facts.Add(new Fact(s.PlanNumber, doc.Number!));
        if (!string.IsNullOrWhiteSpace(doc.Issuer)) facts.Add(new Fact(s.Issuer, doc.Issuer!));
        facts.Add(new Fact(s.Assignee, AssigneeLine(a.Assignee, assigneeName, s)));

        var body = new List<CardElement>
        {
            new Container
            {
                Style = "emphasis", Bleed = true,
                Items =
                [
                    new TextBlock(s.AssignmentHeader) { Size = "small", IsSubtle = true },
                    new TextBlock(Cut(PlanTitle(plan), 300, scale)) { Size = "medium", Weight = "bolder", Style = "heading" },
                    new FactSet { Facts = facts },
                ]
            },
            new TextBlock(s.Duty) { Weight = "bolder", Spacing = "medium" },
            new TextBlock(Cut(a.Duty, 1500, scale)) { Spacing = "small" },
            new TextBlock(s.Deadlines) { Weight = "bolder", Spacing = "medium" },
        };
        body.AddRange(DeadlineLines(a.Deadlines, doc.Year, v, Cap(8, scale)));

        var overdue = DueFormat.IsOverdue(a.State, a.Deadlines, doc.Year, v.Today);
        body.Add(new ColumnSet
        {
            Id = "status", Spacing = "medium", Separator = true,
            Columns =
            [
                new Column { Width = "auto", Items = [new TextBlock(s.Status + ":") { Weight = "bolder" }] },
                new Column
                {
                    Width = "stretch",
                    Items =
                        [new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{s.StatusName(a.State.Status)} · {a.State.PercentComplete}%"))
                        { Color = StatusColor(a.State.Status), Weight = "bolder" }]
                },
            ]
        });
        if (overdue) body.Add(new TextBlock("⚠ " + s.Overdue) { Color = "attention", Weight = "bolder", Spacing = "small" });
        if (!string.IsNullOrWhiteSpace(a.State.LastComment))
            body.Add(new TextBlock(s.LastComment + ": " + Cut(a.State.LastComment, 500, scale)) { IsSubtle = true, Spacing = "small" });
        if (reports.OrderByDescending(r => r.SubmittedAt).FirstOrDefault() is { } last)
        {
            var periodDay = ReportPeriods.ParseKey(last.Period);
            body.Add(new TextBlock(HandedIn(s, last.SubmittedAt)
                + (periodDay is { } pd ? string.Format(CultureInfo.InvariantCulture, s.ReportForPeriod, DueFormat.Date(pd)) : ""))
                { Id = "reportHandedIn", Color = "good", Weight = "bolder", Spacing = "small" });
        }

        var data = AssignmentData(a);
        var actions = new List<CardAction>();
        if (interactive)
        {
            if (a.State.Status == AssignmentStatus.Assigned)
                actions.Add(Execute(s.Acknowledge, CardVerbs.Ack, data, style: "positive"));
            if (a.State.Status != AssignmentStatus.Done)
            {
                actions.Add(new ShowCardAction
                {
                    Title = s.Progress,
                    Card = new AdaptiveCard
                    {
                        Schema = null, MsTeams = null,
                        Body =
                        [
                            new ChoiceSetInput
                            {
                                Id = CardVerbs.PercentInput, Label = s.ProgressLabel, Style = "expanded",
                                Value = (a.State.PercentComplete >= 50 ? 50 : 0).ToString(CultureInfo.InvariantCulture),
                                Choices = [new Choice("0%", "0"), new Choice("50%", "50"), new Choice("100%", "100")],
                            },
                            new TextInput { Id = CardVerbs.CommentInput, Label = s.CommentLabel, Placeholder = s.CommentPlaceholder,
                                IsMultiline = true, MaxLength = 500 },
                        ],
                        Actions = [Execute(s.ProgressSubmit, CardVerbs.Progress, data, associatedInputs: "auto")],
                    }
                });
                actions.Add(Execute(s.MarkDone, CardVerbs.Done, data));
            }
            actions.Add(HandInAction(a, plan.Document.Year, v, reports));
        }
        actions.Add(PlanLink(plan, data, s));

        return new AdaptiveCard
        {
            Lang = s.Lang,
            FallbackText = $"{s.AssignmentHeader}: {Cut(a.Duty, 200, 1)} — {s.StatusName(a.State.Status)}",
            Refresh = RefreshFor(data, refreshUserIds),
            Body = body,
            Actions = actions,
        };
    }

    /// <summary>"✓ Đã nộp báo cáo ngày 10/04/2023" (the day in Vietnam).</summary>
    private static string HandedIn(CardStrings s, DateTimeOffset at) =>
        "✓ " + string.Format(CultureInfo.InvariantCulture, s.ReportHandedIn, DueFormat.Date(VietnamTime.DateOf(at)));

    /// <summary>"Nộp báo cáo": period choice (when the assignment has several), summary, optional link, Action.Execute "report".</summary>
    private static ShowCardAction HandInAction(AssignmentRecord a, int? planYear, CardView v, IReadOnlyList<ReportSubmission> reports)
    {
        var s = v.S;
        var periods = ReportPeriods.For(a, planYear, v.Today);
        var chosen = ReportPeriods.Default(periods, reports, v.Today);
        var data = AssignmentData(a);
        var body = new List<CardElement>();
        if (periods.Count > 1)
            body.Add(new ChoiceSetInput
            {
                Id = CardVerbs.ReportPeriodInput, Label = s.ReportPeriodLabel, Style = "compact", Value = chosen.Key, IsRequired = true,
                ErrorMessage = s.ReportPeriodLabel,
                Choices = periods.Select(p => new Choice(ReportPeriods.Label(p), p.Key)).ToList(),
            });
        else
        {
            data[CardVerbs.ReportPeriodInput] = chosen.Key;
            body.Add(new TextBlock(s.ReportPeriodLabel + ": " + ReportPeriods.Label(chosen)) { IsSubtle = true });
        }
        body.Add(new TextInput { Id = CardVerbs.ReportSummaryInput, Label = s.ReportSummaryLabel, Placeholder = s.ReportSummaryPlaceholder,
            IsMultiline = true, MaxLength = 2000 });
        body.Add(new TextInput { Id = CardVerbs.ReportLinkInput, Label = s.ReportLinkLabel, Placeholder = "https://", Style = "url",
            MaxLength = 1000 });
        body.Add(new TextBlock(s.ReportFileHint) { IsSubtle = true, Size = "small" });
        return new ShowCardAction
        {
            Title = s.HandIn,
            Card = new AdaptiveCard
            {
                Schema = null, MsTeams = null, Body = body,
                Actions = [Execute(s.HandInSubmit, CardVerbs.Report, data, style: "positive", associatedInputs: "auto")],
            },
        };
    }

    /// <summary>Action.Execute data of an assignment card: ids, the tenant it was issued in, and the state version it shows.</summary>
    public static JsonObject AssignmentData(AssignmentRecord a) => new()
    {
        ["assignmentId"] = a.AssignmentId,
        ["planId"] = a.PlanId,
        ["tenantId"] = a.TenantId,
        ["version"] = a.State.Version,
    };

    private static Refresh? RefreshFor(JsonObject data, IReadOnlyList<string>? userIds)
    {
        // Universal Actions: refresh.userIds are Teams user MRIs ("29:…"), at most 60; an Entra object id is never one.
        var ids = Refresh.TeamsUserIds(userIds);
        if (ids is null) return null;
        return new Refresh
        {
            Action = new ExecuteAction { Title = "Refresh", Verb = CardVerbs.Refresh, Data = WithVerb(data, CardVerbs.Refresh) },
            UserIds = ids,
        };
    }

    private static CardAction PlanLink(StoredPlan plan, JsonObject data, CardStrings s)
    {
        if (Uri.TryCreate(plan.DocumentUri, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            return new OpenUrlAction { Title = s.OpenDocument, Url = uri.AbsoluteUri };
        return Execute(s.OpenPlan, CardVerbs.OpenPlan, data);
    }

    // ------------------------------------------------------------------ plan summary (openPlan)

    /// <summary>A read-only summary of a plan: header, sections, and the organization duties.</summary>
    /// <param name="states">Per assignment id: its official state (issue 15), counted under the duties and shown on each line.</param>
    public static AdaptiveCard PlanSummary(StoredPlan plan, IReadOnlyList<AssignmentRecord> assignments, CardView v,
        IReadOnlyDictionary<string, OfficialState>? states = null)
        => Fit(scale =>
        {
            var s = v.S;
            var doc = plan.Document;
            var body = new List<CardElement>
            {
                new TextBlock(Cut(PlanTitle(plan), 300, scale)) { Size = "medium", Weight = "bolder", Style = "heading" },
                new FactSet { Facts = PlanFacts(plan, s) },
            };
            var cap = Cap(25, scale);
            foreach (var sec in doc.Sections.Take(cap))
                body.Add(new TextBlock(Cut($"{sec.Id}. {sec.Heading}", 200, scale)) { Weight = "bolder", Spacing = "small" });
            if (doc.Sections.Count > cap) body.Add(new TextBlock(s.More(doc.Sections.Count - cap)) { IsSubtle = true });
            body.Add(new TextBlock(s.Duty) { Weight = "bolder", Spacing = "medium", Separator = true });
            var acap = Cap(20, scale);
            foreach (var a in assignments.Take(acap))
                body.Add(new TextBlock($"• {a.Assignee.Display}: {Cut(a.Duty, 250, scale)}"
                    + Review.OfficialStateText.Suffix(states, a, v)) { Spacing = "small" });
            if (assignments.Count > acap) body.Add(new TextBlock(s.More(assignments.Count - acap)) { IsSubtle = true });
            if (states is not null) body.Add(Review.OfficialStateText.Counts(states.Values, v, "planStates"));
            var card = new AdaptiveCard { Lang = s.Lang, FallbackText = PlanTitle(plan), Body = body };
            if (Uri.TryCreate(plan.DocumentUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                card.Actions = [new OpenUrlAction { Title = s.OpenDocument, Url = uri.AbsoluteUri }];
            return card;
        });

    // ------------------------------------------------------------------ my tasks

    /// <param name="lastReports">Per assignment id: when its latest report was handed in (shown on the task line).</param>
    public static AdaptiveCard MyTasks(IReadOnlyList<(StoredPlan? Plan, AssignmentRecord Assignment)> tasks, CardView v,
        IReadOnlyDictionary<string, DateTimeOffset>? lastReports = null, IReadOnlyDictionary<string, OfficialState>? states = null)
        => Fit(scale =>
        {
            var s = v.S;
            var body = new List<CardElement> { new TextBlock(MyTasksTexts.For(v).Header) { Size = "large", Weight = "bolder", Style = "heading" } };
            if (tasks.Count == 0) body.Add(new TextBlock(MyTasksTexts.For(v).None));
            var ordered = tasks
                .OrderBy(t => t.Assignment.State.Status == AssignmentStatus.Done)
                .ThenBy(t => DueFormat.Next(t.Assignment.Deadlines, t.Plan?.Document.Year, v.Today)?.Day ?? DateOnly.MaxValue)
                .ToList();
            var cap = Cap(10, scale);
            foreach (var (plan, a) in ordered.Take(cap))
            {
                var next = DueFormat.Next(a.Deadlines, plan?.Document.Year, v.Today);
                var overdue = DueFormat.IsOverdue(a.State, a.Deadlines, plan?.Document.Year, v.Today);
                var line = $"{s.StatusName(a.State.Status)} · {a.State.PercentComplete}%"
                    + (next is not null ? $" · {s.Deadlines}: {DueFormat.Format(next.Value.Deadline, s)}" : "")
                    + (overdue ? " · ⚠ " + s.Overdue : "")
                    + (lastReports is not null && lastReports.TryGetValue(a.AssignmentId, out var at)
                        ? " · " + HandedIn(s, at) : "")
                    + Review.OfficialStateText.Suffix(states, a, v);
                body.Add(new Container
                {
                    Separator = true, Spacing = "medium",
                    Items =
                    [
                        new TextBlock(Cut(plan is null ? a.PlanId : $"{plan.Number} — {plan.Title}", 200, scale)) { IsSubtle = true, Size = "small" },
                        new TextBlock(Cut(a.Duty, 400, scale)) { Spacing = "small" },
                        new TextBlock(line) { Color = overdue ? "attention" : StatusColor(a.State.Status), Spacing = "small", Weight = "bolder" },
                    ]
                });
            }
            if (ordered.Count > cap) body.Add(new TextBlock(s.More(ordered.Count - cap)) { IsSubtle = true });
            return new AdaptiveCard { Lang = s.Lang, FallbackText = MyTasksTexts.For(v).Header, Body = body };
        });
}
