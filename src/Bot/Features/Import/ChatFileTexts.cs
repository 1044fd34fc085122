namespace TeamsPlans.Bot.Features.Import;

/// <summary>Texts of a plan-like document a principal sends to the bot in chat (issue #12), Vietnamese and English.</summary>
internal sealed class ChatFileTexts
{
    public static readonly ChatFileTexts Vi = new()
    {
        Question = file => $"Tệp \"{file}\" là kế hoạch cần nhập hay báo cáo cần nộp?",
        Recognised = (number, title) =>
            $"Tệp này giống một kế hoạch ({number}: {title}). Mặc định: nhập kế hoạch (bản nháp, chưa gửi cho ai).",
        AsPlan = "Nhập kế hoạch",
        AsReport = "Nộp báo cáo",
        FileGone = "Không còn tệp nào đang chờ; hãy gửi lại tệp.",
        AsReportDone = file => $"Tệp \"{file}\" được xử lý như báo cáo (xem tin nhắn bên dưới).",
    };

    public static readonly ChatFileTexts En = new()
    {
        Question = file => $"Is \"{file}\" a plan to import or a report to hand in?",
        Recognised = (number, title) =>
            $"This file looks like a plan ({number}: {title}). Default: import the plan (a draft, sent to nobody yet).",
        AsPlan = "Import the plan",
        AsReport = "Hand in as a report",
        FileGone = "No file is waiting any more; please send the file again.",
        AsReportDone = file => $"\"{file}\" is handled as a report (see the message below).",
    };

    public static ChatFileTexts For(bool vi) => vi ? Vi : En;

    public required Func<string, string> Question { get; init; }
    public required Func<string, string, string> Recognised { get; init; }
    public required string AsPlan { get; init; }
    public required string AsReport { get; init; }
    public required string FileGone { get; init; }
    public required Func<string, string> AsReportDone { get; init; }
}
