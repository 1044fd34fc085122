using System.Net;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// Issue 19, Universal Actions: an adaptiveCard/action invoke is answered only with the responses of the documented table
/// ("Universal Action Model", Response format; see <see cref="UniversalActionsContract"/>). A refused click (not found,
/// not yours, another tenant's card, a file already used) is the documented 400 application/vnd.microsoft.error with its
/// code and a Vietnamese / English message; a failure inside the bot is the documented 500. The harness checks every
/// invoke answer and every posted card's refresh against the contract.
/// </summary>
public sealed class UniversalActionErrorTests
{
    private static (int Status, string Type, string Code, string Message) Error(JsonObject body) => (
        body["statusCode"]!.GetValue<int>(), body["type"]!.GetValue<string>(),
        body["value"]!["code"]!.GetValue<string>(), body["value"]!["message"]!.GetValue<string>());

    [Fact]
    public async Task Not_found_not_yours_and_another_tenants_card_answer_the_documented_400_error_with_a_code_and_both_languages()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var ack = ActionData(AssignmentCardOf(h, Thanh), "ack");

        var notMine = Error((await h.InvokeAsync(Lan, "ack", ack)).Body);
        Assert.Equal((400, "application/vnd.microsoft.error", "NotAssignee"), (notMine.Status, notMine.Type, notMine.Code));
        Assert.Contains("không phải người được giao", notMine.Message, StringComparison.Ordinal);
        Assert.Contains("not the assignee", notMine.Message, StringComparison.Ordinal);

        var unknown = ack.DeepClone().AsObject();
        unknown["assignmentId"] = Plan82 + "-a99";
        var missing = Error((await h.InvokeAsync(Thanh, "ack", unknown)).Body);
        Assert.Equal((400, "NotFound"), (missing.Status, missing.Code));
        Assert.Contains("Không tìm thấy nhiệm vụ", missing.Message, StringComparison.Ordinal);

        var (http, crossBody) = await h.InvokeAsync(Thanh, "ack", ack, tenant: "tenant-other");
        Assert.Equal(HttpStatusCode.OK, http);
        Assert.Equal((400, "CrossTenant"), (Error(crossBody).Status, Error(crossBody).Code));
    }

    [Fact]
    public async Task A_file_choice_clicked_twice_answers_the_documented_400_error_not_410()
    {
        await using var h = await StartAsync();
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u);
        h.Connector.Files["kh-82.txt"] = await File.ReadAllBytesAsync(SeedPath("001"));
        await h.SendFileAsync(Hung, "Kế hoạch 82.txt", h.Connector.ServiceUrl + "files/kh-82.txt");
        var ask = h.Connector.CardsIn(Hung.Conversation).Last();
        Assert.Equal(200, (await h.InvokeAsync(Hung, CardVerbs.FileAsPlan, ActionData(ask, CardVerbs.FileAsPlan))).Body["statusCode"]!.GetValue<int>());

        var again = Error((await h.InvokeAsync(Hung, CardVerbs.FileAsPlan, ActionData(ask, CardVerbs.FileAsPlan))).Body);
        Assert.Equal((400, "FileGone"), (again.Status, again.Code));
        Assert.Contains("/", again.Message, StringComparison.Ordinal); // Vietnamese / English
    }

    [Fact]
    public async Task A_failure_inside_an_invoke_answers_the_documented_500_error_without_internals()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var card = AssignmentCardOf(h, Thanh);
        // "Xem kế hoạch" posts the plan summary into the chat; Teams refuses it (503): the invoke still gets its answer.
        h.Connector.FailingConversations[Thanh.Conversation] = 503;
        var (http, body) = await h.InvokeAsync(Thanh, CardVerbs.OpenPlan, ActionData(card, CardVerbs.OpenPlan));
        Assert.Equal(HttpStatusCode.OK, http);
        var error = Error(body);
        Assert.Equal((500, "application/vnd.microsoft.error"), (error.Status, error.Type));
        Assert.Contains("thử lại", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ServiceUnavailable", body.ToJsonString(), StringComparison.Ordinal);
    }
}
