using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Cards;

/// <summary>Verbs carried by Action.Execute (and by the Action.Submit fallback as data.verb).</summary>
public static class CardVerbs
{
    public const string Ack = "ack";
    public const string Progress = "progress";
    public const string Done = "done";
    public const string Refresh = "refresh";
    public const string OpenPlan = "openPlan";
    public const string Remind = "remind";
    public const string Publish = "publish";
    public const string Map = "map";
    /// <summary>Status card: send the plan's failed assignment cards again.</summary>
    public const string Resend = "resend";
    /// <summary>Input ids of the import preview's assignee pickers start with this, followed by the assignment id.</summary>
    public const string MapInputPrefix = "map_";
    public const string PercentInput = "percent";
    public const string CommentInput = "comment";
    /// <summary>Hand in a report (summary, link, period) from the assignment card, or name the target of a file sent in chat.</summary>
    public const string Report = "report";
    /// <summary>Department roll-up card: refresh for a year / plan.</summary>
    public const string Rollup = "rollup";
    public const string ReportPeriodInput = "reportPeriod";
    public const string ReportSummaryInput = "reportSummary";
    public const string ReportLinkInput = "reportLink";
    /// <summary>Choice "assignmentId|periodKey" of the card asking which assignment a file sent in chat answers.</summary>
    public const string ReportTargetInput = "reportTarget";
}

/// <summary>Who looks at a card: language and today's date (Asia/Ho_Chi_Minh).</summary>
public sealed record CardView(CardStrings S, DateOnly Today)
{
    public static CardView For(string? locale, DateOnly today) => new(CardStrings.For(locale), today);
}

/// <summary>An assignee picker line of the import preview: the assignment, and the members offered (best match first).</summary>
public sealed record UnresolvedAssignee(AssignmentRecord Assignment, IReadOnlyList<Member> Candidates);

/// <summary>
/// Builds every card the bot sends. All cards are Adaptive Card 1.5 with Universal Actions; each stays under
/// <see cref="MaxBytes"/> by truncating long texts and capping lists ("… và N mục khác").
/// </summary>
public static class PlanCards
{
    /// <summary>Teams rejects messages over ~40 KB; cards are kept below this.</summary>
    public const int MaxBytes = 38 * 1024;
    public const int MaxRefreshUsers = 60;

    // ------------------------------------------------------------------ assignment

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
                    Items = [new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{s.StatusName(a.State.Status)} · {a.State.PercentComplete}%"))
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
                            new TextInput { Id = CardVerbs.CommentInput, Label = s.CommentLabel, Placeholder = s.CommentPlaceholder, IsMultiline = true, MaxLength = 500 },
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
        body.Add(new TextInput { Id = CardVerbs.ReportSummaryInput, Label = s.ReportSummaryLabel, Placeholder = s.ReportSummaryPlaceholder, IsMultiline = true, MaxLength = 2000 });
        body.Add(new TextInput { Id = CardVerbs.ReportLinkInput, Label = s.ReportLinkLabel, Placeholder = "https://", Style = "url", MaxLength = 1000 });
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

    /// <summary>
    /// Asked when a member sends a file in chat and it is not clear which assignment it answers: a choice of
    /// "assignment — deadline" (value "assignmentId|periodKey") and Action.Execute "report" (the file is kept server-side).
    /// </summary>
    public static AdaptiveCard ReportTarget(string fileName, IReadOnlyList<(StoredPlan Plan, AssignmentRecord Assignment, ReportPeriod Period)> options, CardView v)
        => Fit(scale =>
        {
            var s = v.S;
            var cap = Cap(40, scale);
            var title = string.Format(CultureInfo.InvariantCulture, s.ReportChooseTitle, DueFormat.Truncate(fileName, 120));
            return new AdaptiveCard
            {
                Lang = s.Lang, FallbackText = title,
                Body =
                [
                    new TextBlock(title) { Weight = "bolder", Size = "medium" },
                    new ChoiceSetInput
                    {
                        Id = CardVerbs.ReportTargetInput, Label = s.ReportChooseLabel, Style = "expanded", IsRequired = true, ErrorMessage = s.ReportChooseLabel,
                        Value = options.Count > 0 ? options[0].Assignment.AssignmentId + "|" + options[0].Period.Key : null,
                        Choices = options.Take(cap).Select(o => new Choice(
                            Cut($"{o.Plan.Number ?? o.Plan.PlanId} · {o.Assignment.Duty}", 120, scale) + " — " + ReportPeriods.Label(o.Period),
                            o.Assignment.AssignmentId + "|" + o.Period.Key)).ToList(),
                    },
                ],
                Actions = [Execute(s.HandInSubmit, CardVerbs.Report, new JsonObject { ["pendingFile"] = true, ["tenantId"] = options.Count > 0 ? options[0].Plan.TenantId : null }, style: "positive", associatedInputs: "auto")],
            };
        });

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
        if (userIds is null || userIds.Count == 0) return null;
        return new Refresh
        {
            Action = new ExecuteAction { Title = "Refresh", Verb = CardVerbs.Refresh, Data = WithVerb(data, CardVerbs.Refresh) },
            UserIds = userIds.Distinct(StringComparer.Ordinal).Take(MaxRefreshUsers).ToList(),
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
    public static AdaptiveCard PlanSummary(StoredPlan plan, IReadOnlyList<AssignmentRecord> assignments, CardView v)
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
                body.Add(new TextBlock($"• {a.Assignee.Display}: {Cut(a.Duty, 250, scale)}") { Spacing = "small" });
            if (assignments.Count > acap) body.Add(new TextBlock(s.More(assignments.Count - acap)) { IsSubtle = true });
            var card = new AdaptiveCard { Lang = s.Lang, FallbackText = PlanTitle(plan), Body = body };
            if (Uri.TryCreate(plan.DocumentUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                card.Actions = [new OpenUrlAction { Title = s.OpenDocument, Url = uri.AbsoluteUri }];
            return card;
        });

    // ------------------------------------------------------------------ status

    /// <summary>Counts per plan, next deadlines, who has not acknowledged, and (for principals) a "remind" action.</summary>
    /// <param name="reportsHandedIn">Per plan id: reports handed in (distinct assignment + period); omitted = not shown.</param>
    /// <param name="deliveryProblems">Per plan id: assignment cards / reminders that failed, and members who blocked the bot.
    /// Shown when not zero, with a "resend" action for the failed ones.</param>
    public static AdaptiveCard Status(IReadOnlyList<(StoredPlan Plan, IReadOnlyList<AssignmentRecord> Assignments)> plans,
        IReadOnlyDictionary<string, Member> members, CardView v, bool canRemind, IReadOnlyDictionary<string, int>? reportsHandedIn = null,
        IReadOnlyDictionary<string, (int Failed, int Blocked)>? deliveryProblems = null)
        => Fit(scale => BuildStatus(plans, members, v, canRemind, reportsHandedIn, deliveryProblems, scale));

    private static AdaptiveCard BuildStatus(IReadOnlyList<(StoredPlan Plan, IReadOnlyList<AssignmentRecord> Assignments)> plans,
        IReadOnlyDictionary<string, Member> members, CardView v, bool canRemind, IReadOnlyDictionary<string, int>? reportsHandedIn,
        IReadOnlyDictionary<string, (int Failed, int Blocked)>? deliveryProblems, double scale)
    {
        var s = v.S;
        var body = new List<CardElement> { new TextBlock(s.StatusHeader) { Size = "large", Weight = "bolder", Style = "heading" } };
        if (plans.Count == 0) body.Add(new TextBlock(s.NoPlans));
        var planCap = Cap(5, scale);
        foreach (var (plan, list) in plans.Take(planCap))
        {
            var counts = StatusCounts.Of(list, plan.Document.Year, v.Today);
            var items = new List<CardElement>
            {
                new TextBlock(Cut(PlanTitle(plan), 250, scale)) { Weight = "bolder", Size = "medium" },
                new TextBlock($"{plan.Number ?? "—"} · {(plan.Status == PlanStatus.Published ? s.Published : s.Draft)}") { IsSubtle = true, Spacing = "none" },
                new FactSet
                {
                    Facts =
                    [
                        new Fact(s.Total, N(counts.Total)),
                        new Fact(s.Assigned, N(counts.Assigned)),
                        new Fact(s.Acknowledged, N(counts.Acknowledged)),
                        new Fact(s.InProgress, N(counts.InProgress)),
                        new Fact(s.Done, N(counts.Done)),
                        new Fact(s.Overdue, N(counts.Overdue)),
                    ]
                },
            };
            if (reportsHandedIn is not null)
                ((FactSet)items[^1]).Facts.Add(new Fact(s.ReportsHandedIn, N(reportsHandedIn.GetValueOrDefault(plan.PlanId))));

            var upcoming = list
                .Where(a => a.State.Status != AssignmentStatus.Done)
                .Select(a => (a, next: DueFormat.Next(a.Deadlines, plan.Document.Year, v.Today)))
                .Where(x => x.next is not null)
                .OrderBy(x => x.next!.Value.Day).ThenBy(x => x.a.Ordinal)
                .ToList();
            if (upcoming.Count > 0)
            {
                items.Add(new TextBlock(s.NextDeadlines) { Weight = "bolder", Spacing = "medium" });
                var cap = Cap(5, scale);
                foreach (var (a, next) in upcoming.Take(cap))
                    items.Add(new TextBlock($"{DueFormat.Date(next!.Value.Day)} — {Who(a, members, s)}: {Cut(next.Value.Deadline.What is { Length: > 0 } w ? w : a.Duty, 160, scale)}") { Spacing = "small" });
                if (upcoming.Count > cap) items.Add(new TextBlock(s.More(upcoming.Count - cap)) { IsSubtle = true, Spacing = "small" });
            }

            var notAck = list.Where(a => a.State.Status == AssignmentStatus.Assigned).ToList();
            items.Add(new TextBlock(s.NotAcknowledged + $" ({notAck.Count})") { Weight = "bolder", Spacing = "medium" });
            if (notAck.Count == 0) items.Add(new TextBlock(s.EveryoneAcknowledged) { Color = "good", Spacing = "small" });
            else
            {
                var cap = Cap(15, scale);
                var names = notAck.Select(a => Who(a, members, s)).Distinct().ToList();
                items.Add(new TextBlock(string.Join(", ", names.Take(cap)) + (names.Count > cap ? " " + s.More(names.Count - cap) : "")) { Spacing = "small" });
                if (canRemind && plan.Status == PlanStatus.Published)
                    items.Add(new ActionSet
                    {
                        Actions = [Execute(s.Remind, CardVerbs.Remind, new JsonObject { ["planId"] = plan.PlanId, ["tenantId"] = plan.TenantId })]
                    });
            }
            if (deliveryProblems?.GetValueOrDefault(plan.PlanId) is { } problems && problems.Failed + problems.Blocked > 0)
            {
                items.Add(new TextBlock(string.Format(CultureInfo.InvariantCulture, s.DeliveryProblems, problems.Failed, problems.Blocked))
                    { Color = "attention", Weight = "bolder", Spacing = "medium" });
                if (canRemind && problems.Failed > 0)
                    items.Add(new ActionSet
                    {
                        Actions = [Execute(s.ResendFailed, CardVerbs.Resend, new JsonObject { ["planId"] = plan.PlanId, ["tenantId"] = plan.TenantId })]
                    });
            }
            body.Add(new Container { Items = items, Separator = true, Spacing = "large" });
        }
        if (plans.Count > planCap) body.Add(new TextBlock(s.More(plans.Count - planCap)) { IsSubtle = true });
        return new AdaptiveCard { Lang = s.Lang, FallbackText = s.StatusHeader, Body = body };
    }

    // ------------------------------------------------------------------ department roll-up

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
        string Name(string t) => unitNames.TryGetValue(t, out var n) && !string.IsNullOrWhiteSpace(n) ? n : t;
        var overdueUnits = r.Units.Where(u => u.OverdueCount > 0).ToList();
        var body = new List<CardElement>
        {
            new TextBlock(s.RollupHeader + " · " + N(r.Year)) { Size = "large", Weight = "bolder", Style = "heading" },
            new TextBlock(Cut((r.Number is null ? "" : r.Number + " — ") + r.Title, 250, scale)) { Weight = "bolder" },
            new FactSet
            {
                Id = "rollupFacts",
                Facts =
                [
                    new Fact(s.RollupUnits, N(r.Units.Count)),
                    new Fact(s.RollupIssued, $"{N(r.Units.Count(u => u.IssuedImplementingPlan))}/{N(r.Units.Count)}"),
                    .. r.Occurrences.Select(o => new Fact($"{DueFormat.Date(o.Due)} — {Cut(o.What, 80, scale)}",
                        $"{N(r.Units.Count(u => u.Periods.Any(p => p.Occurrence == o && p.Submitted)))}/{N(r.Units.Count)} {s.RollupSubmitted}")),
                    new Fact(s.RollupOverdueUnits, N(overdueUnits.Count)),
                ]
            },
        };
        if (r.Occurrences.Count == 0) body.Add(new TextBlock(s.RollupNoOccurrences) { IsSubtle = true });
        var cap = Cap(30, scale);
        var ordered = r.Units.OrderByDescending(u => u.OverdueCount).ThenBy(u => u.IssuedImplementingPlan).ThenBy(u => Name(u.TenantId), StringComparer.Ordinal).ToList();
        foreach (var u in ordered.Take(cap))
        {
            var bad = u.OverdueCount > 0 || !u.IssuedImplementingPlan;
            var items = new List<CardElement>
            {
                new TextBlock((u.OverdueCount > 0 ? "⚠ " : "") + Cut(Name(u.TenantId), 120, scale)) { Weight = "bolder", Color = u.OverdueCount > 0 ? "attention" : null },
                new TextBlock(u.IssuedImplementingPlan
                    ? "✓ " + s.RollupIssued + ": " + string.Join("; ", u.ImplementingPlans.Take(3).Select(p => (p.Number ?? p.Title) + (p.IssuedOn is { } d ? " (" + DueFormat.Date(d) + ")" : "")))
                    : "✗ " + s.RollupNotIssued) { Color = u.IssuedImplementingPlan ? "good" : "warning", Spacing = "small" },
            };
            foreach (var p in u.Periods.Take(Cap(8, scale)))
            {
                var state = p.Submitted
                    ? "✓ " + s.RollupSubmitted + (p.SubmittedAt is { } at ? " " + DueFormat.Date(VietnamTime.DateOf(at)) : "")
                    : p.Overdue ? "⚠ " + s.RollupMissing + " · " + s.Overdue : s.RollupNotDue;
                items.Add(new TextBlock($"{DueFormat.Date(p.Occurrence.Due)}: {state}")
                    { Spacing = "none", Color = p.Submitted ? "good" : p.Overdue ? "attention" : null, IsSubtle = !p.Submitted && !p.Overdue ? true : null });
            }
            body.Add(new Container { Items = items, Separator = true, Spacing = "medium", Style = u.OverdueCount > 0 ? "attention" : bad ? "warning" : null });
        }
        if (ordered.Count > cap) body.Add(new TextBlock(s.More(ordered.Count - cap)) { IsSubtle = true });
        var data = new JsonObject { ["planId"] = r.PlanId, ["tenantId"] = r.TenantId, ["year"] = r.Year };
        return new AdaptiveCard
        {
            Lang = s.Lang, FallbackText = s.RollupHeader, Body = body,
            Actions = [Execute(s.Lang == "vi" ? "Cập nhật" : "Refresh", CardVerbs.Rollup, data)],
        };
    }

    // ------------------------------------------------------------------ my tasks

    /// <param name="lastReports">Per assignment id: when its latest report was handed in (shown on the task line).</param>
    public static AdaptiveCard MyTasks(IReadOnlyList<(StoredPlan? Plan, AssignmentRecord Assignment)> tasks, CardView v,
        IReadOnlyDictionary<string, DateTimeOffset>? lastReports = null)
        => Fit(scale =>
        {
            var s = v.S;
            var body = new List<CardElement> { new TextBlock(s.MyTasksHeader) { Size = "large", Weight = "bolder", Style = "heading" } };
            if (tasks.Count == 0) body.Add(new TextBlock(s.NoTasks));
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
                        ? " · " + HandedIn(s, at) : "");
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
            return new AdaptiveCard { Lang = s.Lang, FallbackText = s.MyTasksHeader, Body = body };
        });

    // ------------------------------------------------------------------ welcome / help / notice

    public static AdaptiveCard Welcome(string? userName, bool canManage, CardView v)
    {
        var s = v.S;
        var body = new List<CardElement>
        {
            new TextBlock(s.WelcomeTitle + (string.IsNullOrWhiteSpace(userName) ? "" : ", " + userName)) { Size = "large", Weight = "bolder", Style = "heading" },
            new TextBlock(s.WelcomeText),
        };
        if (canManage) body.Add(new TextBlock(s.WelcomePrincipal) { Color = "accent" });
        body.AddRange(CommandLines(s, canManage));
        return new AdaptiveCard { Lang = s.Lang, FallbackText = s.WelcomeTitle, Body = body };
    }

    public static AdaptiveCard Help(string? unknownText, bool canManage, CardView v)
    {
        var s = v.S;
        var body = new List<CardElement> { new TextBlock(s.HelpTitle) { Size = "large", Weight = "bolder", Style = "heading" } };
        if (!string.IsNullOrWhiteSpace(unknownText))
            body.Add(new TextBlock(string.Format(CultureInfo.InvariantCulture, s.HelpUnknown, DueFormat.Truncate(unknownText.Trim(), 80))));
        body.AddRange(CommandLines(s, canManage));
        return new AdaptiveCard { Lang = s.Lang, FallbackText = s.HelpTitle, Body = body };
    }

    /// <summary>A short card with a title and lines (results, errors).</summary>
    public static AdaptiveCard Notice(string title, IEnumerable<string> lines, CardView v, string? color = null)
    {
        var body = new List<CardElement> { new TextBlock(title) { Weight = "bolder", Size = "medium", Color = color } };
        var all = lines.ToList();
        foreach (var l in all.Take(30)) body.Add(new TextBlock(DueFormat.Truncate(l, 500)) { Spacing = "small" });
        if (all.Count > 30) body.Add(new TextBlock(v.S.More(all.Count - 30)) { IsSubtle = true });
        return new AdaptiveCard { Lang = v.S.Lang, FallbackText = title, Body = body };
    }

    private static IEnumerable<CardElement> CommandLines(CardStrings s, bool canManage)
    {
        var lines = canManage ? s.HelpCommands.Concat(s.HelpPrincipalCommands) : s.HelpCommands;
        foreach (var l in lines) yield return new TextBlock("• " + l) { Spacing = "small" };
    }

    // ------------------------------------------------------------------ import preview

    /// <summary>
    /// What an import extracted: the plan header, each assignment with its resolved member, a member picker per unresolved
    /// assignee (Input.ChoiceSet "map_{assignmentId}"), and "map" / "publish" actions (publish also applies the pickers).
    /// </summary>
    public static AdaptiveCard ImportPreview(StoredPlan plan, IReadOnlyList<AssignmentRecord> assignments,
        IReadOnlyDictionary<string, Member> members, IReadOnlyList<UnresolvedAssignee> unresolved, CardView v)
        => Fit(scale => BuildImportPreview(plan, assignments, members, unresolved, v, scale));

    private static AdaptiveCard BuildImportPreview(StoredPlan plan, IReadOnlyList<AssignmentRecord> assignments,
        IReadOnlyDictionary<string, Member> members, IReadOnlyList<UnresolvedAssignee> unresolved, CardView v, double scale)
    {
        var s = v.S;
        var resolvedCount = assignments.Count(a => a.MemberAadObjectId is not null);
        var body = new List<CardElement>
        {
            new TextBlock(s.ImportTitle + " · " + (plan.Status == PlanStatus.Published ? s.Published : s.Draft)) { Size = "small", IsSubtle = true },
            new TextBlock(Cut(PlanTitle(plan), 300, scale)) { Size = "medium", Weight = "bolder", Style = "heading" },
            new FactSet { Facts = PlanFacts(plan, s) },
            new TextBlock(string.Format(CultureInfo.InvariantCulture, s.ImportSummary, assignments.Count, resolvedCount, assignments.Count - resolvedCount)) { Weight = "bolder" },
        };
        var doc = plan.Document;
        if (doc.Warnings.Count > 0)
        {
            var wcap = Cap(5, scale);
            body.Add(new TextBlock(s.Warnings) { Weight = "bolder", Color = "warning", Spacing = "medium" });
            foreach (var w in doc.Warnings.Take(wcap)) body.Add(new TextBlock("• " + Cut(w, 200, scale)) { Spacing = "none", IsSubtle = true });
            if (doc.Warnings.Count > wcap) body.Add(new TextBlock(s.More(doc.Warnings.Count - wcap)) { IsSubtle = true, Spacing = "none" });
        }

        var cap = Cap(20, scale);
        foreach (var a in assignments.Take(cap))
        {
            var resolved = a.MemberAadObjectId is not null && members.TryGetValue(a.MemberAadObjectId, out var m) ? m.DisplayName : null;
            var next = a.Deadlines.Count > 0 ? " · " + string.Join("; ", a.Deadlines.Take(3).Select(d => DueFormat.Format(d, s))) : "";
            body.Add(new Container
            {
                Separator = true, Spacing = "small",
                Items =
                [
                    new TextBlock($"{a.Ordinal}. {AssigneeLine(a.Assignee, null, s)} → " + (resolved is null ? s.Unassigned : "✓ " + resolved))
                        { Color = resolved is null ? "warning" : "good", Weight = "bolder" },
                    new TextBlock(Cut(a.Duty, 300, scale) + next) { Spacing = "none", IsSubtle = true },
                ]
            });
        }
        if (assignments.Count > cap) body.Add(new TextBlock(s.More(assignments.Count - cap)) { IsSubtle = true });

        var data = new JsonObject { ["planId"] = plan.PlanId, ["tenantId"] = plan.TenantId };
        if (unresolved.Count > 0)
        {
            body.Add(new TextBlock(s.Unresolved) { Weight = "bolder", Spacing = "large", Separator = true });
            var ucap = Cap(12, scale);
            var ccap = Cap(40, scale);
            foreach (var u in unresolved.Take(ucap))
            {
                if (u.Candidates.Count == 0)
                {
                    body.Add(new TextBlock($"{u.Assignment.Ordinal}. {Cut(u.Assignment.Assignee.Display, 80, 1)}: {s.NoMembers}") { Color = "warning" });
                    continue;
                }
                body.Add(new ChoiceSetInput
                {
                    Id = CardVerbs.MapInputPrefix + u.Assignment.AssignmentId,
                    Label = $"{u.Assignment.Ordinal}. {Cut(u.Assignment.Assignee.Display, 80, 1)} — {Cut(u.Assignment.Duty, 80, scale)}",
                    Style = "filtered",
                    Placeholder = s.MapPlaceholder,
                    Choices = u.Candidates.Take(ccap).Select(m => new Choice(MemberLabel(m), m.AadObjectId)).ToList(),
                });
            }
            if (unresolved.Count > ucap) body.Add(new TextBlock(s.More(unresolved.Count - ucap)) { IsSubtle = true });
        }

        var actions = new List<CardAction>();
        if (plan.Status == PlanStatus.Draft)
        {
            if (unresolved.Count > 0) actions.Add(Execute(s.MapSave, CardVerbs.Map, data, associatedInputs: "auto"));
            actions.Add(Execute(s.Publish, CardVerbs.Publish, data, style: "positive", associatedInputs: "auto"));
        }
        return new AdaptiveCard { Lang = s.Lang, FallbackText = s.ImportTitle + ": " + PlanTitle(plan), Body = body, Actions = actions.Count > 0 ? actions : null };
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

    private static JsonObject WithVerb(JsonObject data, string verb)
    {
        var o = new JsonObject { ["verb"] = verb };
        foreach (var (k, val) in data) if (k != "verb") o[k] = val?.DeepClone();
        return o;
    }

    public static string PlanTitle(StoredPlan plan) =>
        string.IsNullOrWhiteSpace(plan.Title) ? plan.Number ?? plan.PlanId : "Kế hoạch " + plan.Title.Trim();

    private static List<Fact> PlanFacts(StoredPlan plan, CardStrings s)
    {
        var facts = new List<Fact>();
        var doc = plan.Document;
        if (!string.IsNullOrWhiteSpace(doc.Number)) facts.Add(new Fact(s.PlanNumber, doc.Number!));
        if (!string.IsNullOrWhiteSpace(doc.Issuer)) facts.Add(new Fact(s.Issuer, doc.Issuer!));
        if (doc.IssuedOn is { } d) facts.Add(new Fact(s.Lang == "vi" ? "Ngày ban hành" : "Issued on", DueFormat.Date(d)));
        return facts;
    }

    private static string AssigneeLine(Assignee a, string? memberName, CardStrings s)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(a.Name)) parts.Add(a.Name!);
        if (!string.IsNullOrWhiteSpace(a.Title)) parts.Add(a.Title!);
        if (parts.Count == 0 && !string.IsNullOrWhiteSpace(a.Unit)) parts.Add(a.Unit!);
        var text = parts.Count > 0 ? string.Join(" – ", parts) : s.Unassigned;
        if (memberName is not null && !string.Equals(memberName, a.Name, StringComparison.OrdinalIgnoreCase)) text += $" ({memberName})";
        return text;
    }

    private static string Who(AssignmentRecord a, IReadOnlyDictionary<string, Member> members, CardStrings s) =>
        a.MemberAadObjectId is not null && members.TryGetValue(a.MemberAadObjectId, out var m) ? m.DisplayName
        : a.Assignee.Display is { Length: > 0 } d ? d : s.Unassigned;

    private static string MemberLabel(Member m) =>
        string.IsNullOrWhiteSpace(m.JobTitle) ? m.DisplayName : $"{m.DisplayName} – {m.JobTitle}";

    private static IEnumerable<CardElement> DeadlineLines(IReadOnlyList<Deadline> deadlines, int? planYear, CardView v, int cap)
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

    private static string StatusColor(AssignmentStatus s) => s switch
    {
        AssignmentStatus.Done => "good",
        AssignmentStatus.InProgress => "accent",
        AssignmentStatus.Acknowledged => "accent",
        _ => "warning",
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static int Cap(int n, double scale) => Math.Max(1, (int)(n * scale));
    private static string Cut(string? text, int max, double scale) => DueFormat.Truncate(text, Math.Max(40, (int)(max * scale)));

    /// <summary>Builds the card at full size and shrinks texts and lists until it is below <see cref="MaxBytes"/>.</summary>
    private static AdaptiveCard Fit(Func<double, AdaptiveCard> build)
    {
        AdaptiveCard card = build(1);
        foreach (var scale in new[] { 0.6, 0.35, 0.2, 0.1 })
        {
            if (card.SizeInBytes() <= MaxBytes) return card;
            card = build(scale);
        }
        return card;
    }
}

/// <summary>Counts of a plan's assignments by state.</summary>
public sealed record StatusCounts(int Total, int Assigned, int Acknowledged, int InProgress, int Done, int Overdue)
{
    public static StatusCounts Of(IReadOnlyList<AssignmentRecord> list, int? planYear, DateOnly today) => new(
        list.Count,
        list.Count(a => a.State.Status == AssignmentStatus.Assigned),
        list.Count(a => a.State.Status == AssignmentStatus.Acknowledged),
        list.Count(a => a.State.Status == AssignmentStatus.InProgress),
        list.Count(a => a.State.Status == AssignmentStatus.Done),
        list.Count(a => DueFormat.IsOverdue(a.State, a.Deadlines, planYear, today)));
}
