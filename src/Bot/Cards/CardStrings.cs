using System.Globalization;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Bot.Cards;

/// <summary>
/// The user-visible texts of cards and replies, Vietnamese (default) and English (locale starting with "en").
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
    public required string StatusHeader { get; init; }
    public required string Assigned { get; init; }
    public required string Acknowledged { get; init; }
    public required string InProgress { get; init; }
    public required string Done { get; init; }
    public required string Total { get; init; }
    public required string NextDeadlines { get; init; }
    public required string NotAcknowledged { get; init; }
    public required string EveryoneAcknowledged { get; init; }
    public required string Remind { get; init; }
    public required string MyTasksHeader { get; init; }
    public required string NoTasks { get; init; }
    public required string NoPlans { get; init; }
    public required string Unassigned { get; init; }
    public required string WelcomeTitle { get; init; }
    public required string WelcomeText { get; init; }
    public required string WelcomePrincipal { get; init; }
    public required string HelpTitle { get; init; }
    public required string HelpUnknown { get; init; }
    public required string[] HelpCommands { get; init; }
    public required string[] HelpPrincipalCommands { get; init; }
    public required string DeliveryProblems { get; init; }
    public required string ResendFailed { get; init; }
    public required string LanguageTitle { get; init; }
    public required string LanguageChanged { get; init; }
    public required string[] LanguageOptions { get; init; }
    public required string LanguageChosen { get; init; }
    public required string LanguageAuto { get; init; }
    public required string ImportTitle { get; init; }
    public required string ImportSummary { get; init; }
    public required string Resolved { get; init; }
    public required string Unresolved { get; init; }
    public required string MapPlaceholder { get; init; }
    public required string MapSave { get; init; }
    public required string Publish { get; init; }
    public required string Published { get; init; }
    public required string Draft { get; init; }
    public required string Warnings { get; init; }
    public required string AndMore { get; init; }
    /// <summary>How a recurring deadline is said: "hàng năm", "định kỳ 6 tháng", "hằng quý", "hằng tháng".</summary>
    public required IReadOnlyDictionary<Recurrence, string> Every { get; init; }
    public required string ReadOnly { get; init; }
    public required string NotAllowedOthers { get; init; }
    public required string NoMembers { get; init; }
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
    public required string ReportsHandedIn { get; init; }
    public required string ReportChooseTitle { get; init; }
    public required string ReportChooseLabel { get; init; }

    public string StatusName(AssignmentStatus s) => s switch
    {
        AssignmentStatus.Assigned => Assigned,
        AssignmentStatus.Acknowledged => Acknowledged,
        AssignmentStatus.InProgress => InProgress,
        AssignmentStatus.Done => Done,
        _ => s.ToString()
    };

    /// <summary>"Ngôn ngữ của thẻ: tiếng Việt" / "Card language: follows Teams (…)".</summary>
    public string LanguageCurrent(string? language) => string.Format(CultureInfo.InvariantCulture, LanguageChosen,
        language switch { "vi" => CardTexts.For(this).Vietnamese, "en" => CardTexts.For(this).English, _ => LanguageAuto });

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
        StatusHeader = "Tình hình thực hiện kế hoạch",
        Assigned = "Đã giao",
        Acknowledged = "Đã xác nhận",
        InProgress = "Đang thực hiện",
        Done = "Đã hoàn thành",
        Total = "Tổng số nhiệm vụ",
        NextDeadlines = "Hạn sắp tới",
        NotAcknowledged = "Chưa xác nhận",
        EveryoneAcknowledged = "Tất cả đã xác nhận.",
        Remind = "Nhắc nhở",
        MyTasksHeader = "Việc của tôi",
        NoTasks = "Bạn chưa có nhiệm vụ nào.",
        NoPlans = "Chưa có kế hoạch nào được nhập.",
        Unassigned = "(chưa xác định người)",
        WelcomeTitle = "Chào mừng đến với TeamsPlans",
        WelcomeText = "TeamsPlans chuyển các Kế hoạch của nhà trường thành nhiệm vụ được theo dõi: bạn nhận thẻ nhiệm vụ, xác nhận, " +
            "cập nhật tiến độ và được nhắc trước hạn.",
        WelcomePrincipal = "Bạn có quyền quản lý: nhập kế hoạch, xem tình hình của mọi người và gửi nhắc nhở.",
        HelpTitle = "Trợ giúp",
        HelpUnknown = "Tôi chưa hiểu \"{0}\". Bạn có thể gõ:",
        HelpCommands = ["\"việc của tôi\" — nhiệm vụ của bạn", "\"hạn sắp tới\" — các thời hạn gần nhất", "gửi tệp cho bot — nộp báo cáo",
            "\"tiếng việt\" / \"english\" — ngôn ngữ của thẻ", "\"trợ giúp\" — hướng dẫn này"],
        HelpPrincipalCommands = ["\"tình hình\" — tình hình thực hiện các kế hoạch", "\"trạng thái kế hoạch 82/KH-THPT BK\" — một kế hoạch",
            "\"ai chưa xác nhận?\" — người chưa xác nhận", "\"nhập kế hoạch <tên tệp>\" — nhập kế hoạch từ thư viện",
            "\"tổng hợp đơn vị\" — đơn vị nào đã ban hành kế hoạch, đã nộp báo cáo", "\"gửi lại\" — gửi lại các thẻ gửi lỗi"],
        DeliveryProblems = "Gửi thẻ lỗi: {0} · Đã chặn bot: {1}",
        ResendFailed = "Gửi lại thẻ lỗi",
        LanguageTitle = "Ngôn ngữ",
        LanguageChanged = "Đã đổi ngôn ngữ: thẻ và tin nhắn từ nay bằng tiếng Việt.",
        LanguageOptions = ["Gõ \"tiếng việt\" hoặc \"english\" để đổi, \"ngôn ngữ tự động\" để theo ngôn ngữ của Teams."],
        LanguageChosen = "Ngôn ngữ của thẻ: {0}",
        LanguageAuto = "theo ngôn ngữ của Teams",
        ImportTitle = "Xem trước kế hoạch nhập",
        ImportSummary = "{0} nhiệm vụ · {1} đã xác định người · {2} chưa xác định",
        Resolved = "Đã xác định",
        Unresolved = "Chưa xác định người nhận — chọn thành viên",
        MapPlaceholder = "Chọn thành viên",
        MapSave = "Lưu lựa chọn",
        Publish = "Gửi",
        Published = "Đã gửi",
        Draft = "Bản nháp",
        Warnings = "Lưu ý khi đọc văn bản",
        AndMore = "… và {0} mục khác",
        Every = new Dictionary<Recurrence, string> { [Recurrence.Yearly] = "hàng năm", [Recurrence.Semiannual] = "định kỳ 6 tháng",
            [Recurrence.Quarterly] = "hằng quý", [Recurrence.Monthly] = "hằng tháng" },
        ReadOnly = "Chỉ xem",
        NotAllowedOthers = "Bạn chỉ xem được nhiệm vụ của mình.",
        NoMembers = "chưa có thành viên nào để chọn (thành viên được lưu khi họ nhắn tin cho bot hoặc khi bot được thêm vào nhóm).",
        HandIn = "Nộp báo cáo",
        HandInSubmit = "Nộp",
        ReportPeriodLabel = "Báo cáo cho kỳ hạn",
        ReportSummaryLabel = "Tóm tắt báo cáo",
        ReportSummaryPlaceholder = "Nội dung chính của báo cáo",
        ReportLinkLabel = "Liên kết tới báo cáo (không bắt buộc)",
        ReportFileHint = "Muốn nộp tệp? Gửi tệp cho TeamsPlans trong trò chuyện riêng.",
        ReportHandedIn = "Đã nộp báo cáo ngày {0}",
        ReportForPeriod = " (kỳ hạn {0})",
        ReportsHandedIn = "Báo cáo đã nộp",
        ReportChooseTitle = "Tệp \"{0}\" là báo cáo cho nhiệm vụ nào?",
        ReportChooseLabel = "Nhiệm vụ và kỳ hạn",
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
        StatusHeader = "Plan status",
        Assigned = "Assigned",
        Acknowledged = "Acknowledged",
        InProgress = "In progress",
        Done = "Done",
        Total = "Assignments",
        NextDeadlines = "Next deadlines",
        NotAcknowledged = "Not acknowledged",
        EveryoneAcknowledged = "Everyone has acknowledged.",
        Remind = "Remind them",
        MyTasksHeader = "My tasks",
        NoTasks = "You have no assignments yet.",
        NoPlans = "No plan has been imported yet.",
        Unassigned = "(assignee not resolved)",
        WelcomeTitle = "Welcome to TeamsPlans",
        WelcomeText = "TeamsPlans turns the school's plans into tracked assignments: you get a card for each duty, acknowledge it, " +
            "report progress and get reminders before deadlines.",
        WelcomePrincipal = "You can manage plans: import a plan, see everyone's status and send reminders.",
        HelpTitle = "Help",
        HelpUnknown = "I did not understand \"{0}\". You can type:",
        HelpCommands = ["\"my tasks\" — your assignments", "\"deadlines\" — the next deadlines", "send a file to the bot — hand in a report",
            "\"english\" / \"tiếng việt\" — card language", "\"help\" — this help"],
        HelpPrincipalCommands = ["\"status\" — status of all plans", "\"status 82/KH-THPT BK\" — one plan", "\"who has not acknowledged?\"",
            "\"import <file name>\" — import a plan from the library", "\"rollup\" — which units issued their plan and handed in reports",
            "\"resend\" — send failed cards again"],
        DeliveryProblems = "Failed cards: {0} · Blocked the bot: {1}",
        ResendFailed = "Resend failed cards",
        LanguageTitle = "Language",
        LanguageChanged = "Language changed: cards and messages are in English from now on.",
        LanguageOptions = ["Type \"english\" or \"tiếng việt\" to change, \"language auto\" to follow Teams."],
        LanguageChosen = "Card language: {0}",
        LanguageAuto = "follows Teams",
        ImportTitle = "Import preview",
        ImportSummary = "{0} assignments · {1} resolved · {2} unresolved",
        Resolved = "Resolved",
        Unresolved = "Unresolved assignees — pick a member",
        MapPlaceholder = "Pick a member",
        MapSave = "Save mapping",
        Publish = "Publish",
        Published = "Published",
        Draft = "Draft",
        Warnings = "Reading warnings",
        AndMore = "… and {0} more",
        Every = new Dictionary<Recurrence, string> { [Recurrence.Yearly] = "every year", [Recurrence.Semiannual] = "every 6 months",
            [Recurrence.Quarterly] = "every quarter", [Recurrence.Monthly] = "every month" },
        ReadOnly = "Read only",
        NotAllowedOthers = "You can only see your own assignments.",
        NoMembers = "no member to pick yet (members are stored when they message the bot or when the bot is added to a team).",
        HandIn = "Hand in report",
        HandInSubmit = "Hand in",
        ReportPeriodLabel = "Report for the deadline",
        ReportSummaryLabel = "Report summary",
        ReportSummaryPlaceholder = "Main points of the report",
        ReportLinkLabel = "Link to the report (optional)",
        ReportFileHint = "To hand in a file, send it to TeamsPlans in your personal chat.",
        ReportHandedIn = "Report handed in on {0}",
        ReportForPeriod = " (deadline {0})",
        ReportsHandedIn = "Reports handed in",
        ReportChooseTitle = "Which assignment is the file \"{0}\" a report for?",
        ReportChooseLabel = "Assignment and deadline",
    };

    /// <summary>English when the locale starts with "en", Vietnamese otherwise.</summary>
    public static CardStrings For(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Vi;
}
