using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Security;

/// <summary>
/// Issue 13 item 1, the second half of the attack: a reply address outside the Teams hosts already in the store (written
/// before the endpoint checked it) is never "the newest service URL of the tenant" for a member without a chat.
/// </summary>
public sealed class StoredServiceUrlTests
{
    private static readonly TestUser Newcomer = TestUser.Realistic("newcomer", "Phạm Văn Mới");

    [Fact]
    public async Task A_new_members_chat_is_opened_at_a_Teams_host_not_at_a_stored_outside_address()
    {
        await using var h = await StartAsync();
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u);
        // The newest reference of the tenant names the attacker's host (a row from before the check).
        await h.Store.Conversations.UpsertAsync(new ConversationRef(Tenant, "aad-attacker", "29:1attacker", "a:conv-attacker",
            "https://attacker.example.com/", "28:bot-id", "msteams", h.Time.GetUtcNow().AddHours(1)));
        await h.Store.Members.UpsertAsync(new Member(Tenant, Newcomer.Aad, Newcomer.Name, "moi@bk.edu.vn", null, null, MemberRoles.Member, "vi-VN"));

        await h.SayAsync(Hung, "nhập kế hoạch 001");
        var data = ActionData(h.Connector.CardsIn(Hung.Conversation).Last(), "publish");
        data[TeamsPlans.Bot.Cards.CardVerbs.MapInputPrefix + Plan82 + "-a3"] = Newcomer.Aad;
        var (_, body) = await h.InvokeAsync(Hung, "publish", data);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());

        // The chat with the newcomer was created at the fake Teams connector (loopback, allowed in local mode) ...
        Assert.Contains(h.Connector.Posts, p => p.Method == "CREATE" && p.Body.ToJsonString().Contains(Newcomer.Aad, StringComparison.Ordinal));
        var reference = await h.Store.Conversations.GetAsync(Tenant, Newcomer.Aad);
        Assert.NotNull(reference);
        Assert.StartsWith(h.Connector.ServiceUrl, reference!.ServiceUrl, StringComparison.Ordinal);
        // ... and nothing was ever addressed to the attacker's host.
        Assert.DoesNotContain(await h.Store.Conversations.ListAsync(Tenant), r => r.AadObjectId != "aad-attacker" && r.ServiceUrl.Contains("attacker", StringComparison.Ordinal));
    }
}
