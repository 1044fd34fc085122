namespace TeamsPlans.Bot.Features.Rollup;

/// <summary>The texts of "tổng hợp đơn vị", Vietnamese and English.</summary>
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
    };

    public static readonly RollupTexts En = new()
    {
        LeadersOnly = "Only principals, committee heads and admins can see the unit roll-up.",
        NoUnits = "No subordinate unit is configured for this tenant.",
        NoUnitsHelp = tenant => $"Admins: set \"Rollup:Units:{tenant}\" (the units' tenant ids).",
        NoPlan = "There is no plan of this tenant to roll up.",
        PlanGone = "The plan was not found.",
        Refresh = "Refresh",
    };

    public required string LeadersOnly { get; init; }
    public required string NoUnits { get; init; }
    public required Func<string, string> NoUnitsHelp { get; init; }
    public required string NoPlan { get; init; }
    public required string PlanGone { get; init; }
    public required string Refresh { get; init; }

    public static RollupTexts For(CardView view) => view.S.Lang == "vi" ? Vi : En;
}
