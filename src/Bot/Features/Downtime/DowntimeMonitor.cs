using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace TeamsPlans.Bot.Features.Downtime;

/// <summary>
/// Teams does not deliver again a message sent while the bot was down. The bot records that it is alive (a heartbeat in
/// bot_marks, tenant "", every <see cref="DowntimeOptions.HeartbeatInterval"/>); at start-up a gap longer than
/// <see cref="DowntimeOptions.Threshold"/> since the last heartbeat is remembered as the <see cref="Window"/> the bot was
/// down, so that <see cref="DowntimeNotice"/> can tell each member once.
/// </summary>
internal sealed class DowntimeMonitor(IStateStore store, DowntimeOptions options, TimeProvider time, ILogger<DowntimeMonitor> logger)
    : BackgroundService
{
    private const string Global = "";
    private const string HeartbeatKey = "heartbeat";
    private const string WindowKey = "downtime";

    /// <summary>The last window the bot was down, while members may still be told (null: none).</summary>
    public DowntimeWindow? Window { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // State:MigrateOnStartup false and the schema not migrated yet (or the database down): the bot starts all the same.
            logger.LogWarning(e, "Downtime check skipped at start-up: the state store cannot be read");
        }
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What start-up does: compares the last heartbeat with now, remembers a downtime window, beats once.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        if (BotMarkStores.For(store) is not { } marks) return;
        var now = time.GetUtcNow();
        var last = await marks.GetAsync(Global, HeartbeatKey, ct).ConfigureAwait(false) is { } s
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : (DateTimeOffset?)null;
        if (last is { } from && now - from > options.Threshold)
        {
            Window = new DowntimeWindow(from, now);
            await marks.SetAsync(Global, WindowKey, Window.Format(), now, ct).ConfigureAwait(false);
            logger.LogWarning("TeamsPlans was down from {DownFrom:O} to {DownTo:O} ({Minutes:0} min): members are told on their next message",
                from, now, (now - from).TotalMinutes);
        }
        else
        {
            // A window found by an earlier start (this or another instance) still within its notice period.
            var earlier = DowntimeWindow.Parse(await marks.GetAsync(Global, WindowKey, ct).ConfigureAwait(false));
            Window = earlier is not null && now - earlier.To <= options.NoticePeriod ? earlier : null;
        }
        await BeatAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Records that the bot is alive now.</summary>
    public async Task BeatAsync(CancellationToken ct)
    {
        if (BotMarkStores.For(store) is not { } marks) return;
        var now = time.GetUtcNow();
        await marks.SetAsync(Global, HeartbeatKey, now.ToString("O", CultureInfo.InvariantCulture), now, ct).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await BeatAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Heartbeat not recorded");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The last time the bot was alive: a stop for maintenance is downtime for the members too.
            await BeatAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Last heartbeat not recorded at stop");
        }
    }
}
