namespace TeamsPlans.Bot.Features.Regime;

/// <summary>Texts of the report regime (Decree 09/2019/NĐ-CP) on the assignment card and the import preview.</summary>
internal sealed class RegimeTexts
{
    public static readonly RegimeTexts Vi = new()
    {
        Header = "Chế độ báo cáo", Name = "Tên báo cáo", Content = "Nội dung", To = "Nơi nhận", Method = "Hình thức gửi",
        Frequency = "Tần suất", Due = "Thời hạn", Cutoff = "Thời gian chốt số liệu", Outline = "Đề cương / mẫu",
        DefaultCutoff = "(mặc định theo Nghị định 09/2019/NĐ-CP)", OpenOutline = "Mở đề cương / mẫu", InPlan = "trong văn bản kế hoạch",
        AdHoc = "Không định kỳ (theo mốc hạn)", PreviewCount = n => $"Chế độ báo cáo đọc được: {n}",
        EditHeader = "Sửa chế độ báo cáo (bấm Lưu hoặc Gửi để áp dụng)", CutoffFrom = "Chốt số liệu từ ngày", CutoffTo = "Chốt số liệu đến ngày",
        OutlinePlaceholder = "ví dụ: theo mẫu tại Phụ lục 2", OutlineFile = "Tệp đề cương / mẫu trong thư viện (địa chỉ web)",
        FrequencyName = f => f switch
        {
            Recurrence.Monthly => "Hằng tháng", Recurrence.Quarterly => "Hằng quý", Recurrence.Semiannual => "6 tháng", _ => "Hằng năm",
        },
    };

    public static readonly RegimeTexts En = new()
    {
        Header = "Report regime", Name = "Report", Content = "Content", To = "Recipient", Method = "Sent by",
        Frequency = "Frequency", Due = "Deadline", Cutoff = "Data cut-off", Outline = "Outline / form",
        DefaultCutoff = "(default of Decree 09/2019/NĐ-CP)", OpenOutline = "Open the outline / form", InPlan = "in the plan document",
        AdHoc = "Not periodic (on the dates given)", PreviewCount = n => $"Report regimes read: {n}",
        EditHeader = "Edit the report regime (Save or Send applies it)", CutoffFrom = "Data cut-off from", CutoffTo = "Data cut-off to",
        OutlinePlaceholder = "e.g. on the form in Appendix 2", OutlineFile = "Outline / form file in the library (web address)",
        FrequencyName = f => f switch
        {
            Recurrence.Monthly => "Monthly", Recurrence.Quarterly => "Quarterly", Recurrence.Semiannual => "Every 6 months", _ => "Yearly",
        },
    };

    public static RegimeTexts For(CardView view) => view.S.Lang == "vi" ? Vi : En;

    public required string Header { get; init; }
    public required string Name { get; init; }
    public required string Content { get; init; }
    public required string To { get; init; }
    public required string Method { get; init; }
    public required string Frequency { get; init; }
    public required string Due { get; init; }
    public required string Cutoff { get; init; }
    public required string Outline { get; init; }
    public required string DefaultCutoff { get; init; }
    public required string OpenOutline { get; init; }
    public required string InPlan { get; init; }
    public required string AdHoc { get; init; }
    public required string EditHeader { get; init; }
    public required string CutoffFrom { get; init; }
    public required string CutoffTo { get; init; }
    public required string OutlinePlaceholder { get; init; }
    public required string OutlineFile { get; init; }
    public required Func<int, string> PreviewCount { get; init; }
    public required Func<Recurrence, string> FrequencyName { get; init; }
}
