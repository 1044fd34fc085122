using System.Globalization;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>The status card's paging ("Trang sau", "Kế hoạch 6–10 / 12"); Vietnamese and English.</summary>
internal sealed class StatusPagingTexts
{
    public static readonly StatusPagingTexts Vi = new()
    {
        Next = left => string.Create(CultureInfo.InvariantCulture, $"Trang sau ({left} kế hoạch nữa)"),
        Caption = (from, to, total) => string.Create(CultureInfo.InvariantCulture, $"Kế hoạch {from}–{to} / {total}"),
    };

    public static readonly StatusPagingTexts En = new()
    {
        Next = left => string.Create(CultureInfo.InvariantCulture, $"Next page ({left} more plans)"),
        Caption = (from, to, total) => string.Create(CultureInfo.InvariantCulture, $"Plans {from}–{to} of {total}"),
    };

    public static StatusPagingTexts For(CardView view) => TextTable.For(view, Vi, En);

    /// <summary>"Trang sau (N kế hoạch nữa)".</summary>
    public required Func<int, string> Next { get; init; }

    /// <summary>"Kế hoạch 6–10 / 12": first, last, total.</summary>
    public required Func<int, int, int, string> Caption { get; init; }
}
