using System.Net;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// Teams gives an invoke 10–15 s before the user sees "Unable to reach app": an invoke changes state and answers with the
/// card; it never waits on connector retries (each of which may wait up to a minute).
/// </summary>
public sealed class InvokeBudgetTests
{
    [Fact]
    public async Task A_message_sent_inside_an_invoke_is_tried_once_and_the_invoke_still_answers()
    {
        await using var h = await StartAsync();
        await Scenario.PublishAsync(h);
        var data = Scenario.ActionData(Scenario.AssignmentCardOf(h, Cuc), "openPlan");
        // The member's chat answers 503 (retryable): a retrying client would wait 1 s, 2 s, 4 s … inside the invoke.
        h.Connector.FailingConversations[Cuc.Conversation] = 503;
        h.Connector.Attempts.Clear();
        var invoke = h.InvokeAsync(Cuc, "openPlan", data);
        // The harness's clock is a fake one: move it on so that a retry waiting on it would come back (and be counted).
        for (var i = 0; i < 400 && !invoke.IsCompleted; i++)
        {
            await Task.Delay(10);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }
        var (status, body) = await invoke;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(body["statusCode"]);
        Assert.Equal(1, h.Connector.Attempts.GetValueOrDefault(Cuc.Conversation));
    }

    /// <summary>
    /// A report returned from the review card: the member's posted card is updated and a notice is sent to them. Each call to
    /// the Bot Connector takes 8 s here (harness <c>Connector.Latency</c> on the fake clock): made inside the invoke, the
    /// two of them pass Teams' 15 s (<c>InvokeTimeLimit</c>) and the reviewer sees "Unable to reach app". They go to the
    /// delivery queue; the invoke answers with the decided card at once, and the member still gets both.
    /// </summary>
    [Fact]
    public async Task Returning_a_report_answers_within_Teams_invoke_limit_and_the_member_is_told_through_the_queue()
    {
        await using var h = await StartAsync();
        await Scenario.PublishAsync(h);
        var card = Scenario.AssignmentCardOf(h, Cuc);
        await h.InvokeAsync(Cuc, "ack", Scenario.ActionData(card, "ack"));
        var (_, current) = await h.InvokeAsync(Cuc, "refresh", Scenario.ActionData(card, "refresh"), trigger: "automatic");
        await h.InvokeAsync(Cuc, "report", ReviewFlowTests.HandIn(current["value"]!.AsObject(), "Đã tổ chức 2 buổi sinh hoạt."));
        var data = Scenario.ActionData(ReviewFlowTests.ReviewCardOf(h), CardVerbs.Return);
        data[CardVerbs.ReturnReasonInput] = "Thiếu số liệu khối 12";

        h.Connector.Latency = TimeSpan.FromSeconds(8);
        var posts = h.Connector.Posts.Count(p => p.ConversationId == Cuc.Conversation);
        var (status, returned) = await h.InvokeAsync(Hung, CardVerbs.Return, data);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, h.LateInvokes);
        Assert.Equal(200, returned["statusCode"]!.GetValue<int>());
        // Delivered by the queue after the answer: the card updated in place (PUT) and the notice (POST).
        var after = h.Connector.Posts.Where(p => p.ConversationId == Cuc.Conversation).Skip(posts).ToList();
        Assert.Contains(after, p => p.Method == "PUT" && Scenario.Json(p.Body).Contains("Nộp lại báo cáo", StringComparison.Ordinal));
        Assert.Contains(after, p => p.Method == "POST" && Scenario.Json(p.Body).Contains("Thiếu số liệu khối 12", StringComparison.Ordinal));
    }

    /// <summary>The head comments on a member's duty: the notice and the card update go through the queue, not the invoke.</summary>
    [Fact]
    public async Task A_comment_answers_within_Teams_invoke_limit_and_the_holder_is_told_through_the_queue()
    {
        await using var h = await StartAsync();
        await Scenario.PublishAsync(h);
        var (_, refreshed) = await h.InvokeAsync(Cuc, "refresh", Scenario.ActionData(Scenario.AssignmentCardOf(h, Cuc), "refresh"), trigger: "automatic");
        var data = Scenario.ActionData(refreshed["value"]!.AsObject(), CardVerbs.AddComment);
        data[CardVerbs.ThreadCommentInput] = "Nhớ gửi kèm danh sách lớp.";
        h.Connector.Latency = TimeSpan.FromSeconds(8);
        var posts = h.Connector.Posts.Count(p => p.ConversationId == Cuc.Conversation);

        var (status, answer) = await h.InvokeAsync(Hung, CardVerbs.AddComment, data);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, h.LateInvokes);
        Assert.Equal(200, answer["statusCode"]!.GetValue<int>());
        var after = h.Connector.Posts.Where(p => p.ConversationId == Cuc.Conversation).Skip(posts).ToList();
        Assert.Contains(after, p => p.Method == "POST" && Scenario.Json(p.Body).Contains("Nhớ gửi kèm danh sách lớp.", StringComparison.Ordinal));
        Assert.Contains(after, p => p.Method == "PUT");
    }
}
