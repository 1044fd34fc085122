using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Protocol;
using TeamsPlans.Storage;
using TeamsPlans.Testing;
using Xunit.Abstractions;

namespace TeamsPlans.Bot.Tests.Delivery;

/// <summary>
/// Issue 7: three bot instances (three hosts, each with the real AddTeamsPlansDelivery pipeline, its own worker, rate
/// limiter and connection pool) on ONE PostgreSQL database deliver one plan to 2,000 members; one instance is killed mid-run.
/// </summary>
[Collection("Delivery")]
public class MultiInstanceDeliveryTests(ITestOutputHelper output)
{
    /// <summary>
    /// Kills an instance the way a crashed process looks to the others: from <see cref="Kill"/> on, its connector calls,
    /// claims and lease renewals never return (a claim in progress still lands in the database, so the dead instance holds
    /// leases), nothing it holds is released, and only the sends that were already on the wire finish and commit.
    /// </summary>
    private sealed class KillSwitch
    {
        private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _killed;

        public bool Killed => _killed;
        public ConcurrentDictionary<string, byte> Owners { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, byte> SentConversations { get; } = new(StringComparer.Ordinal);
        public int Hung => Volatile.Read(ref _hung);
        private int _hung;

        public void Kill() => _killed = true;

        /// <summary>A dead process never answers; only the test's cleanup ends the wait (with an exception).</summary>
        public async Task HangAsync()
        {
            Interlocked.Increment(ref _hung);
            await _never.Task.ConfigureAwait(false);
        }

        /// <summary>Cleanup: the hung calls throw, so the dead host can be disposed.</summary>
        public void Bury() => _never.TrySetException(new OperationCanceledException("instance killed / tiến trình đã bị dừng"));
    }

    private sealed class KillableConnector(IConnectorClient inner, KillSwitch kill) : IConnectorClient
    {
        public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct = default)
        {
            if (kill.Killed) await kill.HangAsync();
            var r = await inner.SendToConversationAsync(serviceUrl, conversationId, activity, ct);
            kill.SentConversations.TryAdd(conversationId, 0);
            return r;
        }

        public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct = default)
        {
            if (kill.Killed) await kill.HangAsync();
            return await inner.CreateConversationAsync(serviceUrl, parameters, ct);
        }

        public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct = default) =>
            inner.ReplyToActivityAsync(serviceUrl, conversationId, replyToId, activity, ct);
        public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct = default) =>
            inner.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, ct);
        public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct = default) =>
            inner.DeleteActivityAsync(serviceUrl, conversationId, activityId, ct);
        public Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken ct = default) =>
            inner.GetConversationMembersAsync(serviceUrl, conversationId, ct);
    }

    private sealed class KillableQueue(IWorkQueue inner, KillSwitch kill) : IWorkQueue
    {
        public async Task<IReadOnlyList<WorkItem>> ClaimAsync(string queue, string owner, int max, TimeSpan lease, CancellationToken ct = default)
        {
            kill.Owners.TryAdd(owner, 0);
            var killedBefore = kill.Killed;
            var items = await inner.ClaimAsync(queue, owner, max, lease, ct);
            if (killedBefore || kill.Killed) await kill.HangAsync(); // died right after the claim committed: the leases stay
            return items;
        }

        public async Task<bool> RenewAsync(long id, string owner, TimeSpan lease, CancellationToken ct = default)
        {
            if (kill.Killed) await kill.HangAsync();
            return await inner.RenewAsync(id, owner, lease, ct);
        }

        public Task<bool> EnqueueAsync(string tenantId, string queue, string kind, string idempotencyKey, string payloadJson, DateTimeOffset? notBefore = null, CancellationToken ct = default) =>
            inner.EnqueueAsync(tenantId, queue, kind, idempotencyKey, payloadJson, notBefore, ct);
        public Task<bool> CompleteAsync(long id, string owner, string? resultJson = null, CancellationToken ct = default) => inner.CompleteAsync(id, owner, resultJson, ct);
        public Task<bool> RetryAsync(long id, string owner, DateTimeOffset notBefore, string error, CancellationToken ct = default) => inner.RetryAsync(id, owner, notBefore, error, ct);
        public Task<bool> DeferAsync(long id, string owner, DateTimeOffset notBefore, string reason, CancellationToken ct = default) => inner.DeferAsync(id, owner, notBefore, reason, ct);
        public Task<bool> FailAsync(long id, string owner, WorkState terminalState, string reason, CancellationToken ct = default) => inner.FailAsync(id, owner, terminalState, reason, ct);
        public Task<WorkItem?> GetAsync(string tenantId, string queue, string idempotencyKey, CancellationToken ct = default) => inner.GetAsync(tenantId, queue, idempotencyKey, ct);
        public Task<IReadOnlyList<WorkItem>> ListAsync(string tenantId, string queue, WorkState? state = null, CancellationToken ct = default) => inner.ListAsync(tenantId, queue, state, ct);
        public Task<int> RequeueFailedAsync(string tenantId, string queue, string? keyPrefix = null, CancellationToken ct = default) => inner.RequeueFailedAsync(tenantId, queue, keyPrefix, ct);
        public Task<IReadOnlyDictionary<WorkState, int>> CountsAsync(string tenantId, string queue, CancellationToken ct = default) => inner.CountsAsync(tenantId, queue, ct);
    }

    /// <summary>A dead instance's heartbeats stop: the others take its share of the tenant ceiling back after the TTL.</summary>
    private sealed class KillableRegistry(IInstanceRegistry inner, KillSwitch kill) : IInstanceRegistry
    {
        public async Task<int> HeartbeatAsync(string instanceId, TimeSpan ttl, CancellationToken ct = default)
        {
            if (kill.Killed) await kill.HangAsync();
            return await inner.HeartbeatAsync(instanceId, ttl, ct);
        }

        public async Task LeaveAsync(string instanceId, CancellationToken ct = default)
        {
            if (kill.Killed) await kill.HangAsync();
            await inner.LeaveAsync(instanceId, ct);
        }

        public Task PauseTenantAsync(string tenantId, DateTimeOffset until, CancellationToken ct = default) => inner.PauseTenantAsync(tenantId, until, ct);
        public Task<IReadOnlyDictionary<string, DateTimeOffset>> ActivePausesAsync(CancellationToken ct = default) => inner.ActivePausesAsync(ct);
    }

    private sealed class KillableStore(IStateStore inner, KillSwitch kill) : IStateStore, IHistoryStoreSource
    {
        public IHistoryStore History => HistoryStoreFactory.For(inner);
        public string Provider => inner.Provider;
        public Task MigrateAsync(CancellationToken ct = default) => inner.MigrateAsync(ct);
        public Task<bool> PingAsync(CancellationToken ct = default) => inner.PingAsync(ct);
        public IPlanStore Plans => inner.Plans;
        public IMemberStore Members => inner.Members;
        public IConversationStore Conversations => inner.Conversations;
        public IAssignmentStore Assignments => inner.Assignments;
        public IReportStore Reports => inner.Reports;
        public IWorkQueue Queue { get; } = new KillableQueue(inner.Queue, kill);
        public ISyncStateStore Sync => inner.Sync;
        public IInstanceRegistry Instances { get; } = new KillableRegistry(inner.Instances, kill);
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        // The three instances split 450 requests per second (under the test server's 500); short leases so a dead instance's items
        // come back within seconds. Figures here set the pace, nothing asserts on time.
        ["Delivery:TenantRequestsPerSecond"] = "450",
        ["Delivery:Lease"] = "00:00:06",
        ["Delivery:Workers"] = "2",
        ["Delivery:BatchSize"] = "32",
        ["Delivery:Concurrency"] = "16",
    };

    [Fact]
    public async Task Three_instances_on_one_PostgreSQL_deliver_a_plan_to_2000_members_exactly_once_while_one_is_killed()
    {
        const int n = 2000;
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions { TenantRequestsPerSecond = 500 }, DeliveryFixture.Postgres);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await f.SeedAsync(n);
        output.WriteLine($"seeded {n} members in {clock.Elapsed.TotalSeconds:F1} s");

        var kill = new KillSwitch();
        using var doomed = f.BuildHost(Settings(), services: s =>
        {
            s.AddSingleton<IStateStore>(sp => new KillableStore(StateStoreFactory.Create(sp.GetRequiredService<StateStoreOptions>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()), kill));
            s.AddKeyedSingleton<IConnectorClient>(DeliveryProcessor.ConnectorServiceKey, (sp, _) => new KillableConnector(new HttpConnectorClient(
                sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IBotTokenProvider>(), sp.GetRequiredService<IOptions<BotOptions>>(),
                Options.Create(new ConnectorClientOptions { MaxRetries = 0 }), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<HttpConnectorClient>>()), kill));
        });
        using var survivorA = f.BuildHost(Settings());
        using var survivorB = f.BuildHost(Settings());
        Assert.IsType<KillableStore>(doomed.Services.GetRequiredService<IStateStore>());

        // The plan is published (its 2,000 cards queued) through the doomed instance; then the three instances start.
        var published = await doomed.Services.GetRequiredService<IAssignmentPublisher>().PublishAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        Assert.Equal(n, published.Queued);
        output.WriteLine($"published at {clock.Elapsed.TotalSeconds:F1} s");
        // Killed mid-run: when a third of the cards are out.
        f.Server.OnPosted = count => { if (count >= n / 3) kill.Kill(); };
        await Task.WhenAll(doomed.StartAsync(), survivorA.StartAsync(), survivorB.StartAsync());

        // The dead instance holds leases it will never release nor renew.
        IReadOnlyList<WorkItem> orphaned = [];
        Assert.True(await DeliveryFixture.WaitUntilAsync(async () =>
        {
            if (!kill.Killed) return false;
            await using var s = f.OpenStore();
            orphaned = [.. (await s.Queue.ListAsync(DeliveryFixture.Tenant, DeliveryOptions.QueueName, WorkState.InFlight))
                .Where(i => i.LeaseOwner is not null && kill.Owners.ContainsKey(i.LeaseOwner))];
            return orphaned.Count > 0;
        }, TimeSpan.FromSeconds(60)), $"the doomed instance was never killed while holding leases (posts {f.Server.Posts.Count}, killed {kill.Killed}, owners {kill.Owners.Count}, hung {kill.Hung})");
        output.WriteLine($"killed at {clock.Elapsed.TotalSeconds:F1} s holding {orphaned.Count} leases; posts {f.Server.Posts.Count}");
        Assert.True(kill.SentConversations.Count > 0, "the doomed instance delivered nothing before it was killed");

        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(n), TimeSpan.FromSeconds(120)), "the survivors did not finish");
        output.WriteLine($"all settled at {clock.Elapsed.TotalSeconds:F1} s; 429s {f.Server.Throttled}");
        await Task.WhenAll(survivorA.StopAsync(), survivorB.StopAsync());

        {
            await using var diag = f.OpenStore();
            var all = await diag.Queue.ListAsync(DeliveryFixture.Tenant, DeliveryOptions.QueueName);
            foreach (var (conv, count) in f.Server.PostsPerConversation.Where(kv => kv.Value > 1))
            {
                var it = all.Single(i => FakeConnectorServer.ConversationIdFor(DeliveryPayload.TryParse(i.PayloadJson)!.MemberAadObjectId) == conv);
                output.WriteLine($"DUP {conv} x{count}: attempts {it.Attempts} err {it.LastError} result {it.ResultJson} orphan {orphaned.Any(o => o.Id == it.Id)} doomedSent {kill.SentConversations.ContainsKey(conv)}");
            }
            foreach (var h in new[] { survivorA, survivorB, doomed })
                output.WriteLine(string.Join(", ", h.Services.GetRequiredService<DeliveryWorker>().Outcomes.Select(kv => $"{kv.Key}={kv.Value}")));
        }
        // Every member got exactly one card; none lost.
        Assert.Equal(n, f.Server.PostsPerConversation.Count);
        Assert.All(f.Server.PostsPerConversation, kv => Assert.Equal(1, kv.Value));
        Assert.Equal(f.Members.Select(FakeConnectorServer.ConversationIdFor).Order(), f.Server.PostsPerConversation.Keys.Order());
        Assert.Equal(n, f.Server.Posts.Count);
        Assert.Equal(0, f.Server.Duplicates);

        await using var store = f.OpenStore();
        var items = await store.Queue.ListAsync(DeliveryFixture.Tenant, DeliveryOptions.QueueName);
        Assert.Equal(n, items.Count);
        Assert.All(items, i => Assert.Equal(WorkState.Done, i.State));
        // The orphaned leases were taken over: the items the dead instance held and never posted (those already on the
        // wire when it died finished and committed) are sent, once, by a survivor.
        static string Conv(WorkItem i) => FakeConnectorServer.ConversationIdFor(DeliveryPayload.TryParse(i.PayloadJson)!.MemberAadObjectId);
        var sentByDoomed = kill.SentConversations.Count;
        var byId = items.ToDictionary(i => i.Id);
        var takenOver = orphaned.Where(o => !kill.SentConversations.ContainsKey(Conv(o))).ToList();
        Assert.NotEmpty(takenOver);
        foreach (var o in takenOver)
        {
            var done = byId[o.Id];
            Assert.StartsWith("1:", DeliveryResult.TryParse(done.ResultJson)!.ActivityId);
            Assert.Equal(1, f.Server.PostsPerConversation[Conv(done)]);
        }
        Assert.Equal(n - sentByDoomed, survivorA.Services.GetRequiredService<DeliveryWorker>().Outcomes.GetValueOrDefault(DeliveryOutcome.Sent)
            + survivorB.Services.GetRequiredService<DeliveryWorker>().Outcomes.GetValueOrDefault(DeliveryOutcome.Sent));
        // An orphan whose send was about to start is flagged "possible duplicate" (its journal said "sending"); nothing else is.
        Assert.InRange(items.Count(i => DeliveryResult.TryParse(i.ResultJson)!.PossibleDuplicate), 0, orphaned.Count);
        Assert.Empty(await store.Sync.ListAsync(DeliveryFixture.Tenant, DeliveryProcessor.JournalScope));
        Assert.True(kill.Hung > 0);

        // Cleanup: bury the dead instance (its hung calls throw; its late settles are refused: it holds no lease).
        var stopping = doomed.StopAsync();
        kill.Bury();
        await stopping;
        Assert.Equal(n, f.Server.Posts.Count);
    }
    [Fact]
    public async Task Three_instances_split_the_tenant_ceiling_so_together_they_stay_under_Teams_50_per_second()
    {
        const int n = 600;
        // The test server answers 429 to anything above 50 requests per second for the tenant, as Teams does.
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions { TenantRequestsPerSecond = 50 }, DeliveryFixture.Postgres);
        await f.SeedAsync(n);
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:TenantRequestsPerSecond"] = "50", // the deployment's ceiling, as configured in production
            ["Delivery:CoordinationInterval"] = "00:00:00.500",
            ["Delivery:InstanceTimeToLive"] = "00:00:05",
            ["Delivery:Workers"] = "2",
        };
        using var a = f.BuildHost(settings);
        using var b = f.BuildHost(settings);
        using var c = f.BuildHost(settings);
        IHost[] hosts = [a, b, c];
        await Task.WhenAll(hosts.Select(h => h.StartAsync()));
        static DeliveryRateLimiter Limiter(IHost h) => h.Services.GetRequiredService<DeliveryRateLimiter>();
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => Task.FromResult(hosts.All(h => Limiter(h).Instances == 3)), TimeSpan.FromSeconds(30)),
            "the instances did not see each other: " + string.Join(", ", hosts.Select(h => Limiter(h).Instances)));
        Assert.All(hosts, h => Assert.Equal(16, Limiter(h).TenantRequestsPerSecond));

        var published = await a.Services.GetRequiredService<IAssignmentPublisher>().PublishAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        Assert.Equal(n, published.Queued);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(n), TimeSpan.FromSeconds(120)), "the instances did not finish");
        output.WriteLine($"offered peak {f.Server.PeakTenantOfferedPerSecond} requests/s, admitted peak {f.Server.PeakTenantRequestsPerSecond}; " +
            $"limit violations {f.Server.LimitViolations}");

        // Each sent its part and every member got exactly one card.
        Assert.All(hosts, h => Assert.True(h.Services.GetRequiredService<DeliveryWorker>().Outcomes.GetValueOrDefault(DeliveryOutcome.Sent) > 0));
        Assert.Equal(n, f.Server.PostsPerConversation.Count);
        Assert.All(f.Server.PostsPerConversation, kv => Assert.Equal(1, kv.Value));
        // Together they offered about the ceiling, not three times it (3 × 50 = 150 without the split). Arrival jitter (two
        // database round trips sit between a slot and its request) can bunch a few requests: those few 429s pause and retry.
        Assert.InRange(f.Server.PeakTenantOfferedPerSecond, 1, 65);

        // One instance stops: it leaves, and the other two take its share.
        await c.StopAsync();
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => Task.FromResult(Limiter(a).Instances == 2 && Limiter(b).Instances == 2), TimeSpan.FromSeconds(30)));
        Assert.Equal(25, Limiter(a).TenantRequestsPerSecond);
        await Task.WhenAll(a.StopAsync(), b.StopAsync());
    }
}
