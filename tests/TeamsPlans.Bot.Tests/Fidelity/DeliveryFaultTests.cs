using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Storage;
using TeamsPlans.Testing;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// The delivery queue against the strict fake connector: answers Teams documents (msteams-docs, "Messages in bot
/// conversations", Status code responses; "Optimize your bot with rate limiting") and what the bot must do with them.
/// </summary>
[Collection("Delivery")]
public sealed class DeliveryFaultTests
{
    private static async Task PublishAsync(IHost host) =>
        await host.Services.GetRequiredService<IAssignmentPublisher>().PublishAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, CancellationToken.None);

    [Fact]
    public async Task A_500_from_the_connector_for_a_send_is_not_retried_it_may_have_been_posted()
    {
        var broken = DeliveryFixture.MemberId(1);
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions { ServerErrorMembers = { broken } });
        await f.SeedAsync(3);
        using var host = f.BuildHost(new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = "5" });
        await host.StartAsync();
        await PublishAsync(host);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(3), TimeSpan.FromSeconds(60)));
        await host.StopAsync();

        Assert.Equal(1, f.Server.PostAttemptsPerMember[broken]);
        var report = await host.Services.GetRequiredService<DeliveryService>().GetStatusAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        var failed = Assert.Single(report.Items, i => i.State == DeliveryStates.Failed);
        Assert.Equal(broken, failed.MemberAadObjectId);
        Assert.Contains("HTTP 500", failed.Reason);
    }

    [Fact]
    public async Task A_503_is_retried_until_the_last_attempt()
    {
        var down = DeliveryFixture.MemberId(2);
        await using var f = await DeliveryFixture.CreateAsync(new FakeConnectorOptions { UnavailableMembers = { down } });
        await f.SeedAsync(3);
        using var host = f.BuildHost(new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = "3" });
        await host.StartAsync();
        await PublishAsync(host);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(3), TimeSpan.FromSeconds(60)));
        await host.StopAsync();
        Assert.Equal(3, f.Server.PostAttemptsPerMember[down]);
        Assert.Equal(2, f.Server.Posts.Count);
    }

    [Fact]
    public async Task A_conversation_Teams_no_longer_knows_is_dropped_and_recreated_and_the_card_arrives_there()
    {
        await using var f = await DeliveryFixture.CreateAsync();
        await f.SeedAsync(3);
        var lost = DeliveryFixture.MemberId(1);
        var stale = FakeConnectorServer.ConversationIdFor(lost);
        f.Server.ExpireConversation(stale);
        using var host = f.BuildHost();
        await host.StartAsync();
        await PublishAsync(host);
        Assert.True(await DeliveryFixture.WaitUntilAsync(() => f.AllSettledAsync(3), TimeSpan.FromSeconds(60)));
        await host.StopAsync();

        var fresh = f.Server.CurrentConversationIdFor(lost);
        Assert.NotEqual(stale, fresh);
        Assert.Equal(3, f.Server.Posts.Count);
        Assert.Contains(f.Server.Posts, p => p.ConversationId == fresh);
        await using var store = f.OpenStore();
        Assert.Equal(fresh, (await store.Conversations.GetAsync(DeliveryFixture.Tenant, lost))!.ConversationId);
        var report = await host.Services.GetRequiredService<DeliveryService>().GetStatusAsync(DeliveryFixture.Tenant, DeliveryFixture.PlanId, default);
        Assert.DoesNotContain(report.Items, i => i.State == DeliveryStates.Failed);
    }

    [Fact]
    public async Task A_429_without_Retry_After_backs_off_exponentially_with_jitter_not_a_flat_pause()
    {
        await using var f = await DeliveryFixture.CreateAsync();
        using var host = f.BuildHost(new Dictionary<string, string?> { ["Delivery:DefaultThrottlePause"] = "00:00:01", ["Delivery:RetryMaxDelay"] = "00:01:00" });
        var processor = host.Services.GetRequiredService<DeliveryProcessor>();
        for (var n = 0; n < 6; n++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Pow(2, n));
            var pauses = Enumerable.Range(0, 20).Select(_ => processor.ThrottlePause(null, n)).ToList();
            Assert.All(pauses, p => Assert.InRange(p, ceiling / 2, ceiling));
            Assert.True(pauses.Distinct().Count() > 1, "jittered");
        }
        Assert.InRange(processor.ThrottlePause(null, 12), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)); // capped by RetryMaxDelay
        Assert.Equal(TimeSpan.FromSeconds(7), processor.ThrottlePause(TimeSpan.FromSeconds(7), 5)); // Retry-After wins
    }
}
