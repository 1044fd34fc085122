using System.Text.RegularExpressions;
using static TeamsPlans.Plans.Parsing.VietText;

namespace TeamsPlans.Plans.Parsing;

/// <summary>
/// The label lines that close a task in a plan's content part, beside "Đơn vị chủ trì: …": who supervises it
/// ("Lãnh đạo phụ trách: Phó giám đốc …"), its product, time or budget. They name no duty, so a lead read from
/// "Đơn vị chủ trì" after them takes its duty from the part's heading, not from them.
/// </summary>
internal static class LabelLines
{
    private static readonly Regex Label = R(
        @"^\s*[-–+]?\s*(?:(?:Lãnh\s+đạo|Người|Cán\s+bộ)\s+(?:phụ\s+trách|theo\s+dõi)|Sản\s+phẩm|Kinh\s+phí"
        + @"|Thời\s+gian(?:\s+thực\s+hiện)?"
        + @"|(?:Đơn\s+vị|Cơ\s+quan)\s+phối\s+hợp)\s*:", RegexOptions.IgnoreCase);

    public static bool IsTaskLabel(string item) => Label.IsMatch(item);
}
