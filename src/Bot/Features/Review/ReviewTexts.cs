namespace TeamsPlans.Bot.Features.Review;

/// <summary>The texts of report review (the reviewer's card, the member's card lines), Vietnamese and English.</summary>
internal sealed class ReviewTexts
{
    public static readonly ReviewTexts Vi = new()
    {
        StateLabel = "Tình trạng theo hạn",
        Awaiting = "⏳ Báo cáo đang chờ duyệt",
        Returned = reason => $"Trả lại: {reason}",
        AcceptedOn = day => $"✓ Báo cáo đã được chấp nhận ngày {day}",
        HandInAgain = "Nộp lại báo cáo",
        ReviewHeader = "Báo cáo cần duyệt",
        From = "Người nộp",
        Round = "Lần nộp",
        Summary = "Tóm tắt",
        OpenReport = "Mở báo cáo",
        Accept = "Chấp nhận",
        Return = "Trả lại",
        ReasonLabel = "Lý do trả lại (bắt buộc)",
        ReasonRequired = "Hãy nhập lý do trả lại.",
        ReturnSubmit = "Gửi trả lại",
        ReviewerOnly = "Chỉ người nhận báo cáo (trưởng ban, lãnh đạo đơn vị) được duyệt báo cáo.",
        NotAwaiting = "Không có báo cáo nào đang chờ duyệt cho nhiệm vụ này.",
        AcceptedBy = (who, day) => $"✓ Đã chấp nhận — {who}, {day}",
        ReturnedBy = (who, day, reason) => $"↩ Đã trả lại — {who}, {day}: {reason}",
        EarlierRounds = "Các lần nộp trước",
        RoundHandedIn = (n, who, day) => $"Lần {n}: {who} nộp {day}",
    };

    public static readonly ReviewTexts En = new()
    {
        StateLabel = "Deadline state",
        Awaiting = "⏳ Report awaiting review",
        Returned = reason => $"Returned: {reason}",
        AcceptedOn = day => $"✓ Report accepted on {day}",
        HandInAgain = "Hand in again",
        ReviewHeader = "Report to review",
        From = "Handed in by",
        Round = "Round",
        Summary = "Summary",
        OpenReport = "Open the report",
        Accept = "Accept",
        Return = "Return",
        ReasonLabel = "Reason for returning (required)",
        ReasonRequired = "Enter the reason for returning it.",
        ReturnSubmit = "Return the report",
        ReviewerOnly = "Only the receiver of the report (the plan's head, the unit's head) can review it.",
        NotAwaiting = "No report of this assignment is awaiting review.",
        AcceptedBy = (who, day) => $"✓ Accepted — {who}, {day}",
        ReturnedBy = (who, day, reason) => $"↩ Returned — {who}, {day}: {reason}",
        EarlierRounds = "Earlier rounds",
        RoundHandedIn = (n, who, day) => $"Round {n}: handed in by {who} on {day}",
    };

    public required string StateLabel { get; init; }
    public required string Awaiting { get; init; }
    public required Func<string, string> Returned { get; init; }
    public required Func<string, string> AcceptedOn { get; init; }
    public required string HandInAgain { get; init; }
    public required string ReviewHeader { get; init; }
    public required string From { get; init; }
    public required string Round { get; init; }
    public required string Summary { get; init; }
    public required string OpenReport { get; init; }
    public required string Accept { get; init; }
    public required string Return { get; init; }
    public required string ReasonLabel { get; init; }
    public required string ReasonRequired { get; init; }
    public required string ReturnSubmit { get; init; }
    public required string ReviewerOnly { get; init; }
    public required string NotAwaiting { get; init; }
    public required Func<string, string, string> AcceptedBy { get; init; }
    public required Func<string, string, string, string> ReturnedBy { get; init; }
    public required string EarlierRounds { get; init; }
    public required Func<string, string, string, string> RoundHandedIn { get; init; }

    public static ReviewTexts For(CardView view) => TextTable.For(view, Vi, En);
}
