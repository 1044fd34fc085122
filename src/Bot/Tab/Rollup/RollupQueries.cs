using TeamsPlans.Bot.Tab.Api;
using TeamsPlans.Plans.Parsing;
using TeamsPlans.Plans.Rollup;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Tab.Rollup;

/// <summary>
/// The department roll-up of the tab: the tenant's published plans that give duties to directory units (number filter),
/// each computed by <see cref="UnitRollupCalculator"/> for the reporting year (one <see cref="IUnitRollupStore.ReadAsync"/>
/// per plan, a fixed number of queries whatever the number of units), then summed per unit of the caller's
/// <see cref="DepartmentScope"/>: every item (an implementing plan asked for, each periodic report) counted in the four
/// states — on time → done on time, late → done late, not due → open, missing → overdue. Only the caller's tenant is read.
/// </summary>
public sealed class RollupQueries(IStateStore store, TimeProvider time)
{
    private static readonly IReadOnlyDictionary<ReportTiming, OfficialState> States = new Dictionary<ReportTiming, OfficialState>
    {
        [ReportTiming.OnTime] = OfficialState.DoneOnTime, [ReportTiming.Late] = OfficialState.DoneLate,
        [ReportTiming.NotDue] = OfficialState.OpenWithinDeadline, [ReportTiming.Missing] = OfficialState.OpenOverdue,
    };

    /// <summary>One department plan computed: its roll-up and the implementing-plan duty of each unit asked for one.</summary>
    public sealed record Counted(StoredPlan Plan, UnitRollupResult Result, IReadOnlyDictionary<string, UnitDutyFact> PlanDuties);

    /// <summary>The directory by code and the plans counted.</summary>
    public sealed record Sheet(IReadOnlyDictionary<string, Unit> Units, IReadOnlyList<Counted> Plans, int Year);

    public static string Key(ReportTiming t) => OfficialStateLabels.Code(States[t]);

    public async Task<Sheet> ReadAsync(string tenantId, RollupFilter f, CancellationToken ct)
    {
        var year = f.Year ?? VietnamTime.Today(time).Year;
        var directory = UnitStores.TryFor(store) is { } unitStore ? await unitStore.ListAsync(tenantId, ct).ConfigureAwait(false) : [];
        var units = directory.GroupBy(u => u.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var counted = new List<Counted>();
        if (UnitRollupStores.TryFor(store) is not { } rollups) return new Sheet(units, counted, year);
        var today = VietnamTime.Today(time);
        // The published plans' headers (number, no document): each chosen plan is then read once by the roll-up store.
        var plans = await StatusReadModels.Of(store).PlanHeadersAsync(tenantId, PlanStatus.Published, ct).ConfigureAwait(false);
        var chosen = plans.Where(p => Contains(p.Number, f.Number)).OrderBy(p => p.Number, StringComparer.Ordinal);
        foreach (var plan in chosen)
        {
            var data = await rollups.ReadAsync(tenantId, plan.PlanId, ct).ConfigureAwait(false);
            if (data is null || data.Duties.Count == 0) continue;
            var periods = RollupService.Occurrences(data.Plan.Document, year).Select(o => new UnitRollupPeriod(o.Due, o.PeriodKey, o.What)).ToList();
            var result = UnitRollupCalculator.Calculate(directory, data.Duties, data.Reports, data.Links, periods, today);
            var asked = data.Duties.Where(d => ImplementingPlanDuty.Matches(d.Duty)).GroupBy(d => d.UnitCode, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            counted.Add(new Counted(data.Plan, result, asked));
        }
        return new Sheet(units, counted, year);
    }

    /// <summary>The units of the scope with their counts, filtered; red first, then orange, green, nothing due; by code.</summary>
    public IReadOnlyList<RollupUnitRow> Rows(Sheet sheet, DepartmentScope scope, RollupFilter f, bool english)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(scope);
        var texts = RollupTabTexts.For(english);
        var byUnit = new Dictionary<string, (int[] Counts, int Plans, RollupLight? Light)>(StringComparer.Ordinal);
        foreach (var c in sheet.Plans)
            foreach (var row in c.Result.Rows.Where(r => scope.Allows(r.Unit.Code)))
            {
                var entry = byUnit.TryGetValue(row.Unit.Code, out var e) ? e : (new int[TabStates.Keys.Count], 0, null);
                foreach (var item in Items(c, row, texts)) entry.Counts[(int)States[item.Timing]]++;
                entry.Light = entry.Light is { } l && l < row.Light ? l : row.Light;
                byUnit[row.Unit.Code] = (entry.Counts, entry.Plans + 1, entry.Light);
            }
        var rows = new List<RollupUnitRow>();
        foreach (var unit in sheet.Units.Values.Where(u => scope.Allows(u.Code) && Passes(u, f, sheet.Units)))
        {
            var (counts, plans, light) = byUnit.TryGetValue(unit.Code, out var e) ? e : (new int[TabStates.Keys.Count], 0, null);
            var key = light?.ToString().ToLowerInvariant() ?? "none";
            var parent = unit.ParentCode is { } p ? sheet.Units.GetValueOrDefault(p) : null;
            var byKey = TabStates.Keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => counts[x.i], StringComparer.Ordinal);
            rows.Add(new RollupUnitRow(unit.Code, unit.Name, unit.Kind.ToString(), RollupTabTexts.Kind(unit.Kind, english), unit.ParentCode,
                parent?.Name, key, texts.Lights[key], byKey, counts.Sum(), plans));
        }
        return rows.Where(r => Matches(r, f)).OrderBy(r => Rank(r.Light)).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>A unit's items plan by plan (for its detail and the Excel "Chi tiết" sheet).</summary>
    public static IReadOnlyList<RollupPlanDetail> Detail(Sheet sheet, string code, bool english)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var texts = RollupTabTexts.For(english);
        var list = new List<RollupPlanDetail>();
        foreach (var c in sheet.Plans)
            if (c.Result.Rows.FirstOrDefault(r => r.Unit.Code == code) is { } row)
                list.Add(new RollupPlanDetail(c.Plan.PlanId, c.Plan.Number, c.Plan.Title, row.Light.ToString().ToLowerInvariant(),
                    Items(c, row, texts).Select(i => new RollupItem(i.What, Date(i.Due), Key(i.Timing),
                        OfficialStateLabels.For(States[i.Timing], !english), Date(i.Done), i.Link?.ChildNumber ?? i.Link?.ChildTitle,
                        i.Link?.ChildDocumentUri)).ToList()));
        return list;
    }

    private static IEnumerable<(string What, DateOnly? Due, ReportTiming Timing, DateOnly? Done, UnitPlanLink? Link)> Items(
        Counted c, UnitRollupRow row, RollupTabTexts texts)
    {
        var duty = c.PlanDuties.GetValueOrDefault(row.Unit.Code);
        // A unit not asked for an implementing plan (no such duty) and with none linked has no item for it.
        if (duty is not null || row.Plan is not null)
        {
            DateOnly? done = row.Plan is { } l ? l.ChildIssuedOn ?? VietnamTime.DateOf(l.LinkedAt)
                : duty?.CompletedAt is { } at && row.PlanIssued ? VietnamTime.DateOf(at) : null;
            yield return (texts.ImplementingPlan, duty?.LastDay, row.PlanTiming, done, row.Plan);
        }
        foreach (var r in row.Reports)
            yield return (texts.Report(r.Period.What), r.Period.Due, r.Timing, r.SubmittedAt is { } s ? VietnamTime.DateOf(s) : null, null);
    }

    private static string? Date(DateOnly? d) => d is { } x ? DueFormat.Date(x) : null;

    private static int Rank(string light) => light switch { "red" => 0, "orange" => 1, "green" => 2, _ => 3 };

    private static bool Passes(Unit unit, RollupFilter f, IReadOnlyDictionary<string, Unit> units)
    {
        if (f.Kind is { } kind && unit.Kind != kind) return false;
        if (!string.IsNullOrWhiteSpace(f.Parent))
        {
            var wanted = Unit.NormalizeCode(f.Parent);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var found = false;
            for (var p = unit.ParentCode; p is not null && seen.Add(p) && !found; p = units.GetValueOrDefault(p)?.ParentCode) found = p == wanted;
            if (!found) return false;
        }
        return string.IsNullOrEmpty(f.Search) || Contains(unit.Code, f.Search) || Contains(unit.Name, f.Search);
    }

    private static bool Matches(RollupUnitRow r, RollupFilter f) =>
        string.IsNullOrEmpty(f.State) || r.Light == f.State || (r.Counts.TryGetValue(f.State, out var n) && n > 0);

    private static bool Contains(string? text, string? part) =>
        string.IsNullOrEmpty(part) || (text is not null && VietText.Fold(text).Contains(VietText.Fold(part), StringComparison.Ordinal));
}
