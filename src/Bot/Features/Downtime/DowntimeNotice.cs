using System.Globalization;
using TeamsPlans.Plans.Scheduling;

namespace TeamsPlans.Bot.Features.Downtime;

/// <summary>
/// Before the answer to a member's first message after a restart (within <see cref="DowntimeOptions.NoticePeriod"/>): "TeamsPlans
/// đã không hoạt động từ … đến … : vui lòng gửi lại" — once per member and window (a bot_marks row), in their language.
/// </summary>
internal sealed class DowntimeNotice(IStateStore store, DowntimeMonitor monitor, DowntimeOptions options, TimeProvider time,
    ILogger<DowntimeNotice> logger)
{
    public async Task BeforeMessageAsync(TurnState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (monitor.Window is not { } window || time.GetUtcNow() - window.To > options.NoticePeriod) return;
        if (MemberDirectory.UserKey(state.Activity.From) is not { } userKey || BotMarkStores.For(store) is not { } marks) return;
        if (!await marks.TryAddAsync(state.TenantId, window.ToldKey(userKey), "told", time.GetUtcNow(), ct).ConfigureAwait(false)) return;
        var text = DowntimeTexts.For(state.View).Unavailable(Local(window.From), Local(window.To));
        await state.Turn.SendTextAsync(text, ct).ConfigureAwait(false);
        logger.LogInformation("Told {AadObjectId} of {TenantId} that the bot was down from {DownFrom:O} to {DownTo:O}", userKey,
            state.TenantId, window.From, window.To);
    }

    private static string Local(DateTimeOffset t) => VietnamTime.Local(t).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
