using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>Issue 15: the principal reassigns, the new holder delegates with a note; cards, history and state follow.</summary>
public sealed class ReassignTests
{
    private const string A3 = Plan82 + "-a3";

    [Fact]
    public async Task Reassigned_then_delegated_the_new_holder_gets_the_card_the_old_card_says_who_holds_it_and_the_ack_stays()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var card = AssignmentCardOf(h, Cuc);
        Assert.Equal(200, (await h.InvokeAsync(Cuc, "ack", ActionData(card, "ack"))).Body["statusCode"]!.GetValue<int>());
        var (_, refreshed) = await h.InvokeAsync(Cuc, "refresh", ActionData(card, "refresh"), trigger: "automatic");
        var data = ActionData(refreshed["value"]!.AsObject(), CardVerbs.Reassign);

        Assert.Equal("NoHolder", (await h.InvokeAsync(Hung, CardVerbs.Reassign, data)).Body["value"]!["code"]!.GetValue<string>());
        var toLan = data.DeepClone().AsObject();
        toLan[CardVerbs.ReassignToInput] = Lan.Aad;
        Assert.Equal(400, (await h.InvokeAsync(Thanh, CardVerbs.Reassign, toLan)).Body["statusCode"]!.GetValue<int>());
        var (_, done) = await h.InvokeAsync(Hung, CardVerbs.Reassign, toLan);
        Assert.Equal(200, done["statusCode"]!.GetValue<int>());

        var a3 = (await h.Store.Assignments.GetAsync(Tenant, A3))!;
        Assert.Equal(Lan.Aad, a3.MemberAadObjectId);
        Assert.Equal(TeamsPlans.Plans.Model.AssignmentStatus.Acknowledged, a3.State.Status);
        var old = h.Connector.Posts.Last(p => p.ConversationId == Cuc.Conversation && p.Method == "PUT");
        Assert.Contains("Nhiệm vụ này đã chuyển cho Trần Thị Lan.", Json(old.Body));
        var lanCard = AssignmentCardOf(h, Lan);
        Assert.Contains(A3, Json(lanCard));

        // Lan passes it on to Thành with a note.
        var (_, lanView) = await h.InvokeAsync(Lan, "refresh", ActionData(lanCard, "refresh"), trigger: "automatic");
        var toThanh = ActionData(lanView["value"]!.AsObject(), CardVerbs.Reassign);
        toThanh[CardVerbs.ReassignToInput] = Thanh.Aad;
        toThanh[CardVerbs.ReassignNoteInput] = "Thầy Thành phụ trách đối ngoại từ tuần này.";
        Assert.Equal(200, (await h.InvokeAsync(Lan, CardVerbs.Reassign, toThanh)).Body["statusCode"]!.GetValue<int>());
        Assert.Equal(Thanh.Aad, (await h.Store.Assignments.GetAsync(Tenant, A3))!.MemberAadObjectId);
        Assert.Contains(h.Connector.CardsIn(Thanh.Conversation), c => Json(c).Contains(A3, StringComparison.Ordinal));

        var passes = (await h.Services.GetRequiredService<IHistoryStore>().ListByAssignmentAsync(Tenant, A3)).Where(e => e.Event == HistoryEvent.Reassigned).ToList();
        Assert.Equal(["Hồ Thị Thu Cúc → Trần Thị Lan", "Trần Thị Lan → Nguyễn Tất Thành — Thầy Thành phụ trách đối ngoại từ tuần này."], passes.Select(e => e.Detail));
        Assert.Equal(["Ngô Tấn Hưng", "Trần Thị Lan"], passes.Select(e => e.ActorName));
    }
}
