namespace TeamsPlans.Bot.Features.Reports;

/// <summary>Texts of report hand-in added for the first hour (issue #12), Vietnamese and English.</summary>
internal static class ReportTexts
{
    public static string EmptyFileVi(string file) => $"Tệp \"{file}\" trống (0 byte), không nhận làm báo cáo. Hãy gửi lại tệp có nội dung.";
    public static string EmptyFileEn(string file) =>
        $"The file \"{file}\" is empty (0 bytes) and was not accepted as a report. Please send a file with content.";

    /// <summary>The copy taken when the file arrived is gone (spool cleared, host restarted): nothing is downloaded inside the
    /// click (issue 19), the member sends the file again.</summary>
    public static string CopyGoneVi(string file) =>
        $"Bot không còn giữ bản sao của tệp \"{file}\" (máy chủ đã khởi động lại). Hãy gửi lại tệp trong trò chuyện riêng.";
    public static string CopyGoneEn(string file) =>
        $"The bot no longer holds its copy of \"{file}\" (the server restarted). Please send it again in your personal chat.";
}
