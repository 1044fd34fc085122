using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace TeamsPlans.Bot.Features.Downtime;

/// <summary>
/// "Downtime:HeartbeatInterval" (default 00:01:00): how often the bot records that it is alive;
/// "Downtime:Threshold" (default 00:05:00): a gap between the last heartbeat and a start-up longer than this is downtime;
/// "Downtime:NoticePeriod" (default 3.00:00:00): how long after the restart a member's first message gets the notice.
/// </summary>
internal sealed class DowntimeOptions
{
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan Threshold { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan NoticePeriod { get; set; } = TimeSpan.FromDays(3);

    public static DowntimeOptions From(IConfiguration c)
    {
        var o = new DowntimeOptions();
        o.HeartbeatInterval = Read(c, "Downtime:HeartbeatInterval") ?? o.HeartbeatInterval;
        o.Threshold = Read(c, "Downtime:Threshold") ?? o.Threshold;
        o.NoticePeriod = Read(c, "Downtime:NoticePeriod") ?? o.NoticePeriod;
        return o;
    }

    private static TimeSpan? Read(IConfiguration c, string key) => c[key] switch
    {
        null or "" => null,
        var s when TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero => t,
        var s => throw new InvalidOperationException($"{key} '{s}' is not a positive time span (hh:mm:ss)."),
    };
}
