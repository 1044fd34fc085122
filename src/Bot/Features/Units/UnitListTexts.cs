namespace TeamsPlans.Bot.Features.Units;

/// <summary>The texts of a unit list sent to the bot in chat or dropped in the local "Đơn vị" folder, Vietnamese and English.</summary>
internal sealed class UnitListTexts
{
    public static readonly UnitListTexts Vi = new()
    {
        Title = (file, summary) => $"Danh sách đơn vị \"{file}\": {summary}.",
        Stored = n => $"Đã lưu {n} đơn vị vào danh bạ đơn vị (gõ \"tổng hợp đơn vị\" để xem các đơn vị của một kế hoạch).",
        NothingStored = "Chưa lưu đơn vị nào: sửa các dòng dưới đây rồi gửi lại tệp.",
        Problems = "Các dòng có lỗi (dòng, mã, lý do):",
        Unreadable = file => $"Không đọc được danh sách đơn vị \"{file}\".",
        Dropped = file => $"Danh sách đơn vị mới trong thư mục thư viện: \"{file}\".",
    };

    public static readonly UnitListTexts En = new()
    {
        Title = (file, summary) => $"Unit list \"{file}\": {summary}.",
        Stored = n => $"{n} units stored in the unit directory (type \"unit rollup\" to see a plan's units).",
        NothingStored = "No unit stored: fix the rows below and send the file again.",
        Problems = "Rows with problems (line, code, reason):",
        Unreadable = file => $"The unit list \"{file}\" could not be read.",
        Dropped = file => $"New unit list in the library folder: \"{file}\".",
    };

    public required Func<string, string, string> Title { get; init; }
    public required Func<int, string> Stored { get; init; }
    public required string NothingStored { get; init; }
    public required string Problems { get; init; }
    public required Func<string, string> Unreadable { get; init; }
    public required Func<string, string> Dropped { get; init; }

    public static UnitListTexts For(CardView view) => TextTable.For(view, Vi, En);
}
