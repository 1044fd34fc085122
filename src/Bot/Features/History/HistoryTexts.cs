namespace TeamsPlans.Bot.Features.History;

/// <summary>The texts of the history card and CSV export, Vietnamese and English.</summary>
internal sealed class HistoryTexts
{
    public static readonly HistoryTexts Vi = new()
    {
        Button = "Lịch sử",
        Header = "Lịch sử nhiệm vụ",
        Empty = "Chưa có thay đổi nào được ghi.",
        Event = e => e switch
        {
            HistoryEvent.Created => "Giao nhiệm vụ",
            HistoryEvent.Delivered => "Đã gửi thẻ",
            HistoryEvent.Acknowledged => "Đã xác nhận",
            HistoryEvent.Progress => "Cập nhật tiến độ",
            HistoryEvent.Done => "Báo hoàn thành",
            HistoryEvent.Comment => "Trao đổi",
            HistoryEvent.ReportHandedIn => "Nộp báo cáo",
            HistoryEvent.Accepted => "Chấp nhận báo cáo",
            HistoryEvent.Returned => "Trả lại báo cáo",
            HistoryEvent.Reassigned => "Giao lại",
            HistoryEvent.Redated => "Đổi hạn",
            HistoryEvent.Withdrawn => "Rút/thu hồi theo văn bản điều chỉnh",
            HistoryEvent.ReportForwarded => "Đơn vị chấp nhận và gửi báo cáo lên",
            _ => "Thay đổi trên Planner",
        },
        Source = s => s switch
        {
            HistorySource.Card => "thẻ", HistorySource.Chat => "trò chuyện", HistorySource.Planner => "Planner",
            HistorySource.Cli => "dòng lệnh", HistorySource.Tab => "trang Kế hoạch", _ => "hệ thống",
        },
    };

    public static readonly HistoryTexts En = new()
    {
        Button = "History",
        Header = "Assignment history",
        Empty = "No change has been recorded yet.",
        Event = e => e switch
        {
            HistoryEvent.Created => "Assigned",
            HistoryEvent.Delivered => "Card delivered",
            HistoryEvent.Acknowledged => "Acknowledged",
            HistoryEvent.Progress => "Progress updated",
            HistoryEvent.Done => "Marked done",
            HistoryEvent.Comment => "Comment",
            HistoryEvent.ReportHandedIn => "Report handed in",
            HistoryEvent.Accepted => "Report accepted",
            HistoryEvent.Returned => "Report returned",
            HistoryEvent.Reassigned => "Reassigned",
            HistoryEvent.Redated => "Re-dated",
            HistoryEvent.Withdrawn => "Withdrawn by the corrected plan",
            HistoryEvent.ReportForwarded => "Report accepted by the unit and sent up",
            _ => "Changed in Planner",
        },
        Source = s => s switch
        {
            HistorySource.Card => "card", HistorySource.Chat => "chat", HistorySource.Planner => "Planner",
            HistorySource.Cli => "CLI", HistorySource.Tab => "Plans tab", _ => "system",
        },
    };

    public required string Button { get; init; }
    public required string Header { get; init; }
    public required string Empty { get; init; }
    public required Func<HistoryEvent, string> Event { get; init; }
    public required Func<HistorySource, string> Source { get; init; }

    public static HistoryTexts For(CardView view) => TextTable.For(view, Vi, En);
}
