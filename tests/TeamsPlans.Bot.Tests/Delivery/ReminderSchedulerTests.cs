using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using TeamsPlans.Testing;

namespace TeamsPlans.Bot.Tests.Delivery;

[Collection("Delivery")]
public class ReminderSchedulerTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static DateTimeOffset At(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, Vn);

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Delivery:WorkerEnabled"] = "false",
        ["Delivery:RemindersEnabled"] = "true",
        ["Delivery:Tenants:0"] = DeliveryFixture.Tenant,
        ["Delivery:ReminderCatchUp"] = "1.00:00:00",
    };

    private static async Task<List<WorkItem>> RemindersAsync(IStateStore store) =>
        [.. (await store.Queue.ListAsync(DeliveryFixture.Tenant, DeliveryOptions.QueueName)).Where(i => i.Kind == DeliveryKinds.Reminder)];

    [Fact]
    public async Task Weekend_deadline_reminders_go_out_on_working_days_and_a_member_who_finished_early_gets_none()
    {
        var time = new FakeTimeProvider(At(2025, 3, 5));
        await using var f = await DeliveryFixture.CreateAsync();
        await f.SeedAsync(2, deadlines: [DeliveryFixture.Due(new DateOnly(2025, 3, 16))], createdAt: At(2025, 2, 20)); // Sunday 16/03
        using var host = f.BuildHost(Settings(), time);
        var scheduler = host.Services.GetRequiredService<ReminderScheduler>();
        var store = host.Services.GetRequiredService<IStateStore>();
        var m0 = DeliveryFixture.MemberId(0);
        var m1 = DeliveryFixture.MemberId(1);

        await scheduler.RunOnceAsync(default);
        Assert.Empty(await RemindersAsync(store));

        // m1 finishes early, on Thursday 06/03.
        time.SetUtcNow(At(2025, 3, 6, 12));
        var (updated, _) = await store.Assignments.TryUpdateStateAsync(DeliveryFixture.Tenant, "a-1-0", 1,
            AssignmentState.New.Apply(AssignmentAction.Done, time.GetUtcNow()));
        Assert.True(updated);
        await scheduler.RunOnceAsync(default);
        Assert.Empty(await RemindersAsync(store));

        // Sunday 09/03 is 7 days before: the reminder moves to Friday 07/03 08:00.
        time.SetUtcNow(At(2025, 3, 7, 7, 59));
        await scheduler.RunOnceAsync(default);
        Assert.Empty(await RemindersAsync(store));
        time.SetUtcNow(At(2025, 3, 7, 8, 0));
        await scheduler.RunOnceAsync(default);
        var r = Assert.Single(await RemindersAsync(store));
        Assert.Equal(DeliveryKeys.Reminder(DeliveryFixture.PlanId, "a-0-0", m0, "before-7", new DateOnly(2025, 3, 16)), r.IdempotencyKey);

        // Saturday 15/03 (1 day before) → Friday 14/03; nothing on the weekend; overdue notice Monday 17/03.
        foreach (var day in new[] { 10, 11, 12, 13, 14, 15, 16, 17, 18 })
        {
            time.SetUtcNow(At(2025, 3, day, 9));
            await scheduler.RunOnceAsync(default);
        }
        var all = await RemindersAsync(store);
        Assert.Equal(["before-7", "before-1", "overdue"], all.Select(i => DeliveryPayload.TryParse(i.PayloadJson)!.Code!).ToArray());
        Assert.Equal([At(2025, 3, 7, 8), At(2025, 3, 14, 9), At(2025, 3, 17, 9)], all.Select(i => i.CreatedAt).ToArray());
        Assert.All(all, i => Assert.Equal(m0, DeliveryPayload.TryParse(i.PayloadJson)!.MemberAadObjectId));
        Assert.DoesNotContain(all, i => i.IdempotencyKey.Contains(m1, StringComparison.Ordinal));

        // The head's digest on Monday 17/03 (and Tuesday 18/03): one card per day listing m0 only.
        var digests = (await store.Queue.ListAsync(DeliveryFixture.Tenant, DeliveryOptions.QueueName)).Where(i => i.Kind == DeliveryKinds.Digest).ToList();
        Assert.Equal([DeliveryKeys.Digest(DeliveryFixture.Head, new(2025, 3, 17)), DeliveryKeys.Digest(DeliveryFixture.Head, new(2025, 3, 18))],
            digests.Select(d => d.IdempotencyKey).ToArray());
        var lines = DeliveryPayload.TryParse(digests[0].PayloadJson)!.Lines!;
        var line = Assert.Single(lines);
        Assert.StartsWith("• Giáo viên 0: Nhiệm vụ 0 của giáo viên 0", line);
        Assert.Contains("hạn 16/03/2025", line);
    }

    [Fact]
    public async Task A_yearly_deadline_rolls_into_the_next_year()
    {
        var time = new FakeTimeProvider(At(2025, 12, 24));
        await using var f = await DeliveryFixture.CreateAsync();
        await f.SeedAsync(1, deadlines: [DeliveryFixture.Due(new DateOnly(2025, 12, 20), Recurrence.Yearly)], createdAt: At(2025, 11, 1));
        using var host = f.BuildHost(Settings(), time);
        var scheduler = host.Services.GetRequiredService<ReminderScheduler>();
        var store = host.Services.GetRequiredService<IStateStore>();

        await scheduler.RunOnceAsync(default);
        Assert.Empty(await RemindersAsync(store));
        // 20/12/2026 is a Sunday: 7 days before (13/12) moves to Friday 11/12/2026.
        time.SetUtcNow(At(2026, 12, 11, 7));
        await scheduler.RunOnceAsync(default);
        Assert.Empty(await RemindersAsync(store));
        time.SetUtcNow(At(2026, 12, 11, 8, 1));
        await scheduler.RunOnceAsync(default);
        var r = Assert.Single(await RemindersAsync(store));
        Assert.Equal(DeliveryKeys.Reminder(DeliveryFixture.PlanId, "a-0-0", DeliveryFixture.MemberId(0), "before-7", new DateOnly(2026, 12, 20)), r.IdempotencyKey);
    }

    [Fact]
    public async Task The_background_service_ticks_on_the_TimeProvider_and_queues_due_reminders()
    {
        var time = new FakeTimeProvider(At(2025, 3, 7, 7, 58));
        await using var f = await DeliveryFixture.CreateAsync();
        await f.SeedAsync(3, deadlines: [DeliveryFixture.Due(new DateOnly(2025, 3, 14))], createdAt: At(2025, 2, 1));
        using var host = f.BuildHost(Settings(), time);
        var scheduler = host.Services.GetRequiredService<ReminderScheduler>();
        var store = host.Services.GetRequiredService<IStateStore>();
        await host.StartAsync();
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => Task.FromResult(scheduler.Passes >= 1), TimeSpan.FromSeconds(10)));
        Assert.Empty(await RemindersAsync(store));
        for (var i = 0; i < 3; i++)
        {
            var before = scheduler.Passes;
            time.Advance(TimeSpan.FromMinutes(1));
            Assert.True(await DeliveryFixture.WaitUntilAsync(() => Task.FromResult(scheduler.Passes > before), TimeSpan.FromSeconds(10)));
        }
        await host.StopAsync();
        var all = await RemindersAsync(store);
        Assert.Equal(3, all.Count); // 7 days before Friday 14/03 = Friday 07/03, for each member
        Assert.All(all, i => Assert.Equal("before-7", DeliveryPayload.TryParse(i.PayloadJson)!.Code));
    }

    [Fact]
    public async Task Reminders_are_skipped_at_send_time_for_a_member_who_became_done_after_they_were_queued()
    {
        // Sunday 14/12/2025 08:00 in Hà Nội, the day before the deadline. m0 reads English, m1 and m2 Vietnamese.
        var time = new FakeTimeProvider(At(2025, 12, 14, 8));
        await using var f = await DeliveryFixture.CreateAsync();
        await f.SeedAsync(3, deadlines: [DeliveryFixture.Due(new DateOnly(2025, 12, 15))], createdAt: At(2025, 11, 1));
        using var host = f.BuildHost(time: time);
        var store = host.Services.GetRequiredService<IStateStore>();
        var service = host.Services.GetRequiredService<DeliveryService>();
        foreach (var id in new[] { "a-0-0", "a-1-0", "a-2-0" })
            Assert.True(await service.EnqueueReminderAsync((await store.Assignments.GetAsync(DeliveryFixture.Tenant, id))!, "before-1", new DateOnly(2025, 12, 15), null, default));
        Assert.False(await service.EnqueueReminderAsync((await store.Assignments.GetAsync(DeliveryFixture.Tenant, "a-0-0"))!, "before-1", new DateOnly(2025, 12, 15), null, default));
        // m2 marks the duty done after the reminder was queued.
        var (updated, _) = await store.Assignments.TryUpdateStateAsync(DeliveryFixture.Tenant, "a-2-0", 1, AssignmentState.New.Apply(AssignmentAction.Done, time.GetUtcNow()));
        Assert.True(updated);
        await host.StartAsync();
        // The fake clock moves in small steps (the rate limiter paces requests on it); it stays Sunday 14/12.
        Assert.True(await DeliveryFixture.WaitUntilAsync(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            return f.AllSettledAsync(3);
        }, TimeSpan.FromSeconds(30)));
        await host.StopAsync();

        Assert.Equal(2, f.Server.Posts.Count);
        Assert.DoesNotContain(f.Server.Posts, p => p.MemberAadObjectId == DeliveryFixture.MemberId(2));
        var vi = Assert.Single(f.Server.Posts, p => p.MemberAadObjectId == DeliveryFixture.MemberId(1));
        Assert.Contains("⏰ Nhắc việc: còn 1 ngày, hạn chót 15/12/2025", vi.Body);
        var en = Assert.Single(f.Server.Posts, p => p.MemberAadObjectId == DeliveryFixture.MemberId(0));
        Assert.Contains("⏰ Reminder: 1 day(s) left, due 15/12/2025", en.Body);
        var report = await service.GetStatusAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        var skipped = Assert.Single(report.Items, i => i.State == DeliveryStates.Skipped);
        Assert.Equal("done", skipped.Reason);
        Assert.Equal("a-2-0", skipped.AssignmentId);
        Assert.Equal(2, report.Count(DeliveryStates.Sent));
    }

    [Fact]
    public async Task A_plans_own_policy_changes_offsets_and_send_time_and_bad_policies_are_refused()
    {
        var time = new FakeTimeProvider(At(2025, 3, 1));
        await using var f = await DeliveryFixture.CreateAsync();
        await f.SeedAsync(1, deadlines: [DeliveryFixture.Due(new DateOnly(2025, 3, 14))], createdAt: At(2025, 2, 1));
        using var host = f.BuildHost(Settings(), time);
        var policies = host.Services.GetRequiredService<ReminderPolicyStore>();
        await policies.SetAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, [3], new TimeOnly(14, 30), overdueNotice: false, default);
        await Assert.ThrowsAsync<ArgumentException>(() => policies.SetAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, [0], new TimeOnly(8, 0), true, default));
        var planner = host.Services.GetRequiredService<ReminderPlanner>();
        var pass = await planner.RunAsync(DeliveryFixture.Tenant, At(2025, 3, 1), At(2025, 3, 31), default);
        Assert.Equal(1, pass.Reminders);
        var r = Assert.Single(await RemindersAsync(host.Services.GetRequiredService<IStateStore>()));
        Assert.Equal("before-3", DeliveryPayload.TryParse(r.PayloadJson)!.Code);
    }
}
