using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Features.Downtime;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// Issue 12: "A message sent while the bot was down is not lost without a word." Teams does not deliver it again; the bot
/// records a heartbeat, and after a restart that follows a gap it tells each member, on their next message and once, when it
/// was unavailable (dd/MM/yyyy HH:mm, Vietnam time) and asks them to send again. The restart is the monitor's start-up step
/// (<see cref="DowntimeMonitor.CheckAsync"/>) run after the monitor was stopped and the clock moved on.
/// </summary>
public sealed class DowntimeNoticeTests
{
    private const string ViNotice = "⚠ TeamsPlans đã không hoạt động từ 10/04/2023 09:00 đến 10/04/2023 12:30 (giờ Việt Nam).";

    private static async Task RestartAfterAsync(BotHarness h, TimeSpan down)
    {
        var monitor = h.Services.GetRequiredService<DowntimeMonitor>();
        await monitor.StopAsync(CancellationToken.None); // the last heartbeat: 10/04/2023 09:00 (UTC+7)
        h.Time.Advance(down);
        await monitor.CheckAsync(CancellationToken.None);
    }

    private static List<string> Notices(BotHarness h, TestUser u) =>
        h.Connector.TextsIn(u.Conversation).Where(t => t.Contains("TeamsPlans", StringComparison.Ordinal) && t.StartsWith('⚠')).ToList();

    [Fact]
    public async Task After_a_restart_each_member_is_told_once_when_the_bot_was_down_before_the_answer()
    {
        await using var h = await StartAsync();
        await h.InstallAsync(Hung);
        await h.InstallAsync(Thanh);
        await RestartAfterAsync(h, TimeSpan.FromMinutes(210));

        var before = h.Connector.Posts.Count;
        await h.SayAsync(Hung, "việc của tôi");
        var posts = h.Connector.Posts.Skip(before).Where(p => p.ConversationId == Hung.Conversation).ToList();
        Assert.Equal(2, posts.Count);
        var notice = posts[0].Body["text"]!.GetValue<string>();
        Assert.StartsWith(ViNotice, notice, StringComparison.Ordinal);
        Assert.Contains("vui lòng gửi lại", notice, StringComparison.Ordinal);
        Assert.NotNull(posts[1].Body["attachments"]); // then the answer itself

        await h.SayAsync(Hung, "trợ giúp");
        Assert.Single(Notices(h, Hung));

        // A member whose Teams is in English reads it in English, once.
        var thanhEn = Thanh with { Locale = "en-US" };
        await h.SayAsync(thanhEn, "help");
        var english = Assert.Single(Notices(h, Thanh));
        Assert.StartsWith("⚠ TeamsPlans was unavailable from 10/04/2023 09:00 to 10/04/2023 12:30 (Vietnam time).", english,
            StringComparison.Ordinal);
        Assert.Contains("please send them again", english, StringComparison.Ordinal);
        await h.SayAsync(thanhEn, "my tasks");
        Assert.Single(Notices(h, Thanh));

        // Another restart soon after (a short gap) does not tell Hưng again, and Lan, who had not written yet, still hears it.
        await RestartAfterAsync(h, TimeSpan.FromMinutes(1));
        await h.SayAsync(Hung, "hạn sắp tới");
        Assert.Single(Notices(h, Hung));
        await h.SayAsync(Lan, "trợ giúp");
        Assert.StartsWith(ViNotice, Assert.Single(Notices(h, Lan)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_gap_or_a_message_after_the_notice_period_gets_no_notice()
    {
        await using var h = await StartAsync(new Dictionary<string, string> { ["Downtime:NoticePeriod"] = "1.00:00:00" });
        await RestartAfterAsync(h, TimeSpan.FromMinutes(4)); // under Downtime:Threshold (5 min)
        await h.SayAsync(Hung, "trợ giúp");
        Assert.Empty(Notices(h, Hung));

        await RestartAfterAsync(h, TimeSpan.FromHours(2));
        h.Time.Advance(TimeSpan.FromDays(2)); // past Downtime:NoticePeriod
        await h.SayAsync(Thanh, "trợ giúp");
        Assert.Empty(Notices(h, Thanh));
    }

    [Fact]
    public async Task A_bad_setting_is_refused_with_its_name()
    {
        var c = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Downtime:Threshold"] = "soon" }).Build();
        var e = Assert.Throws<InvalidOperationException>(() => DowntimeOptions.From(c));
        Assert.Contains("Downtime:Threshold", e.Message, StringComparison.Ordinal);
    }
}
