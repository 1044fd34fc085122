namespace TeamsPlans.Bot.Features.Units;

/// <summary>The texts of the unit features (preview expansion), Vietnamese and English.</summary>
internal sealed class UnitTexts
{
    public static readonly UnitTexts Vi = new()
    {
        Expansion = (text, n) => $"🏫 {text} → {n} đơn vị",
        Heading = "Giao cho đơn vị (mỗi đơn vị nhận một nhiệm vụ, gửi tới thủ trưởng):",
        NoHead = n => $"{n} đơn vị chưa có thủ trưởng trong danh bạ: chọn người nhận bên dưới.",
    };

    public static readonly UnitTexts En = new()
    {
        Expansion = (text, n) => $"🏫 {text} → {n} units",
        Heading = "Given to units (one task per unit, sent to its head):",
        NoHead = n => $"{n} units have no head in the directory: pick a recipient below.",
    };

    public required Func<string, int, string> Expansion { get; init; }
    public required string Heading { get; init; }
    public required Func<int, string> NoHead { get; init; }

    public static UnitTexts For(CardView view) => TextTable.For(view, Vi, En);
}
