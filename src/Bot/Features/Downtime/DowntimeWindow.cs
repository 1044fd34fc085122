using System.Globalization;

namespace TeamsPlans.Bot.Features.Downtime;

/// <summary>The bot was not running from <see cref="From"/> (its last heartbeat) to <see cref="To"/> (the restart).</summary>
internal sealed record DowntimeWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>"from|to" in round-trip form, as stored in bot_marks.</summary>
    public string Format() => From.ToString("O", CultureInfo.InvariantCulture) + "|" + To.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The key of the mark that says a member was told about this window.</summary>
    public string ToldKey(string userKey) => "downtime-told:" + To.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) + ":" + userKey;

    public static DowntimeWindow? Parse(string? value)
    {
        var parts = value?.Split('|');
        return parts is [var f, var t]
            && DateTimeOffset.TryParse(f, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var from)
            && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var to)
            ? new DowntimeWindow(from, to) : null;
    }
}
