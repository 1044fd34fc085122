using System.Globalization;

namespace TeamsPlans.Bot.Cards;

/// <summary>
/// Texts several cards share that are not card labels of <see cref="CardStrings"/>: due-date wording, language names, the
/// reminder line, "plan not found". Vietnamese and English; pick with <see cref="For"/>.
/// </summary>
internal sealed class CardTexts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static readonly CardTexts Vi = new()
    {
        IssuedOn = "Ngày ban hành",
        Vietnamese = "tiếng Việt",
        English = "tiếng Anh",
        Reminder = "🔔 Nhắc nhở: bạn chưa xác nhận nhiệm vụ này.",
        PlanNotFound = number => $"Không tìm thấy kế hoạch \"{number}\".",
        Quarter = (q, year) => string.Create(Inv, $"Quý {Roman[Math.Clamp(q, 1, 4) - 1]}/{year}"),
        Month = (month, year) => string.Create(Inv, $"tháng {month:00}/{year}"),
        SchoolYear = year => string.Create(Inv, $"Năm học {year}-{year + 1}"),
    };

    public static readonly CardTexts En = new()
    {
        IssuedOn = "Issued on",
        Vietnamese = "Vietnamese",
        English = "English",
        Reminder = "🔔 Reminder: you have not acknowledged this assignment.",
        PlanNotFound = number => $"No plan \"{number}\" was found.",
        Quarter = (q, year) => string.Create(Inv, $"Q{q} {year}"),
        Month = (month, year) => string.Create(Inv, $"{month:00}/{year}"),
        SchoolYear = year => string.Create(Inv, $"School year {year}-{year + 1}"),
    };

    public required string IssuedOn { get; init; }
    public required string Vietnamese { get; init; }
    public required string English { get; init; }
    public required string Reminder { get; init; }
    public required Func<string, string> PlanNotFound { get; init; }
    public required Func<int, int, string> Quarter { get; init; }
    public required Func<int, int, string> Month { get; init; }
    public required Func<int, string> SchoolYear { get; init; }

    public static CardTexts For(CardStrings s) => TextTable.For(s.Lang, Vi, En);
}
