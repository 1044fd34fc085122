using System.Globalization;

namespace TeamsPlans.Plans.Model;

/// <summary>
/// When something is due, with the precision the document gives. Serialized as
/// "yyyy-MM-dd" (Date), "--MM-dd" (YearlyDate), "yyyy-Qn" (Quarter), "yyyy-MM" (Month), "yyyy-yyyy" (SchoolYear), "yyyy" (Year).
/// </summary>
public readonly record struct DueDate(DueKind Kind, int Year, int Month, int Day, int Quarter)
{
    public static DueDate OnDate(DateOnly d) => new(DueKind.Date, d.Year, d.Month, d.Day, 0);
    public static DueDate Yearly(int month, int day) => new(DueKind.YearlyDate, 0, month, day, 0);
    public static DueDate InQuarter(int year, int quarter) => new(DueKind.Quarter, year, 0, 0, quarter);
    public static DueDate InMonth(int year, int month) => new(DueKind.Month, year, month, 0, 0);
    /// <summary>School year starting in <paramref name="startYear"/> ("Năm học 2023-2024").</summary>
    public static DueDate SchoolYearOf(int startYear) => new(DueKind.SchoolYear, startYear, 0, 0, 0);
    /// <summary>A whole year ("năm 2025", "đến năm 2030").</summary>
    public static DueDate InYear(int year) => new(DueKind.Year, year, 0, 0, 0);

    /// <summary>The last day on which the item is still on time, for a concrete year where needed.</summary>
    public DateOnly LastDay(int? yearForYearly = null) => Kind switch
    {
        DueKind.Date => new DateOnly(Year, Month, Day),
        DueKind.YearlyDate => new DateOnly(yearForYearly ?? throw new InvalidOperationException("A yearly date needs a year."), Month,
            Math.Min(Day, DateTime.DaysInMonth(yearForYearly.Value, Month))),
        DueKind.Quarter => new DateOnly(Year, Quarter * 3, 1).AddMonths(1).AddDays(-1),
        DueKind.Month => new DateOnly(Year, Month, 1).AddMonths(1).AddDays(-1),
        // Vietnamese school years end on 31 May of the second year (Bộ GD&ĐT calendar); reports close then.
        DueKind.SchoolYear => new DateOnly(Year + 1, 5, 31),
        DueKind.Year => new DateOnly(Year, 12, 31),
        _ => throw new InvalidOperationException()
    };

    public override string ToString() => Kind switch
    {
        DueKind.Date => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}-{Day:00}"),
        DueKind.YearlyDate => string.Create(CultureInfo.InvariantCulture, $"--{Month:00}-{Day:00}"),
        DueKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-Q{Quarter}"),
        DueKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}"),
        DueKind.SchoolYear => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Year + 1:0000}"),
        DueKind.Year => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}"),
        _ => "?"
    };

    public static DueDate Parse(string s) => TryParse(s, out var d) ? d : throw new FormatException($"Not a due date: '{s}'.");

    public static bool TryParse(string? s, out DueDate due)
    {
        due = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        var inv = CultureInfo.InvariantCulture;
        if (s.StartsWith("--", StringComparison.Ordinal) && s.Length == 7
            && int.TryParse(s.AsSpan(2, 2), NumberStyles.None, inv, out var ym) && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, inv, out var yd)
            && ym is >= 1 and <= 12 && yd >= 1 && yd <= DateTime.DaysInMonth(2024, ym))
        { due = Yearly(ym, yd); return true; }
        if (s.Length == 10 && s[4] == '-' && s[7] == '-' && DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d))
        { due = OnDate(d); return true; }
        if (s.Length == 7 && s[4] == '-' && s[5] == 'Q' && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, inv, out var qy)
            && s[6] is >= '1' and <= '4')
        { due = InQuarter(qy, s[6] - '0'); return true; }
        if (s.Length == 7 && s[4] == '-' && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, inv, out var my)
            && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, inv, out var mm) && mm is >= 1 and <= 12)
        { due = InMonth(my, mm); return true; }
        if (s.Length == 9 && s[4] == '-' && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, inv, out var s1)
            && int.TryParse(s.AsSpan(5, 4), NumberStyles.None, inv, out var s2) && s2 == s1 + 1)
        { due = SchoolYearOf(s1); return true; }
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, inv, out var yy) && yy >= 1900)
        { due = InYear(yy); return true; }
        return false;
    }
}
