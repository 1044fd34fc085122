namespace TeamsPlans.Storage.Tests;

public abstract partial class StoreContractTests<TProvider>
{
    [Fact]
    public async Task History_is_appended_in_order_per_assignment_and_plan_and_kept_apart_per_tenant()
    {
        var history = HistoryStoreFactory.For(Store);
        var t1 = TestData.Tenant("hist");
        var t2 = TestData.Tenant("hist");
        var created = await history.AppendAsync(new HistoryEntry(t1, "p1", "p1-a1", HistoryEvent.Created, "aad-head", "Ngô Tấn Hưng", HistorySource.Chat, Time.GetUtcNow(), null));
        Time.Advance(TimeSpan.FromMinutes(5));
        var at = Time.GetUtcNow().AddTicks(1234); // sub-millisecond part is not stored
        var returned = await history.AppendAsync(new HistoryEntry(t1, "p1", "p1-a1", HistoryEvent.Returned, "aad-head", "Ngô Tấn Hưng", HistorySource.Card, at, "Thiếu số liệu lớp 10"));
        await history.AppendAsync(new HistoryEntry(t1, "p1", "p1-a2", HistoryEvent.Acknowledged, "aad-cuc", null, HistorySource.Planner, Time.GetUtcNow(), null));
        await history.AppendAsync(new HistoryEntry(t1, "p2", "p2-a1", HistoryEvent.Created, "system", null, HistorySource.Cli, Time.GetUtcNow(), null));
        await history.AppendAsync(new HistoryEntry(t2, "p1", "p1-a1", HistoryEvent.Created, "other", null, HistorySource.Chat, Time.GetUtcNow(), null));

        Assert.True(returned.Sequence > created.Sequence);
        var a1 = await history.ListByAssignmentAsync(t1, "p1-a1");
        Assert.Equal([HistoryEvent.Created, HistoryEvent.Returned], a1.Select(e => e.Event));
        Assert.Equal(HistorySource.Card, a1[1].Source);
        Assert.Equal("Thiếu số liệu lớp 10", a1[1].Detail);
        Assert.Equal("Ngô Tấn Hưng", a1[1].ActorName);
        Assert.Equal(TestData.Start.AddMinutes(5), a1[1].At);
        Assert.Equal(returned.Sequence, a1[1].Sequence);

        var plan = await history.ListByPlanAsync(t1, "p1");
        Assert.Equal(["p1-a1", "p1-a1", "p1-a2"], plan.Select(e => e.AssignmentId));
        Assert.Single(await history.ListByPlanAsync(t2, "p1"));
        Assert.Empty(await history.ListByAssignmentAsync(t2, "p1-a2"));
    }

    [Fact]
    public async Task History_written_by_one_instance_is_read_by_another_and_a_long_detail_is_cut()
    {
        var tenant = TestData.Tenant("hist");
        await HistoryStoreFactory.For(Store).AppendAsync(new HistoryEntry(tenant, "p", "p-a", HistoryEvent.Comment, "aad-x", "X", HistorySource.Card, Time.GetUtcNow(), new string('x', 5000)));
        var other = HistoryStoreFactory.For(NewInstance());
        var e = Assert.Single(await other.ListByAssignmentAsync(tenant, "p-a"));
        Assert.Equal(2000, e.Detail!.Length);
        Assert.Equal(HistoryEvent.Comment, e.Event);
    }
}
