using TeamsPlans.Bot.Tab.Auth;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Tab.Api;

/// <summary>
/// What the tab shows, read from the store with the caller's rights: a manager sees every assignment of the tenant's
/// plans, a member only their own (and only plans holding one). Nothing is read outside the caller's tenant.
/// </summary>
public sealed class TabQueries(IStateStore store, TimeProvider time, IPlanDeliveries? deliveries = null)
{
    public DateOnly Today => VietnamTime.Today(time);

    /// <summary>The plan and the assignments the caller may see, or null (not found, another tenant, nothing of theirs).</summary>
    public async Task<(StoredPlan Plan, IReadOnlyList<AssignmentRecord> Visible)?> PlanAsync(TabCaller caller, string planId, CancellationToken ct)
    {
        var plan = await store.Plans.GetAsync(caller.TenantId, planId, ct).ConfigureAwait(false);
        if (plan is null || !string.Equals(plan.TenantId, caller.TenantId, StringComparison.Ordinal)) return null;
        var all = await store.Assignments.ListByPlanAsync(caller.TenantId, planId, ct).ConfigureAwait(false);
        if (caller.MayManage(plan)) return (plan, all);
        var mine = all.Where(a => Mine(caller, a)).ToList();
        return plan.Status == PlanStatus.Published && mine.Count > 0 ? (plan, mine) : null;
    }

    public async Task<IReadOnlyList<PlanSummary>> PlansAsync(TabCaller caller, PlanFilter f, CancellationToken ct)
    {
        var plans = await store.Plans.ListAsync(caller.TenantId, ct).ConfigureAwait(false);
        var visible = new List<(StoredPlan, IReadOnlyList<AssignmentRecord>)>();
        foreach (var p in plans.Where(p => p.Status != PlanStatus.Archived))
            if (await PlanAsync(caller, p.PlanId, ct).ConfigureAwait(false) is { } v) visible.Add(v);
        var published = visible.Where(v => v.Item1.Status == PlanStatus.Published).Select(v => v.Item1.PlanId).ToList();
        var problems = caller.CanManage && deliveries is not null && published.Count > 0
            ? await deliveries.ProblemsAsync(caller.TenantId, published, ct).ConfigureAwait(false)
            : new Dictionary<string, (int Failed, int Blocked)>();
        var today = Today;
        return visible.Select(v => Summary(v.Item1, v.Item2, problems, today))
            .Where(s => Matches(s, f))
            .OrderBy(s => s.Status == nameof(PlanStatus.Draft) ? 0 : 1).ThenByDescending(s => s.Year ?? 0)
                .ThenBy(s => s.Number, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<AssignmentRow>> RowsAsync(TabCaller caller, StoredPlan plan, IReadOnlyList<AssignmentRecord> visible,
        AssignmentFilter f, bool english, CancellationToken ct)
    {
        var members = (await store.Members.ListAsync(caller.TenantId, ct).ConfigureAwait(false))
            .ToDictionary(m => m.AadObjectId, StringComparer.Ordinal);
        var s = CardStrings.For(english ? "en-US" : "vi-VN");
        var today = Today;
        // One read of the tenant's reports rather than one per row (a plan of 2,000 assignments: see `bench tab`).
        var reportCounts = (await store.Reports.ListByTenantsAsync([caller.TenantId], ct).ConfigureAwait(false))
            .GroupBy(r => r.AssignmentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rows = new List<AssignmentRow>(visible.Count);
        foreach (var a in visible)
        {
            var reports = reportCounts.GetValueOrDefault(a.AssignmentId);
            var holder = a.MemberAadObjectId is { } m && members.TryGetValue(m, out var member) ? member.DisplayName : a.Assignee.Display;
            var key = TabStates.KeyOf(a, plan.Document.Year, today);
            var next = DueFormat.Next(a.Deadlines, plan.Document.Year, today);
            rows.Add(new AssignmentRow(a.AssignmentId, a.Ordinal, holder, a.Assignee.Unit, a.Duty,
                a.Deadlines.Select(d => DueFormat.Format(d, s)).ToList(), next is { } n ? DueFormat.Date(n.Day) : null,
                key, TabStates.Label(key, english), a.State.PercentComplete, a.State.LastComment, reports, Mine(caller, a)));
        }
        return Order(rows.Where(r => Matches(r, f)), f).ToList();
    }

    private static bool Mine(TabCaller caller, AssignmentRecord a) =>
        string.Equals(a.MemberAadObjectId, caller.AadObjectId, StringComparison.Ordinal);

    private static PlanSummary Summary(StoredPlan p, IReadOnlyList<AssignmentRecord> list,
        IReadOnlyDictionary<string, (int Failed, int Blocked)> problems, DateOnly today)
    {
        var counts = TabStates.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var a in list) counts[TabStates.KeyOf(a, p.Document.Year, today)]++;
        var next = DueFormat.Next(list.Where(a => a.State.Status != AssignmentStatus.Done).SelectMany(a => a.Deadlines), p.Document.Year, today);
        problems.TryGetValue(p.PlanId, out var pr);
        var units = list.Select(a => a.Assignee.Unit).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new PlanSummary(p.PlanId, p.Number, p.Title, p.Document.Issuer, p.Document.Year ?? p.Document.IssuedOn?.Year, p.Status.ToString(),
            counts, list.Count, next is { } n ? DueFormat.Date(n.Day) : null, pr.Failed, pr.Blocked, units);
    }

    private static bool Matches(PlanSummary s, PlanFilter f) =>
        (f.Year is null || s.Year == f.Year)
        && (string.IsNullOrEmpty(f.State) || s.Counts.TryGetValue(f.State, out var c) && c > 0)
        && Contains(s.Issuer, f.Issuer)
        && (string.IsNullOrEmpty(f.Unit) || s.Units.Any(u => Contains(u, f.Unit)))
        && (string.IsNullOrEmpty(f.Search) || Contains(s.Number, f.Search) || Contains(s.Title, f.Search));

    private static bool Matches(AssignmentRow r, AssignmentFilter f) =>
        (string.IsNullOrEmpty(f.State) || r.State == f.State)
        && (string.IsNullOrEmpty(f.Unit) || Contains(r.Unit, f.Unit))
        && (string.IsNullOrEmpty(f.Search) || Contains(r.Holder, f.Search) || Contains(r.Unit, f.Search) || Contains(r.Duty, f.Search));

    /// <summary>Names sort as Vietnamese readers expect them (Ngô before Nguyễn); keys of digits sort the same either way.</summary>
    private static readonly StringComparer Vietnamese =
        StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    private static IEnumerable<AssignmentRow> Order(IEnumerable<AssignmentRow> rows, AssignmentFilter f)
    {
        Func<AssignmentRow, string> key = f.Sort switch
        {
            "holder" => r => r.Holder,
            "unit" => r => r.Unit ?? "",
            "state" => r => r.State,
            "deadline" => r => r.NextDeadline is { } d ? d[6..] + d[3..5] + d[..2] : "9999",
            "progress" => r => r.Progress.ToString("000", System.Globalization.CultureInfo.InvariantCulture),
            _ => r => r.Ordinal.ToString("00000", System.Globalization.CultureInfo.InvariantCulture),
        };
        return f.Descending ? rows.OrderByDescending(key, Vietnamese) : rows.OrderBy(key, Vietnamese);
    }

    /// <summary>Case- and diacritic-insensitive "contains" (Vietnamese folding of the parser).</summary>
    private static bool Contains(string? text, string? part) =>
        string.IsNullOrEmpty(part) || (text is not null
            && TeamsPlans.Plans.Parsing.VietText.Fold(text).Contains(TeamsPlans.Plans.Parsing.VietText.Fold(part), StringComparison.Ordinal));
}
