using System.Globalization;

namespace TeamsPlans.Bot.Features.Import;

/// <summary>The import preview's assignee pickers, paged ("Trang sau", "Người cần chọn 1–6 / 15"); Vietnamese and English.</summary>
internal sealed class PickerPagingTexts
{
    public static readonly PickerPagingTexts Vi = new()
    {
        Next = left => string.Create(CultureInfo.InvariantCulture, $"Lưu và trang sau ({left} người cần chọn nữa)"),
        First = "Lưu và về trang đầu",
        Caption = (from, to, total) => string.Create(CultureInfo.InvariantCulture, $"Người cần chọn {from}–{to} / {total}"),
    };

    public static readonly PickerPagingTexts En = new()
    {
        Next = left => string.Create(CultureInfo.InvariantCulture, $"Save and next page ({left} more to choose)"),
        First = "Save and back to the first page",
        Caption = (from, to, total) => string.Create(CultureInfo.InvariantCulture, $"Assignees to choose {from}–{to} of {total}"),
    };

    public static PickerPagingTexts For(CardView view) => TextTable.For(view, Vi, En);

    /// <summary>"Lưu và trang sau (N người cần chọn nữa)".</summary>
    public required Func<int, string> Next { get; init; }

    /// <summary>Back to the first page of pickers (shown on the last page when earlier pickers are still open).</summary>
    public required string First { get; init; }

    /// <summary>"Người cần chọn 7–12 / 15": first, last, total.</summary>
    public required Func<int, int, int, string> Caption { get; init; }
}
