using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Delivery;

/// <summary>
/// Issue 15: a unit's overdue report is raised to the department officer who issued the plan (the Sở's director published
/// 678/KH-SGDĐT), once per unit and period, on a fake clock (seeded on 01/06/2023). The 10/05/2023 report is handed in by
/// Trung Lập on 08/05 only: Bách Khoa 2 and Xuân Thới are far past three working days. The 15/10/2023 report falls on a
/// Sunday, so its deadline is Monday 16/10: Tuesday 17 is one working day late, Thursday 19 three, for all three units.
/// </summary>
public sealed class UnitReportEscalationTests
{
    private const string Dept = "tenant-sgd";

    private static async Task<int> RunOnAsync(BotHarness h, int month, int day, int hourUtc = 2)
    {
        h.Time.SetUtcNow(new DateTimeOffset(2023, month, day, hourUtc, 0, 0, TimeSpan.Zero));
        var n = await h.Services.GetRequiredService<UnitReportEscalationPlanner>().RunAsync(Dept, h.Time.GetUtcNow(), CancellationToken.None);
        await h.DeliverQueuedAsync();
        return n;
    }

    private static List<string> Escalations(BotHarness h) =>
        [.. h.Connector.CardsIn(RollupCommandTests.DirectorUser.Conversation).Select(Json).Where(j => j.Contains("chưa nộp báo cáo", StringComparison.Ordinal))];

    [Fact]
    public async Task Three_working_days_after_the_due_day_each_missing_unit_is_raised_once_to_the_plans_officer()
    {
        await using var h = await RollupCommandTests.SeededForStatesAsync();
        var plan = (await h.Store.Plans.GetAsync(Dept, "kh-678"))!;
        await h.Store.Plans.UpsertAsync(plan with { HeadAadObjectId = RollupCommandTests.DirectorUser.Aad });

        Assert.Equal(2, await RunOnAsync(h, 6, 2)); // Friday 02/06: the 10/05 report of two units
        var may = Escalations(h);
        Assert.Equal(2, may.Count);
        Assert.Contains(may, c => c.Contains("Đơn vị chưa nộp báo cáo, quá hạn 17 ngày làm việc: Trường THCS Xuân Thới", StringComparison.Ordinal));
        Assert.Contains(may, c => c.Contains("Đơn vị chưa nộp báo cáo, quá hạn 17 ngày làm việc: 7/KH-THPT BK2", StringComparison.Ordinal));
        Assert.All(may, c => Assert.Contains("Báo cáo sơ kết — hạn 10/05/2023", c, StringComparison.Ordinal));
        Assert.Equal(0, await RunOnAsync(h, 6, 5)); // once per step: not again the next days

        Assert.Equal(0, await RunOnAsync(h, 10, 17)); // Tuesday: one working day after Monday 16/10
        Assert.Equal(0, await RunOnAsync(h, 10, 18)); // two
        Assert.Equal(0, await RunOnAsync(h, 10, 19, hourUtc: 0)); // Thursday before 08:00 in Vietnam
        Assert.Equal(3, await RunOnAsync(h, 10, 19)); // Thursday 09:00: three, every unit
        var oct = Escalations(h).Skip(2).ToList();
        Assert.Equal(3, oct.Count);
        Assert.All(oct, c => Assert.Contains("quá hạn 3 ngày làm việc", c, StringComparison.Ordinal));
        Assert.All(oct, c => Assert.Contains("Báo cáo tổng kết — hạn 15/10/2023", c, StringComparison.Ordinal));
        Assert.Contains(oct, c => c.Contains("12/KH-THPT TL", StringComparison.Ordinal));
        Assert.Equal(0, await RunOnAsync(h, 10, 20));
        Assert.Equal(5, Escalations(h).Count);
    }

    [Fact]
    public async Task A_plan_without_an_officer_or_a_tenant_without_units_raises_nothing()
    {
        await using var h = await RollupCommandTests.SeededForStatesAsync();
        Assert.Equal(0, await RunOnAsync(h, 6, 2)); // kh-678 has no head
        var planner = h.Services.GetRequiredService<UnitReportEscalationPlanner>();
        Assert.Equal(0, await planner.RunAsync("tenant-tl", h.Time.GetUtcNow(), CancellationToken.None)); // a unit has no units
    }
}
