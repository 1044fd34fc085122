using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Corrections;

/// <summary>
/// Issue 12: a member who clicks a card of an assignment a correction withdrew gets "Nhiệm vụ này đã được rút khỏi kế hoạch
/// … / This assignment was withdrawn …", not a bare "not found". Seed 001 is published with Cúc's report duty (a3); the
/// revised copy (same number 82/KH-THPT BK) drops her line, and the principal confirms the correction.
/// </summary>
public sealed class WithdrawnClickTests
{
    private const string ViNotice = "Nhiệm vụ này đã được rút khỏi kế hoạch 82/KH-THPT BK theo văn bản điều chỉnh";
    private const string EnNotice = "This assignment was withdrawn from the plan 82/KH-THPT BK by the corrected plan";

    /// <summary>Publishes seed 001, keeps Cúc's assignment card as she received it, then withdraws her duty by a correction.</summary>
    private static async Task<JsonObject> CucsCardAfterWithdrawalAsync(BotHarness h)
    {
        await PublishAsync(h);
        var card = AssignmentCardOf(h, Cuc);
        var seed = await File.ReadAllTextAsync(SeedPath("001"));
        var revised = Regex.Replace(seed, @"^- Cô Hồ Thị Thu Cúc - Phó hiệu trưởng:.*\r?\n", "", RegexOptions.Multiline);
        Assert.NotEqual(seed, revised);
        await File.WriteAllTextAsync(Path.Combine(h.LibraryDir, "82-rut-nhiem-vu.txt"), revised);
        await h.SayAsync(Hung, "nhập kế hoạch 82-rut-nhiem-vu");
        var diff = h.Connector.CardsIn(Hung.Conversation).Last();
        var (status, body) = await h.InvokeAsync(Hung, CardVerbs.CorrectPlan, ActionData(diff, CardVerbs.CorrectPlan));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Null(await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"));
        return card;
    }

    [Theory]
    [InlineData(CardVerbs.Ack)]
    [InlineData(CardVerbs.Refresh)]
    [InlineData(CardVerbs.History)]
    public async Task A_click_on_a_withdrawn_assignments_card_answers_that_it_was_withdrawn_in_both_languages(string verb)
    {
        await using var h = await StartAsync();
        var card = await CucsCardAfterWithdrawalAsync(h);
        var data = ActionData(card, CardVerbs.Ack);

        var (status, body) = await h.InvokeAsync(Cuc, verb, data);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        var answer = Json(body["value"]!);
        Assert.Contains(ViNotice, answer);
        Assert.Contains(EnNotice, answer);
        Assert.True(answer.IndexOf(ViNotice, StringComparison.Ordinal) < answer.IndexOf(EnNotice, StringComparison.Ordinal));
        Assert.DoesNotContain("\"verb\"", answer);
        Assert.DoesNotContain("Không tìm thấy nhiệm vụ", answer);
        // Nothing came back to life.
        Assert.Null(await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"));
    }

    [Fact]
    public async Task The_Action_Submit_fallback_and_an_English_member_get_the_notice_too()
    {
        await using var h = await StartAsync();
        var card = await CucsCardAfterWithdrawalAsync(h);
        var data = ActionData(card, CardVerbs.Ack);

        var submit = data.DeepClone().AsObject();
        submit["verb"] = CardVerbs.Ack;
        var before = h.Connector.CardsIn(Cuc.Conversation).Count;
        await h.SubmitAsync(Cuc, submit);
        var posted = Json(h.Connector.CardsIn(Cuc.Conversation).Skip(before).Single());
        Assert.Contains(ViNotice, posted);

        await h.SayAsync(Cuc, "english");
        var (_, body) = await h.InvokeAsync(Cuc, CardVerbs.Ack, data);
        var answer = Json(body["value"]!);
        Assert.True(answer.IndexOf(EnNotice, StringComparison.Ordinal) < answer.IndexOf(ViNotice, StringComparison.Ordinal), answer);
    }

    [Fact]
    public async Task An_assignment_that_never_existed_is_still_not_found()
    {
        await using var h = await StartAsync();
        var card = await CucsCardAfterWithdrawalAsync(h);
        var data = ActionData(card, CardVerbs.Ack);
        data["assignmentId"] = Plan82 + "-a99";
        var (_, body) = await h.InvokeAsync(Cuc, CardVerbs.Ack, data);
        // The documented Universal Actions refusal (issue 19): 400 application/vnd.microsoft.error, code NotFound.
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("NotFound", body["value"]!["code"]!.GetValue<string>());
        Assert.Contains("Không tìm thấy nhiệm vụ.", body.ToJsonString(new System.Text.Json.JsonSerializerOptions
            { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
