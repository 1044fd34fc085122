namespace TeamsPlans.Bot.Features.Reports;

/// <summary>Texts of report hand-in added for the first hour (issue #12), Vietnamese and English.</summary>
internal static class ReportTexts
{
    public static string EmptyFileVi(string file) => $"Tệp \"{file}\" trống (0 byte), không nhận làm báo cáo. Hãy gửi lại tệp có nội dung.";
    public static string EmptyFileEn(string file) =>
        $"The file \"{file}\" is empty (0 bytes) and was not accepted as a report. Please send a file with content.";
}
