using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsPlans.Plans.Deadlines;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Plans.Rollup;

/// <summary>
/// Department roll-up: for a department plan and its subordinate units (tenants), which units issued an implementing
/// plan (a plan whose legal bases cite the department plan's number) and, for each periodic deadline of the department
/// plan falling in a year, whether the unit submitted its report.
/// <para>
/// Period key convention: a report's period (<see cref="RollupReport.Period"/>) is the concrete due date of the occurrence,
/// "yyyy-MM-dd" (a yearly "--05-10" deadline in 2024 is period "2024-05-10"). A unit's report counts for an occurrence
/// when its Period equals that key and its AssignmentId is an assignment of one of the unit's implementing plans.
/// </para>
/// Today is the TimeProvider's date in Asia/Ho_Chi_Minh; an occurrence is overdue when today is after its due date
/// and no report of it is finished (accepted, or handed in where no review is recorded: <see cref="RollupReport.FinishedAt"/>).
/// </summary>
public sealed class RollupService(IRollupReads store, TimeProvider time, ILogger<RollupService>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public static string PeriodKey(DateOnly due) => due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The occurrences in <paramref name="year"/> of the plan's periodic deadlines, by due date.</summary>
    public static IReadOnlyList<RollupOccurrence> Occurrences(PlanDocument plan, int year)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var list = new List<RollupOccurrence>();
        foreach (var d in plan.Deadlines)
        {
            DateOnly? baseDay = d.Due.Kind switch
            {
                DueKind.YearlyDate => d.Due.LastDay(year),
                DueKind.Date when d.Recurrence is not null => DueDate.Yearly(d.Due.Month, d.Due.Day).LastDay(year),
                DueKind.Month when d.Recurrence is not null => DueDate.InMonth(year, d.Due.Month).LastDay(),
                DueKind.Quarter when d.Recurrence is not null => DueDate.InQuarter(year, d.Due.Quarter).LastDay(),
                _ => null, // one-off dates and school-year deadlines are not periodic
            };
            if (baseDay is not { } day) continue;
            var days = new SortedSet<DateOnly> { day };
            if (d.Recurrence is Recurrence.Quarterly or Recurrence.Monthly)
            {
                // Every quarter / every month: each occurrence of the year is a period of its own.
                var dayOfMonth = d.Due.Kind is DueKind.YearlyDate or DueKind.Date ? d.Due.Day : 31;
                days.UnionWith(RecurrenceSteps.InYear(year, day.Month, dayOfMonth, d.Recurrence.Value));
            }
            else if (d.Recurrence == Recurrence.Semiannual)
            {
                // Twice a year, six months apart: keep the other occurrence that falls in the same year.
                var other = day.Month <= 6 ? day.AddMonths(6) : day.AddMonths(-6);
                if (d.Due.Kind is DueKind.YearlyDate or DueKind.Date)
                    other = new DateOnly(other.Year, other.Month, Math.Min(d.Due.Day, DateTime.DaysInMonth(other.Year, other.Month)));
                else
                    other = new DateOnly(other.Year, other.Month, DateTime.DaysInMonth(other.Year, other.Month));
                if (other.Year == year) days.Add(other);
            }
            foreach (var due in days)
                list.Add(new RollupOccurrence(due, PeriodKey(due), d.What, d.Recurrence));
        }
        return list
            .GroupBy(o => (o.Due, o.What)).Select(g => g.First())
            .OrderBy(o => o.Due).ThenBy(o => o.What, StringComparer.Ordinal).ToList();
    }

    /// <returns>The roll-up, or null when the department plan does not exist in <paramref name="tenantId"/>.</returns>
    public async Task<DepartmentRollup?> BuildAsync(string tenantId, string planId, IReadOnlyCollection<string> unitTenantIds, int year,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unitTenantIds);
        var plan = await store.GetPlanAsync(tenantId, planId, ct).ConfigureAwait(false);
        if (plan is null)
        {
            _logger.LogWarning("Roll-up: plan {PlanId} not found in {TenantId}", planId, tenantId);
            return null;
        }
        var units = unitTenantIds.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal).ToList();
        var today = VietnamTime.Today(time);
        var occurrences = Occurrences(plan.Document, year);

        // The units' implementing plans without their documents, then in one read for every unit the reports handed in.
        var implementing = plan.Number is { } number
            ? await store.ListImplementingAsync(units, number, ct).ConfigureAwait(false)
            : [];
        var byUnit = implementing.ToLookup(p => p.TenantId, StringComparer.Ordinal);
        var reports = (await store.ReportsOfPlansAsync([.. implementing.Select(p => (p.TenantId, p.PlanId))], ct).ConfigureAwait(false))
            .ToLookup(r => r.TenantId, StringComparer.Ordinal);

        var result = new List<UnitRollup>(units.Count);
        foreach (var unit in units)
        {
            var plans = byUnit[unit].ToList();
            var unitReports = reports[unit].ToList();
            var periods = occurrences.Select(o =>
            {
                var handedIn = unitReports.Where(r => r.Period == o.PeriodKey).OrderBy(r => r.SubmittedAt).ToList();
                var first = handedIn.FirstOrDefault();
                // Counting follows acceptance (issue 15): the first report accepted, not the first handed in.
                var finished = handedIn.Where(r => r.FinishedAt is not null).MinBy(r => r.FinishedAt);
                return new RollupPeriodStatus(o, first is not null, first?.SubmittedAt, (finished ?? first)?.ReportId, finished is null
                    && today > o.Due)
                {
                    AwaitingReview = first is not null && finished is null, AcceptedAt = finished?.FinishedAt,
                };
            }).ToList();
            result.Add(new UnitRollup(unit,
                plans.Select(p => new ImplementingPlanRef(p.PlanId, p.Number, p.Title, p.IssuedOn)).ToList(), periods));
        }
        _logger.LogInformation("Roll-up of {TenantId}/{PlanId} for {Year}: {Units} units, {Occurrences} occurrences",
            tenantId, planId, year, units.Count, occurrences.Count);
        return new DepartmentRollup(tenantId, planId, plan.Number, plan.Title, year, today, occurrences, result);
    }
}
