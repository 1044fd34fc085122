namespace TeamsPlans.Bot.Features.Regime;

/// <summary>Why an edit of a report regime in the import preview was not saved, in Vietnamese and English.</summary>
internal sealed record RegimeEditError(string Code, string Vi, string En)
{
    public static RegimeEditError BadDate(int n) => new("BadRegimeDate",
        $"Chế độ báo cáo {n}: thời gian chốt số liệu phải là ngày dạng dd/MM/yyyy (từ ngày không sau đến ngày).",
        $"Report regime {n}: the data cut-off must be dates as dd/MM/yyyy (from not after to).");

    public static RegimeEditError BadFile(int n) => new("BadRegimeFile",
        $"Chế độ báo cáo {n}: tệp đề cương / mẫu phải là địa chỉ web (https://…) của tệp trong thư viện.",
        $"Report regime {n}: the outline / form file must be the web address (https://…) of a file in the library.");
}
