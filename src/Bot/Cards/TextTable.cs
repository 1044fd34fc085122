namespace TeamsPlans.Bot.Cards;

/// <summary>
/// The one way a string table is chosen (a feature's <c>…Texts</c> class with a Vietnamese and an English instance, or
/// <see cref="CardTexts"/>): Vietnamese when the card's language is "vi", English otherwise.
/// </summary>
internal static class TextTable
{
    /// <summary>The language code of Vietnamese cards (<see cref="CardStrings.Lang"/>).</summary>
    public const string Vietnamese = "vi";

    public static bool IsVietnamese(string? lang) => string.Equals(lang, Vietnamese, StringComparison.Ordinal);

    /// <returns><paramref name="vi"/> for a Vietnamese card, else <paramref name="en"/>.</returns>
    public static T For<T>(CardView view, T vi, T en) where T : class
    {
        ArgumentNullException.ThrowIfNull(view);
        return For(view.S.Lang, vi, en);
    }

    /// <returns><paramref name="vi"/> when <paramref name="lang"/> is "vi", else <paramref name="en"/>.</returns>
    public static T For<T>(string? lang, T vi, T en) where T : class => IsVietnamese(lang) ? vi : en;
}
