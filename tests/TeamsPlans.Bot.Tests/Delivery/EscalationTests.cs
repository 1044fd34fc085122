using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Delivery;

/// <summary>
/// Issue 15: an assignment overdue by N working days (default 3) is raised once to the plan's head (Hưng published seed
/// 001) with the holder's name. Cúc's duty is re-dated to Friday 14/04/2023; the fake clock moves a few days.
/// </summary>
public sealed class EscalationTests
{
    private static async Task<BotHarness> OverdueAsync()
    {
        var h = await StartAsync();
        await PublishAsync(h);
        var a3 = (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!;
        await h.Store.Assignments.UpsertManyAsync([a3 with { Deadlines = [new Deadline(DueDate.OnDate(new DateOnly(2023, 4, 14)), null, "Báo cáo", "Sở GD&ĐT", null)] }]);
        return h;
    }

    private static async Task<int> RunOnAsync(BotHarness h, int day, int hourUtc = 2)
    {
        h.Time.SetUtcNow(new DateTimeOffset(2023, 4, day, hourUtc, 0, 0, TimeSpan.Zero));
        var n = await h.Services.GetRequiredService<EscalationPlanner>().RunAsync(Tenant, h.Time.GetUtcNow(), CancellationToken.None);
        await h.DeliverQueuedAsync();
        return n;
    }

    private static List<string> Escalations(BotHarness h) =>
        h.Connector.CardsIn(Hung.Conversation).Select(Json).Where(j => j.Contains("ngày làm việc", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Three_working_days_late_is_raised_once_to_the_head_with_the_holders_name()
    {
        await using var h = await OverdueAsync();
        Assert.Equal(0, await RunOnAsync(h, 18)); // Mon 17, Tue 18: two working days late
        Assert.Empty(Escalations(h));
        Assert.Equal(0, await RunOnAsync(h, 19, hourUtc: 0)); // Wed 19 before 08:00 in Hà Nội
        Assert.Equal(1, await RunOnAsync(h, 19)); // Wed 19, 09:00: three
        var card = Assert.Single(Escalations(h));
        Assert.Contains("Quá hạn 3 ngày làm việc: Hồ Thị Thu Cúc", card);
        Assert.Contains("hạn 14/04/2023", card);
        Assert.Equal(0, await RunOnAsync(h, 20)); // once per step, not every day
        Assert.Equal(0, await RunOnAsync(h, 21));
        Assert.Single(Escalations(h));
    }

    [Fact]
    public async Task The_threshold_is_set_per_plan_and_a_done_assignment_is_not_raised()
    {
        await using var h = await OverdueAsync();
        var planner = h.Services.GetRequiredService<EscalationPlanner>();
        await planner.SetWorkingDaysAsync(Tenant, Plan82, 1, CancellationToken.None);
        Assert.Equal(1, await planner.WorkingDaysAsync(Tenant, Plan82, CancellationToken.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => { planner.SetWorkingDaysAsync(Tenant, Plan82, 0, CancellationToken.None).GetAwaiter().GetResult(); });
        Assert.Equal(0, await RunOnAsync(h, 16)); // Sunday: no escalation
        Assert.Equal(1, await RunOnAsync(h, 17)); // Monday: one working day late
        Assert.Contains("Quá hạn 1 ngày làm việc: Hồ Thị Thu Cúc", Assert.Single(Escalations(h)));

        await using var h2 = await OverdueAsync();
        var a3 = (await h2.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!;
        Assert.True((await h2.Store.Assignments.TryUpdateStateAsync(Tenant, a3.AssignmentId, a3.State.Version, a3.State.Apply(AssignmentAction.Done, h2.Time.GetUtcNow()))).Updated);
        Assert.Equal(0, await RunOnAsync(h2, 20));
        Assert.Empty(Escalations(h2));
    }
}
