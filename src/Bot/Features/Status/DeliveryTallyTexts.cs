using System.Globalization;

namespace TeamsPlans.Bot.Features.Status;

/// <summary>How a plan's cards reached people, on the status card and in the answer to "Nhắc nhở"; Vietnamese and English.</summary>
internal sealed class DeliveryTallyTexts
{
    public static readonly DeliveryTallyTexts Vi = new()
    {
        Line = t => string.Create(CultureInfo.InvariantCulture, $"Đã giao {t.Given} · đã đến {t.Reached} · chờ cài ứng dụng {t.Waiting}"),
        NotInstalled = n => string.Create(CultureInfo.InvariantCulture, $"{n} người chưa cài ứng dụng: tin sẽ đến ngay khi họ cài hoặc mở bot."),
    };

    public static readonly DeliveryTallyTexts En = new()
    {
        Line = t => string.Create(CultureInfo.InvariantCulture, $"Given {t.Given} · reached {t.Reached} · waiting for the app {t.Waiting}"),
        NotInstalled = n => string.Create(CultureInfo.InvariantCulture,
            $"{n} people have not installed the app yet: it reaches them as soon as they install or open the bot."),
    };

    public static DeliveryTallyTexts For(CardView view) => For(view.S.Lang == "vi");

    public static DeliveryTallyTexts For(bool vi) => vi ? Vi : En;

    /// <summary>"Đã giao 3 · đã đến 2 · chờ cài ứng dụng 1".</summary>
    public required Func<DeliveryTally, string> Line { get; init; }

    /// <summary>"1 người chưa cài ứng dụng: …" after a reminder.</summary>
    public required Func<int, string> NotInstalled { get; init; }
}
