using System.Globalization;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Bot.Cards;

/// <summary>
/// The texts shared by several features' cards, Vietnamese (default) and English (locale starting with "en"): the assignment
/// card and its hand-in form, state and plan-status names, recurrences, "… và N mục khác". A feature's own texts live in its
/// folder (Features/&lt;Feature&gt;/&lt;Feature&gt;Texts.cs, e.g. HelpTexts, LanguageTexts, PreviewTexts, StatusTexts).
/// One instance per language; pick with <see cref="For"/>.
/// </summary>
public sealed class CardStrings
{
    public required string Lang { get; init; }
    public required string PlanNumber { get; init; }
    public required string Issuer { get; init; }
    public required string Assignee { get; init; }
    public required string Duty { get; init; }
    public required string Deadlines { get; init; }
    public required string NoDeadline { get; init; }
    public required string Status { get; init; }
    public required string Overdue { get; init; }
    public required string Acknowledge { get; init; }
    public required string Progress { get; init; }
    public required string ProgressSubmit { get; init; }
    public required string ProgressLabel { get; init; }
    public required string CommentLabel { get; init; }
    public required string CommentPlaceholder { get; init; }
    public required string MarkDone { get; init; }
    public required string OpenPlan { get; init; }
    public required string OpenDocument { get; init; }
    public required string LastComment { get; init; }
    public required string AssignmentHeader { get; init; }
    public required string Assigned { get; init; }
    public required string Acknowledged { get; init; }
    public required string InProgress { get; init; }
    public required string Done { get; init; }
    public required string Unassigned { get; init; }
    public required string Published { get; init; }
    public required string Draft { get; init; }
    public required string AndMore { get; init; }
    /// <summary>How a recurring deadline is said: "hàng năm", "định kỳ 6 tháng", "hằng quý", "hằng tháng".</summary>
    public required IReadOnlyDictionary<Recurrence, string> Every { get; init; }
    public required string ReadOnly { get; init; }
    public required string NotAllowedOthers { get; init; }
    public required string HandIn { get; init; }
    public required string HandInSubmit { get; init; }
    public required string ReportPeriodLabel { get; init; }
    public required string ReportSummaryLabel { get; init; }
    public required string ReportSummaryPlaceholder { get; init; }
    public required string ReportLinkLabel { get; init; }
    public required string ReportFileHint { get; init; }
    /// <summary>"Đã nộp báo cáo ngày {0}" with the date dd/MM/yyyy.</summary>
    public required string ReportHandedIn { get; init; }
    /// <summary>" (kỳ {0})" with the period's due date.</summary>
    public required string ReportForPeriod { get; init; }

    public string StatusName(AssignmentStatus s) => s switch
    {
        AssignmentStatus.Assigned => Assigned,
        AssignmentStatus.Acknowledged => Acknowledged,
        AssignmentStatus.InProgress => InProgress,
        AssignmentStatus.Done => Done,
        _ => s.ToString()
    };

    /// <summary>"… và 12 mục khác" / "… and 12 more".</summary>
    public string More(int n) => string.Format(CultureInfo.InvariantCulture, AndMore, n);

    public static readonly CardStrings Vi = new()
    {
        Lang = "vi",
        PlanNumber = "Số",
        Issuer = "Đơn vị ban hành",
        Assignee = "Người thực hiện",
        Duty = "Nhiệm vụ",
        Deadlines = "Thời hạn",
        NoDeadline = "Không có thời hạn cụ thể",
        Status = "Trạng thái",
        Overdue = "Quá hạn",
        Acknowledge = "Xác nhận",
        Progress = "Cập nhật tiến độ",
        ProgressSubmit = "Gửi tiến độ",
        ProgressLabel = "Tiến độ",
        CommentLabel = "Ghi chú",
        CommentPlaceholder = "Ghi chú (không bắt buộc)",
        MarkDone = "Đã hoàn thành",
        OpenPlan = "Xem kế hoạch",
        OpenDocument = "Mở văn bản",
        LastComment = "Ghi chú gần nhất",
        AssignmentHeader = "Nhiệm vụ được giao",
        Assigned = "Đã giao",
        Acknowledged = "Đã xác nhận",
        InProgress = "Đang thực hiện",
        Done = "Đã hoàn thành",
        Unassigned = "(chưa xác định người)",
        Published = "Đã gửi",
        Draft = "Bản nháp",
        AndMore = "… và {0} mục khác",
        Every = new Dictionary<Recurrence, string> { [Recurrence.Yearly] = "hàng năm", [Recurrence.Semiannual] = "định kỳ 6 tháng",
            [Recurrence.Quarterly] = "hằng quý", [Recurrence.Monthly] = "hằng tháng" },
        ReadOnly = "Chỉ xem",
        NotAllowedOthers = "Bạn chỉ xem được nhiệm vụ của mình.",
        HandIn = "Nộp báo cáo",
        HandInSubmit = "Nộp",
        ReportPeriodLabel = "Báo cáo cho kỳ hạn",
        ReportSummaryLabel = "Tóm tắt báo cáo",
        ReportSummaryPlaceholder = "Nội dung chính của báo cáo",
        ReportLinkLabel = "Liên kết tới báo cáo (không bắt buộc)",
        ReportFileHint = "Muốn nộp tệp? Gửi tệp cho TeamsPlans trong trò chuyện riêng.",
        ReportHandedIn = "Đã nộp báo cáo ngày {0}",
        ReportForPeriod = " (kỳ hạn {0})",
    };

    public static readonly CardStrings En = new()
    {
        Lang = "en",
        PlanNumber = "No.",
        Issuer = "Issued by",
        Assignee = "Assignee",
        Duty = "Duty",
        Deadlines = "Deadlines",
        NoDeadline = "No specific deadline",
        Status = "Status",
        Overdue = "Overdue",
        Acknowledge = "Acknowledge",
        Progress = "Update progress",
        ProgressSubmit = "Send progress",
        ProgressLabel = "Progress",
        CommentLabel = "Comment",
        CommentPlaceholder = "Comment (optional)",
        MarkDone = "Mark as done",
        OpenPlan = "View plan",
        OpenDocument = "Open document",
        LastComment = "Last comment",
        AssignmentHeader = "Your assignment",
        Assigned = "Assigned",
        Acknowledged = "Acknowledged",
        InProgress = "In progress",
        Done = "Done",
        Unassigned = "(assignee not resolved)",
        Published = "Published",
        Draft = "Draft",
        AndMore = "… and {0} more",
        Every = new Dictionary<Recurrence, string> { [Recurrence.Yearly] = "every year", [Recurrence.Semiannual] = "every 6 months",
            [Recurrence.Quarterly] = "every quarter", [Recurrence.Monthly] = "every month" },
        ReadOnly = "Read only",
        NotAllowedOthers = "You can only see your own assignments.",
        HandIn = "Hand in report",
        HandInSubmit = "Hand in",
        ReportPeriodLabel = "Report for the deadline",
        ReportSummaryLabel = "Report summary",
        ReportSummaryPlaceholder = "Main points of the report",
        ReportLinkLabel = "Link to the report (optional)",
        ReportFileHint = "To hand in a file, send it to TeamsPlans in your personal chat.",
        ReportHandedIn = "Report handed in on {0}",
        ReportForPeriod = " (deadline {0})",
    };

    /// <summary>English when the locale starts with "en", Vietnamese otherwise.</summary>
    public static CardStrings For(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Vi;
}
