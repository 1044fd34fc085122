namespace TeamsPlans.Storage.Tests;

/// <summary>The queue tally store (IQueueTallyStore) on every provider: counts per key prefix and state, waking by member.</summary>
public abstract partial class StoreContractTests<TProvider>
{
    private const string WaitingReason = "waiting-install";
    private IQueueTallyStore Tally => QueueTallyStores.For(Store) ?? throw new InvalidOperationException("no tally store");

    private static string For(string member) => $"{{\"tenantId\":\"t\",\"kind\":\"x\",\"memberAadObjectId\":\"{member}\"}}";

    /// <summary>
    /// Plan A: a sent card, a skipped card, a waiting card and a waiting reminder of u2 (written U2), a failed card, a card
    /// throttled (Queued, another reason); plan AB (a longer prefix sharing "p:A"), plan B: a waiting card of u3 and one with
    /// a malformed payload; a digest of u2 waiting (no plan prefix); the same key in another tenant, waiting.
    /// </summary>
    private async Task<(string Tenant, string Other, string Queue)> SeedTallyAsync()
    {
        var (t, other, q) = (TestData.Tenant("tally"), TestData.Tenant("tally-other"), NewQueue());
        var items = new (string Tenant, string Kind, string Key, string Payload)[]
        {
            (t, "assignment", "p:A|a:1|m:u1", For("u1")), (t, "assignment", "p:A|a:2|m:u1", For("u1")),
            (t, "assignment", "p:A|a:3|m:u2", For("u2")), (t, "reminder", "p:A|a:3|m:u2|k:reminder", For("U2")),
            (t, "assignment", "p:A|a:4|m:u1", For("u1")), (t, "assignment", "p:A|a:5|m:u1", For("u1")),
            (t, "assignment", "p:AB|a:1|m:u2", For("u2")), (t, "assignment", "p:B|a:1|m:u3", For("u3")),
            (t, "assignment", "p:B|a:2|m:u4", "not json {"), (t, "digest", "digest|h:u2", For("u2")),
            (other, "assignment", "p:A|a:3|m:u2", For("u2")),
        };
        foreach (var i in items) Assert.True(await Store.Queue.EnqueueAsync(i.Tenant, q, i.Kind, i.Key, i.Payload));
        var claimed = (await Store.Queue.ClaimAsync(q, "w", 100, Lease)).ToDictionary(i => (i.TenantId, i.IdempotencyKey));
        Assert.Equal(items.Length, claimed.Count);
        long Id(string key, string? tenant = null) => claimed[(tenant ?? t, key)].Id;
        var later = TestData.Start.AddHours(1);
        Assert.True(await Store.Queue.CompleteAsync(Id("p:A|a:1|m:u1"), "w", "{\"activityId\":\"1:x\"}"));
        Assert.True(await Store.Queue.CompleteAsync(Id("p:A|a:2|m:u1"), "w", "{\"skipped\":\"done\"}"));
        foreach (var key in new[] { "p:A|a:3|m:u2", "p:A|a:3|m:u2|k:reminder", "p:B|a:1|m:u3", "p:B|a:2|m:u4", "digest|h:u2" })
            Assert.True(await Store.Queue.DeferAsync(Id(key), "w", later, WaitingReason + ": HTTP 403 chờ cài ứng dụng"));
        Assert.True(await Store.Queue.DeferAsync(Id("p:A|a:3|m:u2", other), "w", later, WaitingReason + ": HTTP 403"));
        Assert.True(await Store.Queue.FailAsync(Id("p:A|a:4|m:u1"), "w", WorkState.Failed, "HTTP 500"));
        Assert.True(await Store.Queue.DeferAsync(Id("p:A|a:5|m:u1"), "w", later, "HTTP 429 " + WaitingReason));
        Assert.True(await Store.Queue.DeferAsync(Id("p:AB|a:1|m:u2"), "w", later, WaitingReason));
        return (t, other, q);
    }

    [Fact]
    public async Task Tally_counts_per_prefix_kind_and_state_with_the_waiting_members()
    {
        var (t, _, q) = await SeedTallyAsync();
        var rows = await Tally.TallyAsync(t, q, ["p:A|", "p:B|", "p:none|", "p:A|"], WaitingReason);
        string Row(QueueTally r) => $"{r.KeyPrefix} {r.Kind} {r.State} skipped={r.Skipped} waiting={r.Waiting} {r.WaitingMember ?? "-"} {r.Count}";
        string[] expected =
        [
            "p:A| assignment Done skipped=False waiting=False - 1",
            "p:A| assignment Done skipped=True waiting=False - 1",
            "p:A| assignment Failed skipped=False waiting=False - 1",
            "p:A| assignment Queued skipped=False waiting=False - 1",
            "p:A| assignment Queued skipped=False waiting=True u2 1",
            "p:A| reminder Queued skipped=False waiting=True U2 1",
            "p:B| assignment Queued skipped=False waiting=True - 1",
            "p:B| assignment Queued skipped=False waiting=True u3 1",
        ];
        Assert.Equal(expected, rows.Select(Row).Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(await Tally.TallyAsync(t, q, [], WaitingReason));
        Assert.Empty(await Tally.TallyAsync(TestData.Tenant("empty"), q, ["p:A|"], WaitingReason));
        await Assert.ThrowsAsync<ArgumentException>(() => Tally.TallyAsync(t, q, [""], WaitingReason));
    }

    [Fact]
    public async Task Wake_makes_due_now_the_waiting_items_of_one_member_only()
    {
        var (t, other, q) = await SeedTallyAsync();
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(4, await Tally.WakeWaitingAsync(t, q, WaitingReason, "U2")); // A card, reminder, AB card, digest; not the other tenant's
        var woken = Time.GetUtcNow();
        var items = (await Store.Queue.ListAsync(t, q)).ToDictionary(i => i.IdempotencyKey);
        foreach (var key in new[] { "p:A|a:3|m:u2", "p:A|a:3|m:u2|k:reminder", "p:AB|a:1|m:u2", "digest|h:u2" })
            Assert.Equal(woken, items[key].NotBefore);
        // Not waiting (another reason, or the marker not at the start), another member, another tenant: unchanged.
        Assert.Equal(TestData.Start.AddHours(1), items["p:A|a:5|m:u1"].NotBefore);
        Assert.Equal(TestData.Start.AddHours(1), items["p:B|a:1|m:u3"].NotBefore);
        Assert.Equal(TestData.Start.AddHours(1), (await Store.Queue.GetAsync(other, q, "p:A|a:3|m:u2"))!.NotBefore);
        Assert.Equal(0, await Tally.WakeWaitingAsync(t, q, WaitingReason, "nobody"));
        Assert.Equal(1, await Tally.WakeWaitingAsync(t, q, WaitingReason, "u3"));
    }

    [Fact]
    public async Task List_by_prefix_reads_one_key_range()
    {
        var (t, _, q) = await SeedTallyAsync();
        var keys = (await Tally.ListByPrefixAsync(t, q, "p:A|")).Select(i => i.IdempotencyKey).ToArray();
        Assert.Equal(["p:A|a:1|m:u1", "p:A|a:2|m:u1", "p:A|a:3|m:u2", "p:A|a:3|m:u2|k:reminder", "p:A|a:4|m:u1", "p:A|a:5|m:u1"], keys);
        Assert.Equal(["digest|h:u2"], (await Tally.ListByPrefixAsync(t, q, "digest|")).Select(i => i.IdempotencyKey).ToArray());
        Assert.Empty(await Tally.ListByPrefixAsync(t, q, "p:C|"));
    }
}
