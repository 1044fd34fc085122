using TeamsPlans.Bot.Cards;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>Issue 15: a short comment thread on an assignment, both ways, through POST /api/messages.</summary>
public sealed class CommentThreadTests
{
    private static List<string> CommentLines(System.Text.Json.Nodes.JsonObject card) => Objects(card)
        .Where(o => o["id"]?.GetValue<string>()?.StartsWith("comment-", StringComparison.Ordinal) == true).Select(o => o["text"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task The_member_and_the_head_comment_each_is_told_the_card_shows_the_last_three_and_the_thread_all()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        // The delivered card refreshes (Universal Actions) into the full card with the thread.
        var (_, refreshed) = await h.InvokeAsync(Cuc, "refresh", ActionData(AssignmentCardOf(h, Cuc), "refresh"), trigger: "automatic");
        var data = ActionData(refreshed["value"]!.AsObject(), CardVerbs.AddComment);

        Assert.Equal("EmptyComment", (await h.InvokeAsync(Cuc, CardVerbs.AddComment, data)).Body["value"]!["code"]!.GetValue<string>());
        Assert.Equal(400, (await h.InvokeAsync(Lan, CardVerbs.AddComment, data)).Body["statusCode"]!.GetValue<int>());

        var mine = data.DeepClone().AsObject();
        mine[CardVerbs.ThreadCommentInput] = "Xin gia hạn báo cáo thêm 3 ngày.";
        var (_, answer) = await h.InvokeAsync(Cuc, CardVerbs.AddComment, mine);
        Assert.Equal(200, answer["statusCode"]!.GetValue<int>());
        Assert.Equal(["10/04/2023 09:00 · Hồ Thị Thu Cúc: Xin gia hạn báo cáo thêm 3 ngày."], CommentLines(answer["value"]!.AsObject()));
        // The head (Hưng published the plan) is told.
        Assert.Contains("Hồ Thị Thu Cúc vừa trao đổi về nhiệm vụ", Json(h.Connector.CardsIn(Hung.Conversation).Last()));

        // The head answers from the card he sees: the member is told and her posted card shows it.
        for (var i = 1; i <= 3; i++)
        {
            var reply = data.DeepClone().AsObject();
            reply[CardVerbs.ThreadCommentInput] = $"Đồng ý, lần {i}.";
            Assert.Equal(200, (await h.InvokeAsync(Hung, CardVerbs.AddComment, reply)).Body["statusCode"]!.GetValue<int>());
        }
        Assert.Contains(h.Connector.CardsIn(Cuc.Conversation), c => Json(c).Contains("Ngô Tấn Hưng vừa trao đổi về nhiệm vụ", StringComparison.Ordinal));
        var put = h.Connector.Posts.Last(p => p.ConversationId == Cuc.Conversation && p.Method == "PUT").Body["attachments"]![0]!["content"]!.AsObject();
        Assert.Equal(["10/04/2023 09:00 · Ngô Tấn Hưng: Đồng ý, lần 1.", "10/04/2023 09:00 · Ngô Tấn Hưng: Đồng ý, lần 2.", "10/04/2023 09:00 · Ngô Tấn Hưng: Đồng ý, lần 3."],
            CommentLines(put));

        // Four comments: the whole thread on request, oldest first.
        await h.InvokeAsync(Cuc, CardVerbs.Comments, ActionData(put, CardVerbs.Comments));
        var thread = CommentLines(h.Connector.CardsIn(Cuc.Conversation).Last());
        Assert.Equal(4, thread.Count);
        Assert.EndsWith("Hồ Thị Thu Cúc: Xin gia hạn báo cáo thêm 3 ngày.", thread[0]);
    }
}
