using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Plans.Units;

/// <summary>
/// The department roll-up per unit (issue #14), the way offices count tasks (QĐ 42/2014/QĐ-TTg): for every unit the plan
/// gives duties to, whether it issued its implementing plan (a link made by the cascade, or the "xây dựng kế hoạch" duty
/// marked done) and, for each periodic report of the plan, whether its report was accepted on time (on or before the due
/// date, Vietnam time; a report without review counts when handed in), late, not at all although due (missing) or not yet due. A unit is
/// red when something is missing,
/// orange when something came late, green otherwise. Pure: the store read gives the facts, the clock gives today.
/// </summary>
public static class UnitRollupCalculator
{
    public static UnitRollupResult Calculate(
        IReadOnlyList<Unit> directory, IReadOnlyList<UnitDutyFact> duties, IReadOnlyList<UnitReportFact> reports,
        IReadOnlyList<UnitPlanLink> links, IReadOnlyList<UnitRollupPeriod> periods, DateOnly today, UnitRollupFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(duties);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(periods);
        filter ??= UnitRollupFilter.All;
        var byCode = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var u in directory) byCode.TryAdd(u.Code, u);
        var dutiesByUnit = duties.GroupBy(d => d.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var unitOfAssignment = duties.ToDictionary(d => d.AssignmentId, d => d.UnitCode, StringComparer.Ordinal);
        // The first hand-in per (unit, period), whichever of the unit's assignments it was handed in on, and the first
        // finished one (issue 15: counting follows acceptance, not hand-in).
        var firstReport = new Dictionary<(string Unit, string Period), DateTimeOffset>();
        var firstFinished = new Dictionary<(string Unit, string Period), DateTimeOffset>();
        foreach (var r in reports)
        {
            if (!unitOfAssignment.TryGetValue(r.AssignmentId, out var code)) continue;
            var key = (code, r.PeriodKey);
            if (!firstReport.TryGetValue(key, out var at) || r.SubmittedAt < at) firstReport[key] = r.SubmittedAt;
            if (r.FinishedAt is { } f && (!firstFinished.TryGetValue(key, out var ft) || f < ft)) firstFinished[key] = f;
        }
        var linkByUnit = new Dictionary<string, UnitPlanLink>(StringComparer.Ordinal);
        foreach (var l in links.OrderBy(l => l.LinkedAt))
            linkByUnit.TryAdd(l.UnitCode, l);
        var ordered = periods.OrderBy(p => p.Due).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

        var rows = new List<UnitRollupRow>(dutiesByUnit.Count);
        foreach (var (code, unitDuties) in dutiesByUnit)
        {
            var unit = byCode.GetValueOrDefault(code) ?? new Unit("", code, code, UnitKind.Other, null);
            if (!Passes(unit, filter, byCode)) continue;
            var planDuty = unitDuties.FirstOrDefault(d => ImplementingPlanDuty.Matches(d.Duty));
            var link = linkByUnit.GetValueOrDefault(code);
            var issued = link is not null || planDuty?.Status == AssignmentStatus.Done;
            DateOnly? issuedOn = link is not null
                ? link.ChildIssuedOn ?? VietnamTime.DateOf(link.LinkedAt)
                : planDuty?.CompletedAt is { } done ? VietnamTime.DateOf(done) : null;
            // A unit without a "xây dựng kế hoạch" duty and no linked plan was not asked for one: neutral.
            var planTiming = planDuty is null && link is null ? ReportTiming.NotDue : Timing(issued, issuedOn, planDuty?.LastDay, today);
            var results = ordered.Select(p =>
            {
                DateTimeOffset? at = firstReport.TryGetValue((code, p.Key), out var t) ? t : null;
                DateTimeOffset? done = firstFinished.TryGetValue((code, p.Key), out var f) ? f : null;
                return new UnitPeriodResult(p, Timing(done is not null, done is { } x ? VietnamTime.DateOf(x) : null, p.Due, today), at)
                    { AwaitingReview = at is not null && done is null };
            }).ToList();
            var all = results.Select(r => r.Timing).Append(planTiming).ToList();
            var light = all.Contains(ReportTiming.Missing) ? RollupLight.Red
                : all.Contains(ReportTiming.Late) ? RollupLight.Orange : RollupLight.Green;
            rows.Add(new UnitRollupRow(unit, issued, link, planTiming, results, light));
        }
        rows.Sort((a, b) => a.Light != b.Light ? a.Light.CompareTo(b.Light) : string.CompareOrdinal(a.Unit.Code, b.Unit.Code));
        return new UnitRollupResult(ordered, rows, dutiesByUnit.Count);
    }

    /// <summary>
    /// Done: on time when done on or before the last day (or there is none), late after it. Not done: missing once the last
    /// day has passed, and also when there is no last day (the duty was due from publication); not due before.
    /// </summary>
    private static ReportTiming Timing(bool done, DateOnly? doneOn, DateOnly? lastDay, DateOnly today) => done
        ? lastDay is { } d && doneOn is { } on && on > d ? ReportTiming.Late : ReportTiming.OnTime
        : lastDay is { } due && today <= due ? ReportTiming.NotDue : ReportTiming.Missing;

    private static bool Passes(Unit unit, UnitRollupFilter filter, Dictionary<string, Unit> byCode)
    {
        if (filter.Kinds.Count > 0 && !filter.Kinds.Contains(unit.Kind)) return false;
        if (filter.ParentCode is not { } parent) return true;
        var wanted = Unit.NormalizeCode(parent);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var p = unit.ParentCode; p is not null && seen.Add(p); p = byCode.GetValueOrDefault(p)?.ParentCode)
            if (p == wanted) return true;
        return false;
    }
}
