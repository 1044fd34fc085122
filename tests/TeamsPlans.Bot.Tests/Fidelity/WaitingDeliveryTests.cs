using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Storage;
using TeamsPlans.Bot.Delivery;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// Members the bot cannot reach yet (issue 12, issue 19): Teams refuses CreateConversation with 403 while the app is not
/// installed for the user, and for a while after an install made through Microsoft Graph (msteams-docs, "Proactive
/// messages"; "Send a personal welcome message": after the Graph install the bot receives the install activity). The cards
/// wait, are counted honestly and arrive as soon as the member can be reached; removing the app drops the stored chat.
/// </summary>
public sealed class WaitingDeliveryTests
{
    /// <summary>DeliveryStates.Waiting, spelled out so that this file compiled against the product before the fix.</summary>
    private const string Waiting = "waiting";
    private static readonly TestUser Newcomer = TestUser.Realistic("newcomer", "Phạm Văn Mới");

    private static async Task PublishToNewcomerAsync(BotHarness h)
    {
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u);
        await h.Store.Members.UpsertAsync(new Member(Tenant, Newcomer.Aad, Newcomer.Name, "moi@bk.edu.vn", null, null, MemberRoles.Member, "vi-VN"));
        await h.SayAsync(Hung, "nhập kế hoạch 001");
        var data = ActionData(h.Connector.CardsIn(Hung.Conversation).Last(), "publish");
        data[TeamsPlans.Bot.Cards.CardVerbs.MapInputPrefix + Plan82 + "-a3"] = Newcomer.Aad;
        var (_, body) = await h.InvokeAsync(Hung, "publish", data);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
    }

    private static async Task<DeliveryStatusItem> NewcomerCardAsync(BotHarness h) =>
        Assert.Single((await h.Services.GetRequiredService<DeliveryService>().GetStatusAsync(Tenant, Plan82, default)).Items,
            i => i.MemberAadObjectId == Newcomer.Aad && i.Kind == DeliveryKinds.Assignment);

    [Fact]
    public async Task A_card_to_a_member_without_the_app_waits_is_counted_and_arrives_when_they_install()
    {
        await using var h = await StartAsync();
        h.Connector.NotInstalled[Newcomer.Aad] = true;
        await PublishToNewcomerAsync(h);

        // Not a failure: the card waits for the install, and nothing reached the newcomer.
        Assert.Equal(Waiting, (await NewcomerCardAsync(h)).State);
        Assert.Empty(h.Connector.CardsIn(Newcomer.Conversation));

        // The status card counts honestly: given = every resolved assignee, reached = all but the newcomer's card.
        var given = (await h.Store.Assignments.ListByPlanAsync(Tenant, Plan82)).Count(a => a.MemberAadObjectId is not null);
        await h.SayAsync(Hung, "tình hình");
        var status = Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains($"Đã giao {given} · đã đến {given - 1} · chờ cài ứng dụng 1", status);

        // "Nhắc nhở" says how many people cannot be reached yet.
        var (_, r) = await h.InvokeAsync(Hung, "remind", ActionData(h.Connector.CardsIn(Hung.Conversation).Last(), "remind"));
        Assert.Equal(200, r["statusCode"]!.GetValue<int>());
        Assert.Contains(h.Connector.TextsIn(Hung.Conversation), t => t.Contains("1 người chưa cài ứng dụng", StringComparison.Ordinal));

        // The newcomer installs the app (conversationUpdate with the bot in membersAdded): the card arrives at once.
        await h.InstallAsync(Newcomer);
        Assert.Contains(h.Connector.CardsIn(Newcomer.Conversation), c => Objects(c).Any(o => o["verb"]?.GetValue<string>() == "refresh"));
        Assert.Equal(DeliveryStates.Sent, (await NewcomerCardAsync(h)).State);
        await h.SayAsync(Hung, "tình hình");
        Assert.Contains($"Đã giao {given} · đã đến {given} · chờ cài ứng dụng 0", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
    }

    [Fact]
    public async Task After_a_Graph_install_CreateConversation_is_retried_with_backoff_until_Teams_has_the_install()
    {
        var installer = new HarnessGraphInstaller();
        await using var h = await StartAsync(new Dictionary<string, string>
        {
            ["Delivery:InstallForUsers"] = "true", ["Delivery:TeamsAppCatalogId"] = "catalog-app-1",
        }, s => s.AddSingleton<IAppInstaller>(installer));
        installer.Connector = h.Connector;
        h.Connector.NotInstalled[Newcomer.Aad] = true;
        h.Connector.InstallPropagation = TimeSpan.FromSeconds(90);
        await PublishToNewcomerAsync(h);
        Assert.Contains(Newcomer.Aad, installer.Installed);
        Assert.Equal(Waiting, (await NewcomerCardAsync(h)).State);

        // Ten minutes of the fake clock in 15 s steps, the queue sent after each step as a worker would.
        var started = h.Time.GetUtcNow();
        while (h.Time.GetUtcNow() - started < TimeSpan.FromMinutes(10) && h.Connector.CardsIn("a:created-" + Newcomer.Aad).Count == 0)
        {
            h.Time.Advance(TimeSpan.FromSeconds(15));
            await h.DeliverQueuedAsync();
        }
        Assert.Single(h.Connector.CardsIn("a:created-" + Newcomer.Aad));
        Assert.Equal(DeliveryStates.Sent, (await NewcomerCardAsync(h)).State);
        // Arrived soon after the install reached Teams (90 s), with a growing pause: not one CreateConversation per step.
        Assert.True(h.Time.GetUtcNow() - started <= TimeSpan.FromMinutes(4), $"{h.Time.GetUtcNow() - started}");
        Assert.InRange(h.Connector.CreateAttempts[Newcomer.Aad], 2, 6);
    }

    [Fact]
    public async Task Removing_the_app_drops_the_stored_chat_and_the_next_card_waits_for_the_reinstall()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        Assert.NotNull(await h.Store.Conversations.GetAsync(Tenant, Cuc.Aad));

        await h.UninstallAsync(Cuc);
        Assert.Null(await h.Store.Conversations.GetAsync(Tenant, Cuc.Aad));

        // A reminder to Cúc cannot be posted: it waits (not failed) and arrives when she installs again.
        var before = h.Connector.CardsIn(Cuc.Conversation).Count;
        await h.SayAsync(Hung, "tình hình");
        await h.InvokeAsync(Hung, "remind", ActionData(h.Connector.CardsIn(Hung.Conversation).Last(), "remind"));
        var report = await h.Services.GetRequiredService<DeliveryService>().GetStatusAsync(Tenant, Plan82, default);
        Assert.Contains(report.Items, i => i.MemberAadObjectId == Cuc.Aad && i.Kind == DeliveryKinds.Reminder && i.State == Waiting);
        Assert.DoesNotContain(report.Items, i => i.State == DeliveryStates.Failed);

        await h.InstallAsync(Cuc);
        Assert.Contains("Nhắc việc: bạn chưa xác nhận nhiệm vụ này", Json(h.Connector.CardsIn(Cuc.Conversation).Last()));
        Assert.True(h.Connector.CardsIn(Cuc.Conversation).Count > before);
    }

    /// <summary>Stands in for GraphAppInstaller: the install happens at Graph, the connector learns it after a delay.</summary>
    private sealed class HarnessGraphInstaller : IAppInstaller
    {
        public FakeTeamsConnector? Connector { get; set; }
        public System.Collections.Concurrent.ConcurrentBag<string> Installed { get; } = [];

        public Task InstallForUserAsync(string tenantId, string aadObjectId, string teamsAppCatalogId, CancellationToken ct)
        {
            Installed.Add(aadObjectId);
            Connector!.InstallThroughGraph(aadObjectId);
            return Task.CompletedTask;
        }
    }
}
