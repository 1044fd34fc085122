namespace TeamsPlans.Bot.Features.Rollup;

/// <summary>The texts of "tổng hợp đơn vị" and its card, Vietnamese and English.</summary>
internal sealed class RollupTexts
{
    public static readonly RollupTexts Vi = new()
    {
        LeadersOnly = "Chỉ lãnh đạo đơn vị (Ban giám hiệu, trưởng ban, quản trị) xem được tổng hợp đơn vị.",
        NoUnits = "Chưa cấu hình đơn vị trực thuộc cho đơn vị này.",
        NoUnitsHelp = tenant => $"Quản trị viên: khai báo \"Rollup:Units:{tenant}\" (danh sách mã tenant của các đơn vị).",
        NoPlan = "Chưa có kế hoạch nào của đơn vị để tổng hợp.",
        PlanGone = "Không tìm thấy kế hoạch.",
        Refresh = "Cập nhật",
        Header = "Tổng hợp đơn vị trực thuộc",
        Units = "Số đơn vị",
        Issued = "Đã ban hành kế hoạch triển khai",
        NotIssued = "Chưa ban hành kế hoạch triển khai",
        Submitted = "đã nộp",
        Missing = "chưa nộp",
        NotDue = "chưa đến hạn",
        OverdueUnits = "Đơn vị quá hạn",
        NoOccurrences = "Kế hoạch không có hạn báo cáo định kỳ trong năm.",
    };

    public static readonly RollupTexts En = new()
    {
        LeadersOnly = "Only principals, committee heads and admins can see the unit roll-up.",
        NoUnits = "No subordinate unit is configured for this tenant.",
        NoUnitsHelp = tenant => $"Admins: set \"Rollup:Units:{tenant}\" (the units' tenant ids).",
        NoPlan = "There is no plan of this tenant to roll up.",
        PlanGone = "The plan was not found.",
        Refresh = "Refresh",
        Header = "Roll-up of subordinate units",
        Units = "Units",
        Issued = "Issued an implementing plan",
        NotIssued = "No implementing plan yet",
        Submitted = "handed in",
        Missing = "missing",
        NotDue = "not due yet",
        OverdueUnits = "Overdue units",
        NoOccurrences = "The plan has no periodic report deadline in the year.",
    };

    public required string LeadersOnly { get; init; }
    public required string NoUnits { get; init; }
    public required Func<string, string> NoUnitsHelp { get; init; }
    public required string NoPlan { get; init; }
    public required string PlanGone { get; init; }
    public required string Refresh { get; init; }
    public required string Header { get; init; }
    public required string Units { get; init; }
    public required string Issued { get; init; }
    public required string NotIssued { get; init; }
    public required string Submitted { get; init; }
    public required string Missing { get; init; }
    public required string NotDue { get; init; }
    public required string OverdueUnits { get; init; }
    public required string NoOccurrences { get; init; }

    public static RollupTexts For(CardView view) => TextTable.For(view, Vi, En);
}
