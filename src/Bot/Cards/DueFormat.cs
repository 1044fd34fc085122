using System.Globalization;
using TeamsPlans.Plans.Deadlines;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Cards;

/// <summary>Formats plan dates the way Vietnamese users read them (dd/MM/yyyy).</summary>
internal static class DueFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", Inv);

    public static string Format(DueDate due, CardStrings s) => due.Kind switch
    {
        DueKind.Date => Date(new DateOnly(due.Year, due.Month, due.Day)),
        DueKind.YearlyDate => string.Create(Inv, $"{due.Day:00}/{due.Month:00} {s.Every[Recurrence.Yearly]}"),
        DueKind.Quarter => CardTexts.For(s).Quarter(due.Quarter, due.Year),
        DueKind.Month => CardTexts.For(s).Month(due.Month, due.Year),
        DueKind.SchoolYear => CardTexts.For(s).SchoolYear(due.Year),
        _ => due.ToString()
    };

    /// <summary>"20/05/2023 — Báo cáo ... (định kỳ 6 tháng)".</summary>
    public static string Format(Deadline d, CardStrings s)
    {
        var r = d.Recurrence ?? (d.Due.Kind == DueKind.YearlyDate ? Recurrence.Yearly : (Recurrence?)null);
        // A yearly date already says "hàng năm"; a day that recurs more often is "dd/MM (hằng quý)", not "hàng năm (hằng quý)".
        if (d.Due.Kind == DueKind.YearlyDate && r is not null and not Recurrence.Yearly)
            return string.Create(Inv, $"{d.Due.Day:00}/{d.Due.Month:00} ({s.Every[r.Value]})");
        var text = Format(d.Due, s);
        if (r is { } every && d.Due.Kind != DueKind.YearlyDate) text += " (" + s.Every[every] + ")";
        return text;
    }

    /// <summary>Concrete last day of a deadline; yearly dates fall in <paramref name="planYear"/> (or the year of today).</summary>
    public static DateOnly LastDay(Deadline d, int? planYear, DateOnly today) =>
        d.Due.Kind == DueKind.YearlyDate ? d.Due.LastDay(planYear ?? today.Year) : d.Due.LastDay();

    /// <summary>The next deadline on or after today, or null when none is left.</summary>
    public static (Deadline Deadline, DateOnly Day)? Next(IEnumerable<Deadline> deadlines, int? planYear, DateOnly today)
    {
        (Deadline, DateOnly)? best = null;
        foreach (var d in deadlines)
        {
            var day = NextOccurrence(d, planYear, today);
            if (day is null) continue;
            if (best is null || day.Value < best.Value.Item2) best = (d, day.Value);
        }
        return best;
    }

    private static DateOnly? NextOccurrence(Deadline d, int? planYear, DateOnly today)
    {
        var day = LastDay(d, planYear, today);
        if (day >= today) return day;
        // A recurring duty comes back a step later (a year, six months, a quarter, a month: RecurrenceSteps).
        var recurrence = d.Recurrence ?? (d.Due.Kind == DueKind.YearlyDate ? Recurrence.Yearly : null);
        if (recurrence is null) return null;
        var step = RecurrenceSteps.Months(recurrence.Value);
        var dayOfMonth = d.Due.Kind is DueKind.Date or DueKind.YearlyDate ? d.Due.Day : 31;
        while (day < today)
        {
            var next = day.AddMonths(step);
            day = new DateOnly(next.Year, next.Month, Math.Min(dayOfMonth, DateTime.DaysInMonth(next.Year, next.Month)));
        }
        return day;
    }

    /// <summary>Overdue: not done and the last one-off deadline has passed (recurring duties are never "finished late").</summary>
    public static bool IsOverdue(AssignmentState state, IReadOnlyList<Deadline> deadlines, int? planYear, DateOnly today)
    {
        if (deadlines.Count == 0 || state.Status == AssignmentStatus.Done) return false;
        if (Next(deadlines, planYear, today) is not null) return false;
        var last = deadlines.Max(d => LastDay(d, planYear, today));
        return state.IsOverdue(last, today);
    }

    /// <summary>Cuts text at <paramref name="max"/> characters on a word boundary and ends it with "…".</summary>
    public static string Truncate(string? text, int max)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= max) return text ?? "";
        var cut = text.LastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max - 1;
        return text[..cut].TrimEnd(' ', ',', ';', ':', '.') + "…";
    }
}
