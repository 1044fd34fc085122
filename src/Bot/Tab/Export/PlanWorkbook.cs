using MiniExcelLibs;
using TeamsPlans.Bot.Tab.Api;

namespace TeamsPlans.Bot.Tab.Export;

/// <summary>
/// "Xuất Excel": a plan's assignments as .xlsx (MiniExcel), one sheet "Phân công" with Vietnamese headers, deadlines
/// dd/MM/yyyy and the state labels of <see cref="TabStates"/>, and a sheet "Kế hoạch" with the plan's heading.
/// </summary>
internal static class PlanWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> Headers =
        ["STT", "Người thực hiện", "Đơn vị", "Nhiệm vụ", "Thời hạn", "Hạn tới", "Trạng thái", "Tiến độ (%)", "Ý kiến gần nhất", "Số báo cáo"];

    public static async Task WriteAsync(Stream output, StoredPlan plan, IReadOnlyList<AssignmentRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var assignments = rows.Select(r => Row(
            r.Ordinal, r.Holder, r.Unit ?? "", r.Duty, string.Join("; ", r.Deadlines), r.NextDeadline ?? "", TabStates.Label(r.State, false),
            r.Progress, r.LastComment ?? "", r.Reports)).ToList();
        var heading = new List<Dictionary<string, object>>
        {
            Pair("Số, ký hiệu", plan.Number ?? ""),
            Pair("Trích yếu", plan.Title),
            Pair("Cơ quan ban hành", plan.Document.Issuer ?? ""),
            Pair("Ngày ban hành", plan.Document.IssuedOn is { } d ? DueFormat.Date(d) : ""),
            Pair("Số nhiệm vụ", rows.Count),
        };
        var sheets = new Dictionary<string, object> { ["Phân công"] = assignments, ["Kế hoạch"] = heading };
        await output.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: ct).ConfigureAwait(false);
    }

    private static Dictionary<string, object> Row(params object[] values)
    {
        var row = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < Headers.Count; i++) row[Headers[i]] = values[i];
        return row;
    }

    private static Dictionary<string, object> Pair(string field, object value) =>
        new(StringComparer.Ordinal) { ["Mục"] = field, ["Nội dung"] = value };
}
