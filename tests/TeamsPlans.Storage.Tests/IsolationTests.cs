using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage.Tests;

public abstract partial class StoreContractTests<TProvider>
{
    [Fact]
    public async Task Tenant_B_never_reads_or_changes_tenant_A_rows()
    {
        var a = TestData.Tenant("a");
        var b = TestData.Tenant("b");
        var q = NewQueue();
        // Tenant A owns one of everything.
        await Store.Plans.UpsertAsync(TestData.Plan(a, "p1", "82/KH-THPT", "A's plan", "15/KH-SGDĐT"));
        await Store.Members.UpsertAsync(new Member(a, "u1", "Người A", null, null, null, MemberRoles.Member, null));
        await Store.Conversations.UpsertAsync(new ConversationRef(a, "u1", "29:1", "a:1", "https://smba/", "28:bot", "msteams", TestData.Start));
        await Store.Assignments.UpsertManyAsync([TestData.Assignment(a, "as1", "p1", 1, member: "u1")]);
        await Store.Reports.AddAsync(new ReportSubmission(a, "r1", "as1", "2024-05-10", "f.docx", null, "u1", TestData.Start));
        await Store.Sync.PutAsync(new SyncEntry(a, "planner", "as1", "task-1", null, null, TestData.Start));
        await Store.Queue.EnqueueAsync(a, q, "send", "k1", "{}");
        await Store.Queue.EnqueueAsync(a, q, "send", "k2", "{}");
        var claimed = await Store.Queue.ClaimAsync(q, "w", 1, TimeSpan.FromMinutes(1));
        await Store.Queue.FailAsync(claimed[0].Id, "w", WorkState.Failed, "x");

        // Every read/list with tenant B returns nothing.
        Assert.Null(await Store.Plans.GetAsync(b, "p1"));
        Assert.Null(await Store.Plans.FindByNumberAsync(b, "82/KH-THPT"));
        Assert.Empty(await Store.Plans.ListAsync(b));
        Assert.Empty(await Store.Plans.ListImplementingAsync([b], "15/KH-SGDĐT"));
        Assert.Null(await Store.Members.GetAsync(b, "u1"));
        Assert.Empty(await Store.Members.ListAsync(b));
        Assert.Null(await Store.Conversations.GetAsync(b, "u1"));
        Assert.Empty(await Store.Conversations.ListAsync(b));
        Assert.Null(await Store.Assignments.GetAsync(b, "as1"));
        Assert.Empty(await Store.Assignments.ListByPlanAsync(b, "p1"));
        Assert.Empty(await Store.Assignments.ListByMemberAsync(b, "u1"));
        Assert.Empty(await Store.Reports.ListByAssignmentAsync(b, "as1"));
        Assert.Empty(await Store.Reports.ListByTenantsAsync([b]));
        Assert.Null(await Store.Sync.GetAsync(b, "planner", "as1"));
        Assert.Empty(await Store.Sync.ListAsync(b, "planner"));
        Assert.Null(await Store.Queue.GetAsync(b, q, "k1"));
        Assert.Empty(await Store.Queue.ListAsync(b, q));
        Assert.All((await Store.Queue.CountsAsync(b, q)).Values, n => Assert.Equal(0, n));

        // Updates naming tenant B change nothing of A's.
        var (updated, current) = await Store.Assignments.TryUpdateStateAsync(b, "as1", 1, AssignmentState.New.Apply(AssignmentAction.Done, Time.GetUtcNow()));
        Assert.False(updated);
        Assert.Null(current);
        await Store.Assignments.SetMemberAsync(b, "as1", "intruder");
        await Store.Assignments.SetCardAsync(b, "as1", "act", "conv");
        await Store.Conversations.MarkBlockedAsync(b, "u1", "x");
        await Store.Sync.DeleteAsync(b, "planner", "as1");
        Assert.Equal(0, await Store.Queue.RequeueFailedAsync(b, q));

        var asg = await Store.Assignments.GetAsync(a, "as1");
        Assert.Equal(AssignmentStatus.Assigned, asg!.State.Status);
        Assert.Equal("u1", asg.MemberAadObjectId);
        Assert.Null(asg.CardActivityId);
        Assert.False((await Store.Conversations.GetAsync(a, "u1"))!.Blocked);
        Assert.NotNull(await Store.Sync.GetAsync(a, "planner", "as1"));
        Assert.Equal(WorkState.Failed, (await Store.Queue.GetAsync(a, q, claimed[0].IdempotencyKey))!.State);

        // The same ids written by tenant B are separate rows.
        await Store.Plans.UpsertAsync(TestData.Plan(b, "p1", "82/KH-THPT", "B's plan"));
        await Store.Assignments.UpsertManyAsync([TestData.Assignment(b, "as1", "p1", 1, member: "other") with { Duty = "B" }]);
        await Store.Members.UpsertAsync(new Member(b, "u1", "Người B", null, null, null, MemberRoles.Admin, null));
        Assert.True(await Store.Queue.EnqueueAsync(b, q, "send", "k1", "{\"b\":1}"));
        Assert.Equal("A's plan", (await Store.Plans.GetAsync(a, "p1"))!.Title);
        Assert.Equal("A's plan", (await Store.Plans.FindByNumberAsync(a, "82/KH-THPT"))!.Title);
        Assert.Equal("B's plan", (await Store.Plans.FindByNumberAsync(b, "82/KH-THPT"))!.Title);
        Assert.Single(await Store.Plans.ListImplementingAsync([a, b], "15/KH-SGDĐT"));
        Assert.NotEqual("B", (await Store.Assignments.GetAsync(a, "as1"))!.Duty);
        Assert.Equal("Người A", (await Store.Members.GetAsync(a, "u1"))!.DisplayName);
        Assert.Equal("{}", (await Store.Queue.GetAsync(a, q, "k1"))!.PayloadJson);
        Assert.Single(await Store.Plans.ListAsync(a));
    }
}
