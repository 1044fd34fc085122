using System.Net;
using TeamsPlans.Bot.Cards;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// The import preview's edges (issue #12): a plan that assigns nothing cannot be published as "Tất cả đã xác nhận";
/// an assignee left unresolved at publishing can be mapped later, and only that card is sent.
/// </summary>
public sealed class PreviewEdgeTests
{
    [Fact]
    public async Task A_plan_without_assignments_says_nothing_can_be_sent_and_why_and_publish_is_refused()
    {
        await using var h = await StartAsync();
        // Seed 001 with its header, legal bases, closing and signer, but none of its parts I-III (no duty at all).
        var seed = await File.ReadAllTextAsync(SeedPath("001"));
        var cut = seed[..seed.IndexOf("I. MỤC ĐÍCH, YÊU CẦU", StringComparison.Ordinal)] + seed[seed.IndexOf("Trên đây là", StringComparison.Ordinal)..];
        await File.WriteAllTextAsync(Path.Combine(h.LibraryDir, "khong-giao-viec.txt"), cut);
        await h.InstallAsync(Hung);
        await h.SayAsync(Hung, "nhập kế hoạch khong-giao-viec");
        var preview = h.Connector.CardsIn(Hung.Conversation).Last();
        var text = Json(preview);
        Assert.True(text.Contains("Không có gì để gửi: kế hoạch này không giao nhiệm vụ", StringComparison.Ordinal), text);
        Assert.DoesNotContain(Objects(preview), o => o["verb"]?.GetValue<string>() == "publish");

        var (status, body) = await h.InvokeAsync(Hung, "publish", new() { ["planId"] = Plan82, ["tenantId"] = Tenant });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Contains("Nothing can be sent", body.ToJsonString(), StringComparison.Ordinal);
        Assert.NotEqual(TeamsPlans.Storage.PlanStatus.Published, (await h.Store.Plans.GetAsync(Tenant, Plan82))!.Status);
    }

    [Fact]
    public async Task An_assignee_left_unresolved_at_publishing_is_mapped_later_and_gets_the_card()
    {
        await using var h = await StartAsync();
        foreach (var u in new[] { Hung, Thanh, Lan }) await h.InstallAsync(u);
        await h.SayAsync(Hung, "nhập kế hoạch 001");
        var draft = h.Connector.CardsIn(Hung.Conversation).Last();
        await h.InvokeAsync(Hung, "publish", ActionData(draft, "publish"));
        Assert.Null((await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!.MemberAadObjectId); // Cô Cúc has not installed yet

        await h.InstallAsync(Cuc);
        var cucCards = h.Connector.CardsIn(Cuc.Conversation).Count;
        await h.SayAsync(Hung, "nhập kế hoạch 001");
        var after = h.Connector.CardsIn(Hung.Conversation).Last();
        Assert.Contains("chọn người nhận cho các nhiệm vụ còn thiếu", Json(after));
        var data = ActionData(after, "publish");
        data[CardVerbs.MapInputPrefix + Plan82 + "-a3"] = Cuc.Aad;
        var (_, body) = await h.InvokeAsync(Hung, "publish", data);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal(Cuc.Aad, (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!.MemberAadObjectId);
        await h.DeliverQueuedAsync();
        Assert.True(h.Connector.CardsIn(Cuc.Conversation).Count > cucCards);
        Assert.Contains("20/05/2023", Json(AssignmentCardOf(h, Cuc)));
    }
}
