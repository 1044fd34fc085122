using System.Collections.Concurrent;

namespace TeamsPlans.Storage.Tests;

public abstract partial class StoreContractTests<TProvider>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static string NewQueue() => "q-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Enqueue_is_idempotent_per_tenant_queue_and_key()
    {
        var t = TestData.Tenant("school");
        var q = NewQueue();
        Assert.True(await Store.Queue.EnqueueAsync(t, q, "card", "plan1:a1", "{\"n\":1}"));
        Assert.False(await Store.Queue.EnqueueAsync(t, q, "card", "plan1:a1", "{\"n\":2}"));
        Assert.True(await Store.Queue.EnqueueAsync(t, q + "-other", "card", "plan1:a1", "{}"));
        Assert.True(await Store.Queue.EnqueueAsync(TestData.Tenant("other"), q, "card", "plan1:a1", "{}"));

        var item = await Store.Queue.GetAsync(t, q, "plan1:a1");
        Assert.NotNull(item);
        Assert.Equal("{\"n\":1}", item.PayloadJson); // the first one is kept
        Assert.Equal(WorkState.Queued, item.State);
        Assert.Equal(0, item.Attempts);
        Assert.Equal(TestData.Start, item.NotBefore);
        Assert.Equal(TestData.Start, item.CreatedAt);
        Assert.Null(item.LeaseOwner);
        Assert.Single(await Store.Queue.ListAsync(t, q));
    }

    [Fact]
    public async Task Claim_leases_items_oldest_first_and_expired_leases_are_taken_over()
    {
        var t = TestData.Tenant("school");
        var q = NewQueue();
        for (var i = 0; i < 5; i++) await Store.Queue.EnqueueAsync(t, q, "send", $"k{i}", "{}");
        await Store.Queue.EnqueueAsync(t, q, "send", "later", "{}", TestData.Start.AddHours(1));

        var first = await Store.Queue.ClaimAsync(q, "w1", 3, Lease);
        Assert.Equal(["k0", "k1", "k2"], first.Select(i => i.IdempotencyKey).ToArray());
        Assert.All(first, i =>
        {
            Assert.Equal(WorkState.InFlight, i.State);
            Assert.Equal("w1", i.LeaseOwner);
            Assert.Equal(TestData.Start + Lease, i.LeaseUntil);
        });
        var second = await Store.Queue.ClaimAsync(q, "w2", 10, Lease);
        Assert.Equal(["k3", "k4"], second.Select(i => i.IdempotencyKey).ToArray()); // "later" is not due
        Assert.Empty(await Store.Queue.ClaimAsync(q, "w3", 10, Lease));

        // w1 renews one lease; then w1 "crashes". After 31 s its other leases have expired.
        Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await Store.Queue.RenewAsync(first[0].Id, "w1", Lease));
        Assert.False(await Store.Queue.RenewAsync(first[1].Id, "w2", Lease));
        Assert.True(await Store.Queue.CompleteAsync(second[0].Id, "w2"));
        Assert.True(await Store.Queue.CompleteAsync(second[1].Id, "w2"));
        Time.Advance(TimeSpan.FromSeconds(11));
        var takeover = await Store.Queue.ClaimAsync(q, "w3", 10, Lease);
        Assert.Equal(["k1", "k2"], takeover.Select(i => i.IdempotencyKey).ToArray());
        Assert.All(takeover, i => Assert.Equal("w3", i.LeaseOwner));

        // The crashed owner cannot complete, retry or fail what it lost.
        Assert.False(await Store.Queue.CompleteAsync(first[1].Id, "w1"));
        Assert.False(await Store.Queue.RetryAsync(first[2].Id, "w1", Time.GetUtcNow(), "x"));
        Assert.False(await Store.Queue.FailAsync(first[2].Id, "w1", WorkState.Failed, "x"));
        Assert.True(await Store.Queue.CompleteAsync(first[1].Id, "w3", "{\"activityId\":\"1\"}"));
        // ...but still owns the one it renewed.
        Assert.True(await Store.Queue.CompleteAsync(first[0].Id, "w1"));

        var done = await Store.Queue.GetAsync(t, q, "k1");
        Assert.Equal(WorkState.Done, done!.State);
        Assert.Equal("{\"activityId\":\"1\"}", done.ResultJson);
        Assert.Null(done.LeaseUntil);
        // Done items are never claimed again, even when time moves on.
        Time.Advance(TimeSpan.FromHours(2));
        var rest = await Store.Queue.ClaimAsync(q, "w4", 10, Lease);
        Assert.Equal(["k2", "later"], rest.Select(i => i.IdempotencyKey).Order().ToArray());
    }

    [Fact]
    public async Task Complete_by_a_non_owner_is_refused_and_changes_nothing()
    {
        var t = TestData.Tenant("school");
        var q = NewQueue();
        await Store.Queue.EnqueueAsync(t, q, "send", "k", "{}");
        var item = (await Store.Queue.ClaimAsync(q, "owner", 1, Lease)).Single();
        Assert.False(await Store.Queue.CompleteAsync(item.Id, "intruder"));
        Assert.False(await Store.Queue.RetryAsync(item.Id, "intruder", Time.GetUtcNow(), "e"));
        Assert.False(await Store.Queue.FailAsync(item.Id, "intruder", WorkState.Blocked, "e"));
        Assert.False(await Store.Queue.CompleteAsync(item.Id + 1_000_000, "owner"));
        var now = await Store.Queue.GetAsync(t, q, "k");
        Assert.Equal(WorkState.InFlight, now!.State);
        Assert.Equal("owner", now.LeaseOwner);
        Assert.True(await Store.Queue.CompleteAsync(item.Id, "owner"));
        Assert.False(await Store.Queue.CompleteAsync(item.Id, "owner")); // not in flight any more
    }

    [Fact]
    public async Task Retry_respects_not_before_and_counts_attempts()
    {
        var t = TestData.Tenant("school");
        var q = NewQueue();
        await Store.Queue.EnqueueAsync(t, q, "send", "k", "{}");
        var item = (await Store.Queue.ClaimAsync(q, "w", 1, Lease)).Single();
        var backoff = Time.GetUtcNow().AddMinutes(2);
        Assert.True(await Store.Queue.RetryAsync(item.Id, "w", backoff, "429 Too Many Requests"));

        var queued = await Store.Queue.GetAsync(t, q, "k");
        Assert.Equal(WorkState.Queued, queued!.State);
        Assert.Equal(1, queued.Attempts);
        Assert.Equal(backoff, queued.NotBefore);
        Assert.Equal("429 Too Many Requests", queued.LastError);
        Assert.Null(queued.LeaseOwner);
        Assert.Null(queued.LeaseUntil);

        Assert.Empty(await Store.Queue.ClaimAsync(q, "w", 1, Lease));
        Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Store.Queue.ClaimAsync(q, "w", 1, Lease));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        var again = (await Store.Queue.ClaimAsync(q, "w2", 1, Lease)).Single();
        Assert.Equal(item.Id, again.Id);
        Assert.Equal(1, again.Attempts);
        Assert.True(await Store.Queue.RetryAsync(again.Id, "w2", Time.GetUtcNow(), "timeout"));
        Assert.Equal(2, (await Store.Queue.GetAsync(t, q, "k"))!.Attempts);
    }

    [Fact]
    public async Task Defer_requeues_without_counting_an_attempt_and_only_for_the_owner()
    {
        var t = TestData.Tenant("school");
        var q = NewQueue();
        await Store.Queue.EnqueueAsync(t, q, "send", "k", "{}");
        var item = (await Store.Queue.ClaimAsync(q, "w", 1, Lease)).Single();
        var until = Time.GetUtcNow().AddSeconds(90);
        Assert.False(await Store.Queue.DeferAsync(item.Id, "other", until, "429"));
        Assert.True(await Store.Queue.DeferAsync(item.Id, "w", until, "429 tenant paused"));
        var deferred = await Store.Queue.GetAsync(t, q, "k");
        Assert.Equal(WorkState.Queued, deferred!.State);
        Assert.Equal(0, deferred.Attempts);
        Assert.Equal(until, deferred.NotBefore);
        Assert.Equal("429 tenant paused", deferred.LastError);
        Assert.Null(deferred.LeaseOwner);
        Assert.Empty(await Store.Queue.ClaimAsync(q, "w", 1, Lease));
        Time.Advance(TimeSpan.FromSeconds(90));
        Assert.Single(await Store.Queue.ClaimAsync(q, "w", 1, Lease));
    }

    [Fact]
    public async Task Fail_is_terminal_and_requeue_brings_back_failed_items_only()
    {
        var t = TestData.Tenant("school");
        var q = NewQueue();
        foreach (var k in new[] { "plan1:a", "plan1:b", "plan2:a", "plan1:blocked", "plan1:done", "plan1:queued" })
            await Store.Queue.EnqueueAsync(t, q, "send", k, "{}");
        var claimed = (await Store.Queue.ClaimAsync(q, "w", 5, Lease)).ToDictionary(i => i.IdempotencyKey);
        Assert.Equal(5, claimed.Count);
        Assert.True(await Store.Queue.FailAsync(claimed["plan1:a"].Id, "w", WorkState.Failed, "404 conversation not found"));
        Assert.True(await Store.Queue.FailAsync(claimed["plan1:b"].Id, "w", WorkState.Failed, "500"));
        Assert.True(await Store.Queue.FailAsync(claimed["plan2:a"].Id, "w", WorkState.Failed, "500"));
        Assert.True(await Store.Queue.FailAsync(claimed["plan1:blocked"].Id, "w", WorkState.Blocked, "403 user blocked the bot"));
        Assert.True(await Store.Queue.CompleteAsync(claimed["plan1:done"].Id, "w"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.Queue.FailAsync(claimed["plan1:done"].Id, "w", WorkState.Done, "x"));

        var failed = await Store.Queue.GetAsync(t, q, "plan1:a");
        Assert.Equal(WorkState.Failed, failed!.State);
        Assert.Equal("404 conversation not found", failed.LastError);
        Assert.Equal(1, failed.Attempts);
        Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(["plan1:queued"], (await Store.Queue.ClaimAsync(q, "w", 10, Lease)).Select(i => i.IdempotencyKey).ToArray());

        var counts = await Store.Queue.CountsAsync(t, q);
        Assert.Equal(0, counts[WorkState.Queued]);
        Assert.Equal(1, counts[WorkState.InFlight]);
        Assert.Equal(1, counts[WorkState.Done]);
        Assert.Equal(3, counts[WorkState.Failed]);
        Assert.Equal(1, counts[WorkState.Blocked]);

        Assert.Equal(0, await Store.Queue.RequeueFailedAsync(TestData.Tenant("other"), q));
        Assert.Equal(0, await Store.Queue.RequeueFailedAsync(t, q, "plan3:"));
        Assert.Equal(2, await Store.Queue.RequeueFailedAsync(t, q, "plan1:"));
        Assert.Equal(WorkState.Failed, (await Store.Queue.GetAsync(t, q, "plan2:a"))!.State);
        Assert.Equal(WorkState.Blocked, (await Store.Queue.GetAsync(t, q, "plan1:blocked"))!.State);
        Assert.Equal(["plan1:a", "plan1:b"], (await Store.Queue.ListAsync(t, q, WorkState.Queued)).Select(i => i.IdempotencyKey).ToArray());
        Assert.Equal(1, await Store.Queue.RequeueFailedAsync(t, q));
        Assert.Equal(["plan1:a", "plan1:b", "plan2:a"], (await Store.Queue.ClaimAsync(q, "w", 10, Lease)).Select(i => i.IdempotencyKey).ToArray());
        Assert.Equal(6, (await Store.Queue.ListAsync(t, q)).Count);
    }

    [Fact]
    public async Task Requeue_prefix_is_literal_not_a_pattern()
    {
        var t = TestData.Tenant("school");
        var q = NewQueue();
        foreach (var k in new[] { "a%b:1", "axb:1", "a_b:1" }) await Store.Queue.EnqueueAsync(t, q, "send", k, "{}");
        foreach (var i in await Store.Queue.ClaimAsync(q, "w", 10, Lease)) await Store.Queue.FailAsync(i.Id, "w", WorkState.Failed, "x");
        Assert.Equal(1, await Store.Queue.RequeueFailedAsync(t, q, "a%"));
        Assert.Equal(1, await Store.Queue.RequeueFailedAsync(t, q, "a_"));
        Assert.Equal(["a%b:1", "a_b:1"], (await Store.Queue.ListAsync(t, q, WorkState.Queued)).Select(i => i.IdempotencyKey).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Four_instances_claim_two_thousand_items_each_exactly_once()
    {
        const int N = 2000;
        var tenants = new[] { TestData.Tenant("a"), TestData.Tenant("b") };
        var q = NewQueue();
        for (var i = 0; i < N; i++) await Store.Queue.EnqueueAsync(tenants[i % 2], q, "send", $"k{i:0000}", $"{{\"i\":{i}}}");

        var claims = new ConcurrentBag<(long Id, string Owner)>();
        var instances = Enumerable.Range(0, 4).Select(_ => NewInstance()).ToList();
        using var ready = new CountdownEvent(instances.Count);
        var workers = instances.Select((s, w) => Task.Factory.StartNew(async () =>
        {
            var owner = $"worker-{w}";
            ready.Signal();
            ready.Wait(); // all four start together
            while (true)
            {
                var batch = await s.Queue.ClaimAsync(q, owner, 7, TimeSpan.FromMinutes(5));
                if (batch.Count == 0) return;
                foreach (var item in batch)
                {
                    claims.Add((item.Id, owner));
                    Assert.True(await s.Queue.CompleteAsync(item.Id, owner));
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(N, claims.Count);
        Assert.Equal(N, claims.Select(c => c.Id).Distinct().Count());
        Assert.True(claims.Select(c => c.Owner).Distinct().Count() >= 2, "the work was shared between instances: " + string.Join(", ", claims.GroupBy(c => c.Owner).Select(g => $"{g.Key}={g.Count()}")));
        foreach (var t in tenants)
        {
            var counts = await Store.Queue.CountsAsync(t, q);
            Assert.Equal(N / 2, counts[WorkState.Done]);
            Assert.Equal(0, counts[WorkState.Queued] + counts[WorkState.InFlight]);
        }
    }

    /// <summary>
    /// Three instances deliver 2,000 items; one is killed mid-run after claiming a batch: it sent half of that batch
    /// (recorded at the sink) and never completed any of it. After its lease expires the survivors take the batch
    /// over. The sink records each send under a unique idempotency key, so re-sending what the dead instance already
    /// sent is recognized and not delivered twice: every item is delivered exactly once and every item is Done.
    /// </summary>
    [Fact]
    public async Task Killed_instance_leases_expire_and_survivors_deliver_everything_exactly_once()
    {
        const int N = 2000, Batch = 20, KillAtClaim = 3;
        var t = TestData.Tenant("school");
        var q = NewQueue();
        await using (var c = await Provider.OpenRawAsync())
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"CREATE TABLE IF NOT EXISTS test_deliveries (idempotency_key text NOT NULL PRIMARY KEY, instance text NOT NULL)";
            await cmd.ExecuteNonQueryAsync();
        }
        for (var i = 0; i < N; i++) await Store.Queue.EnqueueAsync(t, q, "proactive", $"{q}:{i:0000}", "{}");

        var sendAttempts = 0;
        var duplicatesSuppressed = 0;
        async Task<bool> SendAsync(string key, string instance)
        {
            Interlocked.Increment(ref sendAttempts);
            await using var c = await Provider.OpenRawAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO test_deliveries (idempotency_key, instance) VALUES (@k, @i) ON CONFLICT (idempotency_key) DO NOTHING";
            var pk = cmd.CreateParameter(); pk.ParameterName = "@k"; pk.Value = key; cmd.Parameters.Add(pk);
            var pi = cmd.CreateParameter(); pi.ParameterName = "@i"; pi.Value = instance; cmd.Parameters.Add(pi);
            var inserted = await cmd.ExecuteNonQueryAsync() == 1;
            if (!inserted) Interlocked.Increment(ref duplicatesSuppressed);
            return inserted;
        }

        using var stop = new CancellationTokenSource();
        var instances = Enumerable.Range(0, 3).Select(_ => NewInstance()).ToList();
        var killedHeld = new List<WorkItem>();
        var killedSent = 0;

        async Task Worker(IStateStore s, string owner, bool killable)
        {
            var claimsMade = 0;
            while (!stop.IsCancellationRequested)
            {
                var batch = await s.Queue.ClaimAsync(q, owner, Batch, Lease);
                if (batch.Count == 0) { await Task.Delay(5); continue; }
                claimsMade++;
                if (killable && claimsMade == KillAtClaim)
                {
                    // Killed: sends the first half, then the process dies before completing anything of this batch.
                    killedHeld.AddRange(batch);
                    foreach (var item in batch.Take(batch.Count / 2)) { await SendAsync(item.IdempotencyKey, owner); killedSent++; }
                    return;
                }
                foreach (var item in batch)
                {
                    await SendAsync(item.IdempotencyKey, owner); // a duplicate key means "already sent": still complete
                    Assert.True(await s.Queue.CompleteAsync(item.Id, owner), $"{owner} lost the lease on {item.IdempotencyKey}");
                }
            }
        }

        var killed = Task.Run(() => Worker(instances[0], "instance-0", killable: true));
        var survivors = new[] { Task.Run(() => Worker(instances[1], "instance-1", false)), Task.Run(() => Worker(instances[2], "instance-2", false)) };
        await killed.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(Batch, killedHeld.Count);

        // Everything except the dead instance's batch gets done; its items stay leased until the lease expires.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        IReadOnlyDictionary<WorkState, int> counts;
        while (true)
        {
            counts = await Store.Queue.CountsAsync(t, q);
            if (counts[WorkState.Done] == N - Batch) break;
            Assert.True(DateTime.UtcNow < deadline, $"survivors stalled: {string.Join(", ", counts)}");
            await Task.Delay(20);
        }
        Assert.Equal(Batch, counts[WorkState.InFlight]);
        Assert.All(await Store.Queue.ListAsync(t, q, WorkState.InFlight), i => Assert.Equal("instance-0", i.LeaseOwner));

        Time.Advance(Lease + TimeSpan.FromSeconds(1));
        while ((counts = await Store.Queue.CountsAsync(t, q))[WorkState.Done] != N)
        {
            Assert.True(DateTime.UtcNow < deadline, $"take-over stalled: {string.Join(", ", counts)}");
            await Task.Delay(20);
        }
        stop.Cancel();
        await Task.WhenAll(survivors).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(N, await ScalarAsync("SELECT COUNT(*) FROM test_deliveries WHERE idempotency_key LIKE '" + q + ":%'"));
        Assert.Equal(Batch / 2, killedSent);
        Assert.Equal(N + killedSent, sendAttempts);          // the dead instance's sent items were attempted again...
        Assert.Equal(killedSent, duplicatesSuppressed);       // ...and recognized at the sink, not delivered twice
        var items = await Store.Queue.ListAsync(t, q);
        Assert.Equal(N, items.Count);
        Assert.All(items, i => Assert.Equal(WorkState.Done, i.State));
        var heldIds = killedHeld.Select(i => i.Id).ToHashSet();
        Assert.All(items.Where(i => heldIds.Contains(i.Id)), i => Assert.NotEqual("instance-0", i.LeaseOwner));
    }
}
