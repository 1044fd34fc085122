using System.Globalization;

namespace TeamsPlans.Bot.Features.UnitRollup;

/// <summary>The unit roll-up card's paging ("Trang sau (N đơn vị nữa)", "Đơn vị 21–40 / 69"); Vietnamese and English.</summary>
internal sealed class UnitPagingTexts
{
    public static readonly UnitPagingTexts Vi = new()
    {
        Next = left => string.Create(CultureInfo.InvariantCulture, $"Trang sau ({left} đơn vị nữa)"),
        Caption = (from, to, total) => string.Create(CultureInfo.InvariantCulture, $"Đơn vị {from}–{to} / {total}"),
    };

    public static readonly UnitPagingTexts En = new()
    {
        Next = left => string.Create(CultureInfo.InvariantCulture, $"Next page ({left} more units)"),
        Caption = (from, to, total) => string.Create(CultureInfo.InvariantCulture, $"Units {from}–{to} of {total}"),
    };

    public static UnitPagingTexts For(CardView view) => TextTable.For(view, Vi, En);

    /// <summary>"Trang sau (N đơn vị nữa)".</summary>
    public required Func<int, string> Next { get; init; }

    /// <summary>"Đơn vị 21–40 / 69": first, last, total.</summary>
    public required Func<int, int, int, string> Caption { get; init; }
}
