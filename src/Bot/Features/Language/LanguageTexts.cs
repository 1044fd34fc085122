using System.Globalization;

namespace TeamsPlans.Bot.Features.Language;

/// <summary>The answers of the language command ("tiếng việt", "english", "ngôn ngữ tự động"), Vietnamese and English.</summary>
internal sealed class LanguageTexts
{
    public static readonly LanguageTexts Vi = new()
    {
        Title = "Ngôn ngữ",
        Changed = "Đã đổi ngôn ngữ: thẻ và tin nhắn từ nay bằng tiếng Việt.",
        Options = ["Gõ \"tiếng việt\" hoặc \"english\" để đổi, \"ngôn ngữ tự động\" để theo ngôn ngữ của Teams."],
        Chosen = "Ngôn ngữ của thẻ: {0}",
        Auto = "theo ngôn ngữ của Teams",
    };

    public static readonly LanguageTexts En = new()
    {
        Title = "Language",
        Changed = "Language changed: cards and messages are in English from now on.",
        Options = ["Type \"english\" or \"tiếng việt\" to change, \"language auto\" to follow Teams."],
        Chosen = "Card language: {0}",
        Auto = "follows Teams",
    };

    public required string Title { get; init; }
    public required string Changed { get; init; }
    public required string[] Options { get; init; }
    public required string Chosen { get; init; }
    public required string Auto { get; init; }

    /// <summary>"Ngôn ngữ của thẻ: tiếng Việt" / "Card language: follows Teams (…)".</summary>
    public string Current(string? language, CardView view) => string.Format(CultureInfo.InvariantCulture, Chosen,
        language switch { "vi" => CardTexts.For(view.S).Vietnamese, "en" => CardTexts.For(view.S).English, _ => Auto });

    public static LanguageTexts For(CardView view) => TextTable.For(view, Vi, En);
}
