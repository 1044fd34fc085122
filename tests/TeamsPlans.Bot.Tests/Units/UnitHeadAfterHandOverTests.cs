using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;
using static TeamsPlans.Bot.Tests.Units.UnitHandOverTests;

namespace TeamsPlans.Bot.Tests.Units;

/// <summary>
/// Issue #14: a school head who passed the school's duty (seed 004) to a teacher still answers for the school — sees it and
/// its history, reviews the teacher's report before it goes up to the Phòng, and can take the duty back. Through /api/messages.
/// </summary>
public sealed class UnitHeadAfterHandOverTests
{
    private const string School = "Trường THCS Thử Nghiệm 1";

    private static JsonObject LastCardWith(BotHarness h, TestUser u, string verb) =>
        h.Connector.CardsIn(u.Conversation).Last(c => Objects(c).Any(o => o["verb"]?.GetValue<string>() == verb));

    private static async Task<int> HandInAsync(BotHarness h, string assignmentId, string summary) =>
        (await h.InvokeAsync(An, CardVerbs.Report, new JsonObject
        {
            ["assignmentId"] = assignmentId, [CardVerbs.ReportPeriodInput] = "2023-06-05", [CardVerbs.ReportSummaryInput] = summary,
        }))
            .Body["statusCode"]!.GetValue<int>();

    [Fact]
    public async Task The_head_reviews_the_teachers_report_first_returns_it_then_accepts_it_and_the_Phong_accepts_it_in_the_schools_name()
    {
        await using var h = await PublishedAsync();
        var duty = (await HeldAsync(h, Head.Aad))[2]; // IV.3: the schools report their results
        await h.SayAsync(Head, "phân công 3 cho Nguyễn Văn An: Thầy An làm báo cáo kết quả");
        Assert.Equal(An.Aad, (await h.Store.Assignments.GetAsync(Tenant, duty.AssignmentId))!.MemberAadObjectId);

        // The head still sees the duty and who carries it out (before, 403: neither holder nor manager).
        var history = await h.InvokeAsync(Head, CardVerbs.History, new JsonObject { ["assignmentId"] = duty.AssignmentId });
        Assert.Equal(200, history.Body["statusCode"]!.GetValue<int>());
        Assert.Contains("Giao cho Trường THCS Thử Nghiệm 1 – do hiệu trưởng phân công", Json(history.Body));
        Assert.Contains("Người thực hiện: Nguyễn Văn An", Json(history.Body));

        // The teacher hands the report in: the review card goes to the school's head, not to the Phòng.
        var phongCards = h.Connector.CardsIn(Hung.Conversation).Count;
        Assert.Equal(200, await HandInAsync(h, duty.AssignmentId, "Báo cáo kết quả thông tin đối ngoại của trường."));
        await h.DeliverQueuedAsync();
        var review = LastCardWith(h, Head, CardVerbs.Accept);
        Assert.Contains("Báo cáo kết quả thông tin đối ngoại của trường.", Json(review));
        Assert.Equal("Nguyễn Văn An", Cards.CardModelTests.Facts(review)["Người nộp"]);
        Assert.Equal(phongCards, h.Connector.CardsIn(Hung.Conversation).Count);
        // Another school's head has no say on it.
        Assert.Equal(400, (await h.InvokeAsync(UnitAssignmentTests.HeadOf("THCS11"), CardVerbs.Accept, ActionData(review, CardVerbs.Accept)))
            .Body["statusCode"]!.GetValue<int>());

        // The head returns it with a reason: the teacher is told, the duty is not done.
        var back = ActionData(review, CardVerbs.Return);
        back[CardVerbs.ReturnReasonInput] = "Bổ sung số liệu tháng 5.";
        Assert.Equal(200, (await h.InvokeAsync(Head, CardVerbs.Return, back)).Body["statusCode"]!.GetValue<int>());
        await h.DeliverQueuedAsync();
        Assert.Contains("Bổ sung số liệu tháng 5.", Json(h.Connector.CardsIn(An.Conversation).Last()));

        // Handed in again and accepted by the head: it goes up to the Phòng in the school's name, still not done.
        Assert.Equal(200, await HandInAsync(h, duty.AssignmentId, "Báo cáo kết quả (đã bổ sung số liệu tháng 5)."));
        await h.DeliverQueuedAsync();
        var (_, up) = await h.InvokeAsync(Head, CardVerbs.Accept, ActionData(LastCardWith(h, Head, CardVerbs.Accept), CardVerbs.Accept));
        Assert.Equal(200, up["statusCode"]!.GetValue<int>());
        Assert.Contains($"{School}: đã chấp nhận báo cáo của Nguyễn Văn An và gửi lên đơn vị giao nhiệm vụ.", Json(up));
        Assert.NotEqual(AssignmentStatus.Done, (await h.Store.Assignments.GetAsync(Tenant, duty.AssignmentId))!.State.Status);
        await h.DeliverQueuedAsync();
        var phongReview = ReviewFlowTests.ReviewCardOf(h);
        Assert.Equal("Thủ trưởng THCS01", Cards.CardModelTests.Facts(phongReview)["Người nộp"]);
        Assert.Contains("Báo cáo kết quả (đã bổ sung số liệu tháng 5).", Json(phongReview));
        // The head's acceptance was not the Phòng's: the head cannot decide it again; the Phòng accepts, the duty is done.
        Assert.Equal(400, (await h.InvokeAsync(Head, CardVerbs.Accept, ActionData(phongReview, CardVerbs.Accept))).Body["statusCode"]!.GetValue<int>());
        Assert.Equal(200, (await h.InvokeAsync(Hung, CardVerbs.Accept, ActionData(phongReview, CardVerbs.Accept))).Body["statusCode"]!.GetValue<int>());
        Assert.Equal(AssignmentStatus.Done, (await h.Store.Assignments.GetAsync(Tenant, duty.AssignmentId))!.State.Status);
    }

    [Fact]
    public async Task The_heads_card_says_who_holds_the_duty_and_takes_it_back_then_the_teacher_can_no_longer_act_on_it()
    {
        await using var h = await PublishedAsync();
        var duty = (await HeldAsync(h, Head.Aad))[0];
        await h.SayAsync(Head, "phân công 1 cho nguyen van an: Thầy An xây dựng kế hoạch");
        var answer = h.Connector.CardsIn(Head.Conversation).Last();
        Assert.Contains($"{School}: nhiệm vụ đã phân công cho Nguyễn Văn An thực hiện.", Json(answer));
        await h.DeliverQueuedAsync();
        var anCard = Json(AssignmentCardOf(h, An));
        Assert.Contains("Người thực hiện: Nguyễn Văn An", anCard);

        var (_, taken) = await h.InvokeAsync(Head, CardVerbs.Reassign, ActionData(answer, CardVerbs.Reassign));

        Assert.Equal(200, taken["statusCode"]!.GetValue<int>());
        var back = (await h.Store.Assignments.GetAsync(Tenant, duty.AssignmentId))!;
        Assert.Equal(Head.Aad, back.MemberAadObjectId);
        Assert.Null(back.Assignee.Target!.HandOver);
        Assert.Equal("THCS01", UnitAssignees.CodeOf(back.Assignee));
        // The teacher's card says the head took it back; the teacher can no longer acknowledge it.
        var old = h.Connector.Posts.Last(p => p.ConversationId == An.Conversation && p.Method == "PUT");
        Assert.Contains($"{School}: Thủ trưởng THCS01 đã thu hồi nhiệm vụ.", Json(old.Body));
        Assert.Equal(400, (await h.InvokeAsync(An, "ack", new JsonObject { ["assignmentId"] = duty.AssignmentId })).Body["statusCode"]!.GetValue<int>());
        // The head holds it again with a fresh card, which no longer reads as passed on, and acknowledges it for the school.
        await h.DeliverQueuedAsync();
        var headCard = h.Connector.CardsIn(Head.Conversation).Last(c => Json(c).Contains(duty.AssignmentId, StringComparison.Ordinal)
            && Objects(c).Any(o => o["verb"]?.GetValue<string>() == "ack"));
        Assert.DoesNotContain("do hiệu trưởng phân công", Json(headCard));
        Assert.Equal(200, (await h.InvokeAsync(Head, "ack", ActionData(headCard, "ack"))).Body["statusCode"]!.GetValue<int>());
        Assert.Equal(3, (await HeldAsync(h, Head.Aad)).Count);
    }
}
