namespace TeamsPlans.Bot.Protocol;

/// <summary>Texts of the compact card sent instead of a message too large for Teams, Vietnamese and English.</summary>
internal sealed class OversizeTexts
{
    public static readonly OversizeTexts Vi = new()
    {
        Lang = "vi",
        TooLong = kb => $"Nội dung quá dài để hiển thị trong một tin nhắn Teams ({kb} KB). Mở bản đầy đủ bằng liên kết bên dưới, "
            + "hoặc xem từng phần bằng lệnh ngắn hơn. / This content is too long for one Teams message.",
        OpenFull = "Mở bản đầy đủ",
    };

    public static readonly OversizeTexts En = new()
    {
        Lang = "en",
        TooLong = kb => $"This content is too long for one Teams message ({kb} KB). Open the full view with the link below, "
            + "or ask for a part of it with a narrower command. / Nội dung quá dài để hiển thị trong một tin nhắn Teams.",
        OpenFull = "Open the full view",
    };

    public static OversizeTexts For(bool vi) => vi ? Vi : En;

    public required string Lang { get; init; }
    public required Func<string, string> TooLong { get; init; }
    public required string OpenFull { get; init; }
}
