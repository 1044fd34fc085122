using System.Globalization;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Cards;

/// <summary>A deadline occurrence a report can answer: Key is the concrete due date "yyyy-MM-dd" (the roll-up period key).</summary>
internal sealed record ReportPeriod(string Key, DateOnly Due, string What);

/// <summary>
/// The periods (deadline occurrences) of an assignment a member can hand a report in for. Keys follow
/// <see cref="RollupService.PeriodKey"/> so a school's report for "10/5 hằng năm" counts in the department roll-up for the
/// same date. Recurring deadlines offer their occurrences of the last <see cref="LookBackDays"/> days plus the next one;
/// one-off deadlines offer their last day. An assignment without deadlines offers today's date.
/// </summary>
internal static class ReportPeriods
{
    public const int LookBackDays = 200;
    public const int Max = 8;

    public static IReadOnlyList<ReportPeriod> For(AssignmentRecord a, int? planYear, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(a);
        var all = new List<ReportPeriod>();
        var recurring = a.Deadlines.Where(d => d.Recurrence is not null || d.Due.Kind == DueKind.YearlyDate).ToList();
        if (recurring.Count > 0)
        {
            var doc = new PlanDocument { Deadlines = recurring };
            var occ = new List<RollupOccurrence>();
            for (var y = today.Year - 1; y <= today.Year + 1; y++) occ.AddRange(RollupService.Occurrences(doc, y));
            var passed = occ.Where(o => o.Due < today && o.Due >= today.AddDays(-LookBackDays));
            var next = occ.Where(o => o.Due >= today).GroupBy(o => o.What).Select(g => g.OrderBy(o => o.Due).First());
            all.AddRange(passed.Concat(next).Select(o => new ReportPeriod(o.PeriodKey, o.Due, o.What)));
        }
        foreach (var d in a.Deadlines.Except(recurring))
        {
            if (d.Due.Kind == DueKind.SchoolYear && planYear is null) continue;
            var day = DueFormat.LastDay(d, planYear, today);
            all.Add(new ReportPeriod(RollupService.PeriodKey(day), day, d.What));
        }
        if (all.Count == 0) all.Add(new ReportPeriod(RollupService.PeriodKey(today), today, ""));
        var list = all.GroupBy(p => p.Key).Select(g => g.First()).OrderBy(p => p.Due).ToList();
        // Keep the most relevant ones: the ones around today.
        while (list.Count > Max)
        {
            if (list[0].Due < today) list.RemoveAt(0); else list.RemoveAt(list.Count - 1);
        }
        return list;
    }

    /// <summary>The period offered first: the earliest one not reported yet that is due at most a look-back ago, else the next one.</summary>
    public static ReportPeriod Default(IReadOnlyList<ReportPeriod> periods, IEnumerable<ReportSubmission> reports, DateOnly today)
    {
        var done = reports.Select(r => r.Period).ToHashSet(StringComparer.Ordinal);
        return periods.FirstOrDefault(p => !done.Contains(p.Key))
            ?? periods.FirstOrDefault(p => p.Due >= today)
            ?? periods[^1];
    }

    public static string Label(ReportPeriod p) =>
        DueFormat.Date(p.Due) + (string.IsNullOrWhiteSpace(p.What) ? "" : " — " + DueFormat.Truncate(p.What, 90));

    public static DateOnly? ParseKey(string? key) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
