using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamsPlans.Bot.Cli;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Storage;
using TeamsPlans.Testing;

namespace TeamsPlans.Bot.Tests.Delivery;

[Collection("Delivery")]
public class DeliveryPipelineTests
{
    private static async Task PublishAsync(IHost host) =>
        await host.Services.GetRequiredService<IAssignmentPublisher>().PublishAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, CancellationToken.None);

    /// <summary>Collects the "TeamsPlans.Delivery" counters of one host (other hosts' meters are ignored).</summary>
    private sealed class Counters : IDisposable
    {
        private readonly MeterListener _listener = new();
        public ConcurrentDictionary<string, long> Values { get; } = new();

        public Counters(IHost host)
        {
            var factory = host.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == DeliveryMetrics.MeterName && ReferenceEquals(i.Meter.Scope, factory)) l.EnableMeasurementEvents(i);
            };
            _listener.SetMeasurementEventCallback<long>((i, v, _, _) => Values.AddOrUpdate(i.Name, v, (_, o) => o + v));
            _listener.Start();
        }

        public long this[string name] => Values.TryGetValue("teamsplans.delivery." + name, out var v) ? v : 0;
        public void Dispose() => _listener.Dispose();
    }

    [Theory]
    [InlineData(DeliveryFixture.Sqlite)]
    [InlineData(DeliveryFixture.Postgres)]
    public async Task Publishing_a_plan_delivers_exactly_one_card_per_member_and_records_it(string provider)
    {
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions { TenantRequestsPerSecond = 100 }, provider);
        await f.SeedAsync(120);
        using var host = f.BuildHost();
        using var counters = new Counters(host);
        await host.StartAsync();
        await PublishAsync(host);
        await PublishAsync(host); // idempotent: nothing new
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(120), TimeSpan.FromSeconds(60)), "not all delivered in time");
        await host.StopAsync();

        Assert.Equal(120, f.Server.Posts.Count);
        Assert.Equal(0, f.Server.Duplicates);
        Assert.Equal(f.Members.Order(), f.Server.Posts.Select(p => p.MemberAadObjectId!).Order());
        Assert.Equal(120, counters["sent"]);

        var service = host.Services.GetRequiredService<DeliveryService>();
        var report = await service.GetStatusAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        Assert.Equal(120, report.Count(DeliveryStates.Sent));
        Assert.All(report.Items, i => Assert.StartsWith("1:", i.ActivityId));
        await using var store = f.OpenStore();
        var a = await store.Assignments.GetAsync(DeliveryFixture.Tenant, "a-7-0");
        Assert.NotNull(a!.CardActivityId);
        Assert.Equal(FakeConnectorServer.ConversationIdFor(DeliveryFixture.MemberId(7)), a.CardConversationId);
        // The card is the assignment card (Adaptive Card with the assignment's data), in the member's language.
        var post = f.Server.Posts.Single(p => p.MemberAadObjectId == DeliveryFixture.MemberId(7));
        var card = JsonNode.Parse(post.Body)!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        Assert.Contains("a-7-0", post.Body);
        // A republish after delivery does not send again (cards are recorded).
        var again = await host.Services.GetRequiredService<IAssignmentPublisher>().PublishAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        Assert.Equal(0, again.Queued);
        Assert.Equal(120, again.AlreadySent);
    }

    [Theory]
    [InlineData(DeliveryFixture.Sqlite)]
    [InlineData(DeliveryFixture.Postgres)]
    public async Task Killing_the_sender_mid_run_and_restarting_delivers_every_card_exactly_once(string provider)
    {
        const int n = 150;
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions { TenantRequestsPerSecond = 100 }, provider);
        await f.SeedAsync(n);

        // Run 1: killed (host stopped) after 40 posts, while sends are in flight and batches are claimed.
        using (var host1 = f.BuildHost())
        {
            await host1.StartAsync();
            var killed = new TaskCompletionSource();
            f.Server.OnPosted = count => { if (count >= 40) killed.TrySetResult(); };
            await PublishAsync(host1);
            await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await host1.StopAsync();
            f.Server.OnPosted = null;
        }
        var afterKill = f.Server.Posts.Count;
        Assert.InRange(afterKill, 40, n - 1);

        // Run 2: a new process on the same store.
        using (var host2 = f.BuildHost())
        {
            await host2.StartAsync();
            Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(n), TimeSpan.FromSeconds(60)), "restart did not finish");
            await host2.StopAsync();
        }

        Assert.Equal(n, f.Server.Posts.Count);
        Assert.Equal(0, f.Server.Duplicates);
        Assert.Equal(f.Members.Order(), f.Server.Posts.Select(p => p.MemberAadObjectId!).Order());
        await using var store = f.OpenStore();
        var items = await store.Queue.ListAsync(DeliveryFixture.Tenant, DeliveryOptions.QueueName);
        Assert.Equal(n, items.Count);
        Assert.All(items, i => Assert.Equal(WorkState.Done, i.State));
        Assert.All(items, i => Assert.False(DeliveryResult.TryParse(i.ResultJson)!.PossibleDuplicate));
        // No journal entry is left "sending".
        Assert.Empty(await store.Sync.ListAsync(DeliveryFixture.Tenant, DeliveryProcessor.JournalScope));
    }

    [Theory]
    [InlineData(DeliveryFixture.Sqlite)]
    [InlineData(DeliveryFixture.Postgres)]
    public async Task A_sender_that_dies_between_claim_and_send_loses_its_lease_and_a_new_worker_delivers(string provider)
    {
        const int n = 20;
        await using var f = await DeliveryFixture.CreateAsync(provider: provider);
        await f.SeedAsync(n);
        using (var enqueueHost = f.BuildHost(new Dictionary<string, string?> { ["Delivery:WorkerEnabled"] = "false" }))
            await PublishAsync(enqueueHost);

        // The dead sender: claims everything with a 1 s lease and never sends nor settles.
        await using (var store = f.OpenStore())
        {
            var claimed = await store.Queue.ClaimAsync(DeliveryOptions.QueueName, "dead-worker", 100, TimeSpan.FromSeconds(1));
            Assert.Equal(n, claimed.Count);
        }
        using var host = f.BuildHost();
        await host.StartAsync();
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(n), TimeSpan.FromSeconds(30)));
        await host.StopAsync();
        Assert.Equal(n, f.Server.Posts.Count);
        Assert.Equal(0, f.Server.Duplicates);
    }

    [Theory]
    [InlineData(DeliveryFixture.Sqlite)]
    [InlineData(DeliveryFixture.Postgres)]
    public async Task A_crash_between_the_connectors_200_and_the_commit_is_the_one_window_for_a_duplicate_and_it_is_flagged(string provider)
    {
        await using var f = await DeliveryFixture.CreateAsync(provider: provider);
        await f.SeedAsync(3);
        using var host = f.BuildHost(new Dictionary<string, string?> { ["Delivery:WorkerEnabled"] = "false" });
        await PublishAsync(host);
        var victim = DeliveryKeys.Assignment(DeliveryFixture.PlanId, "a-1-0", DeliveryFixture.MemberId(1));

        // Process A: claims with a short lease, posts, then "dies" before committing (the hook never returns).
        var storeA = host.Services.GetRequiredService<IStateStore>();
        var processorA = host.Services.GetRequiredService<DeliveryProcessor>();
        using var crash = new CancellationTokenSource();
        processorA.AfterSendBeforeCommit = (item, _) => item.IdempotencyKey == victim ? Task.Delay(Timeout.Infinite, crash.Token) : Task.CompletedTask;
        var claimed = await storeA.Queue.ClaimAsync(DeliveryOptions.QueueName, "process-a", 10, TimeSpan.FromSeconds(1));
        var stuck = processorA.ProcessAsync(claimed.Single(i => i.IdempotencyKey == victim), "process-a", CancellationToken.None);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => Task.FromResult(f.Server.Posts.Count == 1), TimeSpan.FromSeconds(10)));

        // Process B: a fresh host on the same store takes over after the lease expires.
        using var hostB = f.BuildHost();
        using var counters = new Counters(hostB);
        await hostB.StartAsync();
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(3), TimeSpan.FromSeconds(30)));
        await hostB.StopAsync();
        await crash.CancelAsync();
        await stuck; // process A's late commit is refused: it no longer holds the lease

        Assert.Equal(4, f.Server.Posts.Count); // the victim got its card twice: the documented window
        Assert.Equal(1, f.Server.Duplicates);
        var item = await storeA.Queue.GetAsync(DeliveryFixture.Tenant, DeliveryOptions.QueueName, victim);
        Assert.True(DeliveryResult.TryParse(item!.ResultJson)!.PossibleDuplicate);
        Assert.Equal(1, counters["possible_duplicates"]);
        var report = await hostB.Services.GetRequiredService<DeliveryService>().GetStatusAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        Assert.Single(report.Items, i => i.PossibleDuplicate);
    }

    [Theory]
    [InlineData(DeliveryFixture.Sqlite)]
    [InlineData(DeliveryFixture.Postgres)]
    public async Task Random_429s_pause_the_tenant_and_every_card_still_arrives_once(string provider)
    {
        const int n = 80;
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions
        {
            TenantRequestsPerSecond = 100, Random429Probability = 0.15, RandomRetryAfter = TimeSpan.FromSeconds(1),
        }, provider);
        await f.SeedAsync(n);
        using var host = f.BuildHost();
        using var counters = new Counters(host);
        await host.StartAsync();
        await PublishAsync(host);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(n), TimeSpan.FromSeconds(90)));
        await host.StopAsync();

        Assert.Equal(n, f.Server.Posts.Count);
        Assert.Equal(0, f.Server.Duplicates);
        Assert.True(f.Server.Throttled > 0);
        Assert.Equal(f.Server.Throttled, counters["throttled"]);
        // 15 % of 429s cluster (≥ 3 within 2 s), which pauses the whole tenant: nothing was admitted for Retry-After (1 s).
        var times = f.Server.Posts.Select(p => p.AtTicks).Order().ToArray();
        var gaps = times.Zip(times.Skip(1), (a, b) => TimeSpan.FromTicks(b - a)).Count(g => g >= TimeSpan.FromMilliseconds(900));
        Assert.True(gaps >= 1, "no tenant-wide pause was observed");
    }

    [Theory]
    [InlineData(DeliveryFixture.Sqlite)]
    [InlineData(DeliveryFixture.Postgres)]
    public async Task Throttling_defers_the_item_without_burning_its_attempts(string provider)
    {
        // Every request answers 429 until the test lifts it; the item may be attempted only twice, yet must not fail.
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions
        {
            Random429Probability = 1.0, RandomRetryAfter = TimeSpan.FromSeconds(1),
        }, provider);
        await f.SeedAsync(1);
        using var host = f.BuildHost(new Dictionary<string, string?>
        {
            ["Delivery:MaxAttempts"] = "2", ["Delivery:MaxThrottleRetries"] = "0",
        });
        using var counters = new Counters(host);
        await host.StartAsync();
        await PublishAsync(host);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => Task.FromResult(f.Server.Throttled >= 4), TimeSpan.FromSeconds(60)), "no throttling seen");
        await using var store = f.OpenStore();
        var key = DeliveryKeys.Assignment(DeliveryFixture.PlanId, "a-0-0", DeliveryFixture.MemberId(0));
        var whileThrottled = await store.Queue.GetAsync(DeliveryFixture.Tenant, DeliveryOptions.QueueName, key);
        Assert.NotEqual(WorkState.Failed, whileThrottled!.State);
        Assert.Equal(0, whileThrottled.Attempts);

        f.Server.Options.Random429Probability = 0;
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(1), TimeSpan.FromSeconds(30)));
        await host.StopAsync();
        var item = await store.Queue.GetAsync(DeliveryFixture.Tenant, DeliveryOptions.QueueName, key);
        Assert.Equal(WorkState.Done, item!.State);
        Assert.Equal(0, item.Attempts);
        Assert.Single(f.Server.Posts);
        Assert.True(counters["throttled"] >= 4);
        Assert.Equal(0, counters["failed"]);
    }

    [Theory]
    [InlineData(DeliveryFixture.Sqlite)]
    [InlineData(DeliveryFixture.Postgres)]
    public async Task After_the_last_attempt_an_item_ends_failed_with_its_reason_visible(string provider)
    {
        // 503 (retryable; a 500 for a send is never re-sent, see Fidelity/DeliveryFaultTests).
        var broken = DeliveryFixture.MemberId(1);
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions { UnavailableMembers = { broken } }, provider);
        await f.SeedAsync(3);
        using var host = f.BuildHost(new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = "3" });
        using var counters = new Counters(host);
        await host.StartAsync();
        await PublishAsync(host);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(3), TimeSpan.FromSeconds(60)));
        await host.StopAsync();

        Assert.Equal(3, f.Server.PostAttemptsPerMember[broken]); // tried exactly MaxAttempts times, then given up
        Assert.Equal(2, f.Server.Posts.Count);
        var service = host.Services.GetRequiredService<DeliveryService>();
        var report = await service.GetStatusAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        var failed = Assert.Single(report.Items, i => i.State == DeliveryStates.Failed);
        Assert.Equal(broken, failed.MemberAadObjectId);
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("HTTP 503", failed.Reason);
        Assert.Contains("sau 3 lần thử / after 3 attempts", failed.Reason);
        Assert.Equal("đã gửi 2, lỗi 1", DeliveryService.Summarize(report, english: false));
        Assert.Equal("sent 2, failed 1", DeliveryService.Summarize(report, english: true));
        Assert.Equal(1, counters["failed"]);
        Assert.Equal(2, counters["retried"]);
    }

    [Fact]
    public async Task A_member_who_blocked_the_bot_is_marked_unreachable_and_the_head_is_told_in_the_digest()
    {
        var blocked = DeliveryFixture.MemberId(3);
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions { BlockedMembers = { blocked } });
        await f.SeedAsync(6, deadlines: [DeliveryFixture.Due(new DateOnly(2025, 3, 14))], createdAt: new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        using var host = f.BuildHost();
        using var counters = new Counters(host);
        await host.StartAsync();
        await PublishAsync(host);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(6), TimeSpan.FromSeconds(30)));
        await host.StopAsync();

        Assert.Equal(5, f.Server.Posts.Count);
        Assert.Equal(1, counters["blocked"]);
        await using var store = f.OpenStore();
        var conv = await store.Conversations.GetAsync(DeliveryFixture.Tenant, blocked);
        Assert.True(conv!.Blocked);
        var report = await host.Services.GetRequiredService<DeliveryService>().GetStatusAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        var item = Assert.Single(report.Items, i => i.State == DeliveryStates.Blocked);
        Assert.Equal(blocked, item.MemberAadObjectId);
        Assert.Contains("MessageWritesBlocked", item.Reason);

        // Monday 17/03/2025 08:00: everyone is overdue; the head gets ONE digest listing all six and the blocked member.
        var planner = host.Services.GetRequiredService<ReminderPlanner>();
        var at = new DateTimeOffset(2025, 3, 17, 8, 0, 0, TimeSpan.FromHours(7));
        var pass = await planner.RunAsync(DeliveryFixture.Tenant, at.AddMinutes(-1), at, default);
        Assert.Equal(1, pass.Digests);
        var again = await planner.RunAsync(DeliveryFixture.Tenant, at.AddMinutes(-1), at, default);
        Assert.Equal(0, again.Digests); // one per head per day
        var digest = await store.Queue.GetAsync(DeliveryFixture.Tenant, DeliveryOptions.QueueName, DeliveryKeys.Digest(DeliveryFixture.Head, new DateOnly(2025, 3, 17)));
        var payload = DeliveryPayload.TryParse(digest!.PayloadJson)!;
        Assert.Contains("6 nhiệm vụ quá hạn", payload.Title);
        Assert.Equal(7, payload.Lines!.Count);
        Assert.Contains(payload.Lines, l => l.Contains("Giáo viên 3 đã chặn bot"));
    }

    [Fact]
    public async Task Members_without_a_conversation_get_one_created_after_the_app_is_installed_for_them()
    {
        await using var f = await DeliveryFixture.CreateAsync();
        await f.SeedAsync(5, conversations: false);
        var installer = new RecordingInstaller();
        using var host = f.BuildHost(new Dictionary<string, string?>
        {
            ["Delivery:InstallForUsers"] = "true", ["Delivery:TeamsAppCatalogId"] = "catalog-app-1",
        }, services: s => s.AddSingleton<IAppInstaller>(installer));
        await host.StartAsync();
        await PublishAsync(host);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(5), TimeSpan.FromSeconds(30)));
        await host.StopAsync();

        Assert.Equal(5, f.Server.ConversationsCreated);
        Assert.Equal(5, f.Server.Posts.Count);
        Assert.Equal(f.Members.Order(), installer.Installed.Select(x => x.User).Order());
        Assert.All(installer.Installed, x => Assert.Equal("catalog-app-1", x.App));
        await using var store = f.OpenStore();
        var conv = await store.Conversations.GetAsync(DeliveryFixture.Tenant, DeliveryFixture.MemberId(2));
        Assert.Equal(FakeConnectorServer.ConversationIdFor(DeliveryFixture.MemberId(2)), conv!.ConversationId);
        Assert.Equal(f.Server.BaseUrl, conv.ServiceUrl);
    }

    private sealed class RecordingInstaller : IAppInstaller
    {
        public ConcurrentBag<(string User, string App)> Installed { get; } = [];
        public Task InstallForUserAsync(string tenantId, string aadObjectId, string teamsAppCatalogId, CancellationToken ct)
        {
            Installed.Add((aadObjectId, teamsAppCatalogId));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Resend_from_the_CLI_requeues_only_the_failed_recipients()
    {
        // A member whose posts Teams answered 500 (not re-sent automatically: it may have been posted).
        var notInstalled = DeliveryFixture.MemberId(2);
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions { ServerErrorMembers = { notInstalled } });
        await f.SeedAsync(5, conversations: false);
        using var host = f.BuildHost();
        await host.StartAsync();
        await PublishAsync(host);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(5), TimeSpan.FromSeconds(30)));
        var report = await host.Services.GetRequiredService<DeliveryService>().GetStatusAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        var failed = Assert.Single(report.Items, i => i.State == DeliveryStates.Failed);
        Assert.Equal(notInstalled, failed.MemberAadObjectId);
        Assert.Contains("500", failed.Reason);
        Assert.Equal(4, f.Server.Posts.Count);

        // The fault is over; the admin resends from the CLI (real entry point, same SQLite file).
        f.Server.Options.ServerErrorMembers.Clear();
        Assert.Equal(1, await AdminCli.RunAsync(["resend", "--tenant", DeliveryFixture.Tenant, "--plan", "no-such-plan", "--state", f.DbPath]));
        Assert.Equal(0, await AdminCli.RunAsync(["resend", "--tenant", DeliveryFixture.Tenant, "--plan", DeliveryFixture.PlanId, "--state", f.DbPath]));
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => Task.FromResult(f.Server.Posts.Count == 5), TimeSpan.FromSeconds(30)));
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(5), TimeSpan.FromSeconds(30)));
        await host.StopAsync();
        Assert.Equal(0, f.Server.Duplicates);
        Assert.Equal(5, f.Server.Posts.Select(p => p.MemberAadObjectId).Distinct().Count());
        Assert.Equal(0, await host.Services.GetRequiredService<DeliveryService>().ResendFailedAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default));
    }

    [Fact]
    public async Task Many_cards_to_one_conversation_are_spaced_by_the_per_conversation_windows()
    {
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions
        {
            ConversationLimits = [(3, TimeSpan.FromMilliseconds(300)), (4, TimeSpan.FromMilliseconds(600))],
        });
        await f.SeedAsync(1, assignmentsPerMember: 12);
        using var host = f.BuildHost(new Dictionary<string, string?>
        {
            ["Delivery:ConversationLimits:0"] = "3/0.3", ["Delivery:ConversationLimits:1"] = "4/0.6",
            ["Delivery:WindowSafetyMargin"] = "00:00:00.050",
        });
        await host.StartAsync();
        await PublishAsync(host);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(12), TimeSpan.FromSeconds(30)));
        await host.StopAsync();

        Assert.Equal(12, f.Server.Posts.Count);
        Assert.Equal(0, f.Server.Duplicates);
        Assert.InRange(f.Server.LimitViolations, 0, 1);
        var t = f.Server.Posts.Select(p => p.AtTicks).Order().ToArray();
        // 12 posts at 4 per 600 ms need at least 1.2 s.
        Assert.True(TimeSpan.FromTicks(t[^1] - t[0]) >= TimeSpan.FromMilliseconds(1150));
    }

    [Fact]
    public void AddTeamsPlansDelivery_replaces_the_direct_publisher_and_registers_the_workers()
    {
        var f = new Dictionary<string, string?> { ["State:ConnectionString"] = Path.Combine(Path.GetTempPath(), "tp-di-" + Guid.NewGuid().ToString("N") + ".db") };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(f);
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddTeamsPlansStateStore(builder.Configuration);
        builder.Services.AddSingleton<IAssignmentPublisher, DirectAssignmentPublisher>();
        builder.Services.AddTeamsPlansDelivery(builder.Configuration);
        builder.Services.AddTeamsPlansAssignmentPublisher(mirrorToBoards: false);
        using var host = builder.Build();
        Assert.IsType<DeliveryService>(host.Services.GetRequiredService<IAssignmentPublisher>());
        Assert.IsType<DeliveryService>(host.Services.GetRequiredService<IPlanReminderSender>());
        Assert.IsType<NoOpAppInstaller>(host.Services.GetRequiredService<IAppInstaller>());
        var hosted = host.Services.GetServices<IHostedService>().ToList();
        Assert.Contains(hosted, h => h is DeliveryWorker);
        Assert.Contains(hosted, h => h is ReminderScheduler);
    }

    [Fact]
    public void InstallForUsers_without_a_catalog_id_fails_at_start_with_a_clear_message()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["State:ConnectionString"] = Path.Combine(Path.GetTempPath(), "tp-di-" + Guid.NewGuid().ToString("N") + ".db"),
            ["Delivery:InstallForUsers"] = "true",
        });
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddTeamsPlansStateStore(builder.Configuration);
        builder.Services.AddTeamsPlansDelivery(builder.Configuration);
        using var host = builder.Build();
        var e = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeliveryOptions>>().Value);
        Assert.Contains("TeamsAppCatalogId", e.Message);
    }
}

[CollectionDefinition("Delivery", DisableParallelization = true)]
public class DeliveryCollection;
