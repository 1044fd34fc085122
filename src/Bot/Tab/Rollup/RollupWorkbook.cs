using MiniExcelLibs;
using TeamsPlans.Bot.Tab.Api;
using TeamsPlans.Bot.Tab.Export;

namespace TeamsPlans.Bot.Tab.Rollup;

/// <summary>
/// "Xuất Excel" of the department roll-up (MiniExcel): sheet "Tổng hợp đơn vị" (one row per unit: code, name, kind, parent,
/// light, the four states' counts under their official names), sheet "Chi tiết" (each due item of each unit, dates
/// dd/MM/yyyy) and sheet "Bộ lọc" (year and filters the export was made with). Vietnamese headers.
/// </summary>
public static class RollupWorkbook
{
    public static readonly IReadOnlyList<string> Headers =
        ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Mức",
            .. TabStates.Keys.Select(k => TabStates.Label(k, false)), "Tổng", "Số kế hoạch"];

    public static async Task WriteAsync(Stream output, RollupQueries.Sheet sheet, IReadOnlyList<RollupUnitRow> rows, RollupFilter filter,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(filter);
        var units = rows.Select(r => Row(Headers,
            [r.Code, r.Name, r.KindLabel, r.ParentName ?? r.Parent ?? "", r.LightLabel,
                .. TabStates.Keys.Select(k => (object)r.Counts[k]), r.Total, r.Plans]))
            .ToList();
        var detail = new List<Dictionary<string, object>>();
        foreach (var r in rows)
            foreach (var plan in RollupQueries.Detail(sheet, r.Code, english: false))
                foreach (var i in plan.Items)
                    detail.Add(Row(RollupTabTexts.DetailHeaders,
                        [r.Code, r.Name, plan.Number ?? "", plan.Title, i.What, i.Due ?? "", i.StateLabel, i.Done ?? "", i.LinkedPlan ?? ""]));
        var filters = new List<Dictionary<string, object>>
        {
            Pair("Năm báo cáo", sheet.Year),
            Pair("Loại đơn vị", filter.Kind is { } k ? RollupTabTexts.Kind(k, false) : ""),
            Pair("Đơn vị cấp trên", filter.Parent ?? ""),
            Pair("Số kế hoạch", filter.Number ?? ""),
            Pair("Trạng thái", filter.State is { } s ? TabStates.Label(s, false) : ""),
            Pair("Tìm", filter.Search ?? ""),
            Pair("Số đơn vị", rows.Count),
        };
        var sheets = new Dictionary<string, object> { ["Tổng hợp đơn vị"] = units, ["Chi tiết"] = detail, ["Bộ lọc"] = filters };
        await output.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: ct).ConfigureAwait(false);
    }

    public static string FileName(int year) => $"tong-hop-don-vi-{year}.xlsx";

    public static string ContentType => PlanWorkbook.ContentType;

    private static Dictionary<string, object> Row(IReadOnlyList<string> headers, object[] values)
    {
        var row = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++) row[headers[i]] = values[i];
        return row;
    }

    private static Dictionary<string, object> Pair(string field, object value) =>
        new(StringComparer.Ordinal) { ["Mục"] = field, ["Nội dung"] = value };
}
