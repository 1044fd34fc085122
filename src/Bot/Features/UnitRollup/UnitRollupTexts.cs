using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Features.UnitRollup;

/// <summary>The texts of the unit roll-up card, Vietnamese and English.</summary>
internal sealed class UnitRollupTexts
{
    public static readonly UnitRollupTexts Vi = new()
    {
        Header = "Tổng hợp đơn vị",
        Units = "Đơn vị",
        UnitsOf = (shown, all) => $"{shown} (trong {all} đơn vị của kế hoạch)",
        Issued = "Đã ban hành kế hoạch triển khai",
        PlanIssued = "✓ Kế hoạch triển khai",
        PlanMissing = "✗ Chưa ban hành kế hoạch triển khai",
        PlanNotDue = "Kế hoạch triển khai: chưa đến hạn",
        Lights = (r, o, g) => $"🔴 {r} · 🟠 {o} · 🟢 {g}",
        Timing = t => t switch
        {
            ReportTiming.OnTime => "đúng hạn",
            ReportTiming.Late => "trễ hạn",
            ReportTiming.Missing => "chưa nộp (quá hạn)",
            _ => "chưa đến hạn",
        },
        PeriodCounts = (on, late, missing, notDue) => $"đúng hạn {on} · trễ {late} · chưa nộp {missing} · chưa đến hạn {notDue}",
        HandedIn = "nộp",
        Filter = "Lọc",
        Under = "thuộc",
        NoUnits = "Không có đơn vị nào khớp bộ lọc.",
        NoPeriods = "Kế hoạch không có báo cáo định kỳ trong năm.",
        Refresh = "Làm mới",
        All = "Tất cả đơn vị",
    };

    public static readonly UnitRollupTexts En = new()
    {
        Header = "Unit roll-up",
        Units = "Units",
        UnitsOf = (shown, all) => $"{shown} (of the plan's {all} units)",
        Issued = "Issued an implementing plan",
        PlanIssued = "✓ Implementing plan",
        PlanMissing = "✗ No implementing plan",
        PlanNotDue = "Implementing plan: not due yet",
        Lights = (r, o, g) => $"🔴 {r} · 🟠 {o} · 🟢 {g}",
        Timing = t => t switch
        {
            ReportTiming.OnTime => "on time",
            ReportTiming.Late => "late",
            ReportTiming.Missing => "missing (overdue)",
            _ => "not due yet",
        },
        PeriodCounts = (on, late, missing, notDue) => $"on time {on} · late {late} · missing {missing} · not due {notDue}",
        HandedIn = "handed in",
        Filter = "Filter",
        Under = "under",
        NoUnits = "No unit matches the filter.",
        NoPeriods = "The plan has no periodic report in the year.",
        Refresh = "Refresh",
        All = "All units",
    };

    public required string Header { get; init; }
    public required string Units { get; init; }
    public required Func<int, int, string> UnitsOf { get; init; }
    public required string Issued { get; init; }
    public required string PlanIssued { get; init; }
    public required string PlanMissing { get; init; }
    public required string PlanNotDue { get; init; }
    public required Func<int, int, int, string> Lights { get; init; }
    public required Func<ReportTiming, string> Timing { get; init; }
    public required Func<int, int, int, int, string> PeriodCounts { get; init; }
    public required string HandedIn { get; init; }
    public required string Filter { get; init; }
    public required string Under { get; init; }
    public required string NoUnits { get; init; }
    public required string NoPeriods { get; init; }
    public required string Refresh { get; init; }
    public required string All { get; init; }

    public static UnitRollupTexts For(CardView view) => view.S.Lang == "vi" ? Vi : En;
}
