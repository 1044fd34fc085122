namespace TeamsPlans.Bot.Features.Import;

/// <summary>The import preview card: summary, reading warnings, unresolved assignees and the member picker, Vietnamese and English.</summary>
internal sealed class PreviewTexts
{
    public static readonly PreviewTexts Vi = new()
    {
        Title = "Xem trước kế hoạch nhập",
        Summary = "{0} nhiệm vụ · {1} đã xác định người · {2} chưa xác định",
        Resolved = "Đã xác định",
        Unresolved = "Chưa xác định người nhận — chọn thành viên",
        MapPlaceholder = "Chọn thành viên",
        MapSave = "Lưu lựa chọn",
        Publish = "Gửi",
        Warnings = "Lưu ý khi đọc văn bản",
        NoMembers = "chưa có thành viên nào để chọn (thành viên được lưu khi họ nhắn tin cho bot hoặc khi bot được thêm vào nhóm).",
    };

    public static readonly PreviewTexts En = new()
    {
        Title = "Import preview",
        Summary = "{0} assignments · {1} resolved · {2} unresolved",
        Resolved = "Resolved",
        Unresolved = "Unresolved assignees — pick a member",
        MapPlaceholder = "Pick a member",
        MapSave = "Save mapping",
        Publish = "Publish",
        Warnings = "Reading warnings",
        NoMembers = "no member to pick yet (members are stored when they message the bot or when the bot is added to a team).",
    };

    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required string Resolved { get; init; }
    public required string Unresolved { get; init; }
    public required string MapPlaceholder { get; init; }
    public required string MapSave { get; init; }
    public required string Publish { get; init; }
    public required string Warnings { get; init; }
    public required string NoMembers { get; init; }

    public static PreviewTexts For(CardView view) => TextTable.For(view, Vi, En);
}
