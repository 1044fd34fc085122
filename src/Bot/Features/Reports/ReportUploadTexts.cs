namespace TeamsPlans.Bot.Features.Reports;

/// <summary>Texts of a report upload that failed for good and of its retry (issue 19), Vietnamese and English.</summary>
internal sealed class ReportUploadTexts
{
    public static readonly ReportUploadTexts Vi = new()
    {
        Failed = (file, attempts) => $"Chưa lưu được báo cáo \"{file}\" vào thư viện SharePoint sau {attempts} lần thử.",
        Kept = "Tệp vẫn được giữ và báo cáo đã được ghi nhận; bấm \"Thử lại\" để lưu lại (hoặc nhờ Ban giám hiệu \"gửi lại\").",
        Retry = "Thử lại",
        Requeued = file => $"Đã xếp lại việc lưu báo cáo \"{file}\"; bot sẽ lưu ngay khi SharePoint nhận.",
        NothingToRetry = "Báo cáo này đã được lưu hoặc đang chờ lưu; không có gì để thử lại.",
        NotSubmitter = "Chỉ người nộp báo cáo (hoặc lãnh đạo đơn vị) được thử lại.",
        ResentUploads = n => $"{n} báo cáo chờ lưu vào thư viện được xếp lại.",
    };

    public static readonly ReportUploadTexts En = new()
    {
        Failed = (file, attempts) => $"The report \"{file}\" could not be stored in the SharePoint library after {attempts} attempts.",
        Kept = "The file is kept and the report is recorded; press \"Retry\" to store it again (or ask a principal to \"resend\").",
        Retry = "Retry",
        Requeued = file => $"Storing the report \"{file}\" is queued again; the bot stores it as soon as SharePoint takes it.",
        NothingToRetry = "This report is stored or waiting to be stored; there is nothing to retry.",
        NotSubmitter = "Only the one who handed the report in (or a principal) can retry it.",
        ResentUploads = n => $"{n} report(s) waiting for the library queued again.",
    };

    public required Func<string, int, string> Failed { get; init; }
    public required string Kept { get; init; }
    public required string Retry { get; init; }
    public required Func<string, string> Requeued { get; init; }
    public required string NothingToRetry { get; init; }
    public required string NotSubmitter { get; init; }
    public required Func<int, string> ResentUploads { get; init; }

    public static ReportUploadTexts For(CardView view) => TextTable.For(view, Vi, En);
}
