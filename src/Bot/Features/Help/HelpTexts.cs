namespace TeamsPlans.Bot.Features.Help;

/// <summary>The welcome card (on install) and the help card, Vietnamese and English.</summary>
internal sealed class HelpTexts
{
    public static readonly HelpTexts Vi = new()
    {
        WelcomeTitle = "Chào mừng đến với TeamsPlans",
        WelcomeText = "TeamsPlans chuyển các Kế hoạch của nhà trường thành nhiệm vụ được theo dõi: bạn nhận thẻ nhiệm vụ, xác nhận, " +
            "cập nhật tiến độ và được nhắc trước hạn.",
        WelcomePrincipal = "Bạn có quyền quản lý: nhập kế hoạch, xem tình hình của mọi người và gửi nhắc nhở.",
        Title = "Trợ giúp",
        Unknown = "Tôi chưa hiểu \"{0}\". Bạn có thể gõ:",
        Commands = ["\"việc của tôi\" — nhiệm vụ của bạn", "\"hạn sắp tới\" — các thời hạn gần nhất", "gửi tệp cho bot — nộp báo cáo",
            "\"tiếng việt\" / \"english\" — ngôn ngữ của thẻ", "\"trợ giúp\" — hướng dẫn này"],
        PrincipalCommands = ["\"tình hình\" — tình hình thực hiện các kế hoạch", "\"trạng thái kế hoạch 82/KH-THPT BK\" — một kế hoạch",
            "\"ai chưa xác nhận?\" — người chưa xác nhận", "\"nhập kế hoạch <tên tệp>\" — nhập kế hoạch từ thư viện",
            "\"tổng hợp đơn vị\" — đơn vị nào đã ban hành kế hoạch, đã nộp báo cáo", "\"gửi lại\" — gửi lại các thẻ gửi lỗi"],
    };

    public static readonly HelpTexts En = new()
    {
        WelcomeTitle = "Welcome to TeamsPlans",
        WelcomeText = "TeamsPlans turns the school's plans into tracked assignments: you get a card for each duty, acknowledge it, " +
            "report progress and get reminders before deadlines.",
        WelcomePrincipal = "You can manage plans: import a plan, see everyone's status and send reminders.",
        Title = "Help",
        Unknown = "I did not understand \"{0}\". You can type:",
        Commands = ["\"my tasks\" — your assignments", "\"deadlines\" — the next deadlines", "send a file to the bot — hand in a report",
            "\"english\" / \"tiếng việt\" — card language", "\"help\" — this help"],
        PrincipalCommands = ["\"status\" — status of all plans", "\"status 82/KH-THPT BK\" — one plan",
            "\"who has not acknowledged?\" — who has not acknowledged yet",
            "\"import <file name>\" — import a plan from the library", "\"rollup\" — which units issued their plan and handed in reports",
            "\"resend\" — send failed cards again"],
    };

    public required string WelcomeTitle { get; init; }
    public required string WelcomeText { get; init; }
    public required string WelcomePrincipal { get; init; }
    public required string Title { get; init; }
    public required string Unknown { get; init; }
    public required string[] Commands { get; init; }
    public required string[] PrincipalCommands { get; init; }

    public static HelpTexts For(CardView view) => TextTable.For(view, Vi, En);
}
