using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Tab.Rollup;

/// <summary>The department roll-up page's texts (lights, items, refusals, Excel headers), Vietnamese and English.</summary>
internal sealed class RollupTabTexts
{
    public static readonly RollupTabTexts Vi = new()
    {
        Lights = new Dictionary<string, string> { ["red"] = "Đỏ", ["orange"] = "Cam", ["green"] = "Xanh", ["none"] = "Không có hạn" },
        ImplementingPlan = "Kế hoạch triển khai",
        Report = what => "Báo cáo: " + what,
    };

    public static readonly RollupTabTexts En = new()
    {
        Lights = new Dictionary<string, string> { ["red"] = "Red", ["orange"] = "Orange", ["green"] = "Green", ["none"] = "Nothing due" },
        ImplementingPlan = "Implementing plan",
        Report = what => "Report: " + what,
    };

    private static readonly IReadOnlyDictionary<bool, RollupTabTexts> ByEnglish = new Dictionary<bool, RollupTabTexts> { [false] = Vi, [true] = En };

    public const string Forbidden =
        "Chỉ cán bộ của đơn vị quản lý (Sở, phòng thuộc Sở, Phòng GD&ĐT, UBND xã/phường) xem được tổng hợp đơn vị. "
        + "/ Only officers of an overseeing unit (department, its offices, district office, commune) can see the unit roll-up.";

    public const string UnitNotFound = "Không tìm thấy đơn vị trong phạm vi của bạn. / The unit is not among yours.";

    public const string BadKind = "Loại đơn vị không hợp lệ. / Unknown unit kind.";

    public static readonly IReadOnlyList<string> DetailHeaders =
        ["Mã đơn vị", "Tên đơn vị", "Số kế hoạch", "Kế hoạch", "Nội dung", "Hạn", "Trạng thái", "Ngày nộp / ban hành", "Kế hoạch của đơn vị"];

    public required IReadOnlyDictionary<string, string> Lights { get; init; }
    public required string ImplementingPlan { get; init; }
    public required Func<string, string> Report { get; init; }

    public static RollupTabTexts For(bool english) => ByEnglish[english];

    /// <summary>The unit kind's label in the page's language.</summary>
    public static string Kind(UnitKind kind, bool english) => UnitKinds.Label(kind, english);
}
