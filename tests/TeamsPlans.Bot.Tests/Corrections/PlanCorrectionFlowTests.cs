using System.Net;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Corrections;

/// <summary>
/// Issue 12, correcting a published plan through /api/messages: seed 001 (82/KH-THPT BK) is published, Cúc acknowledges
/// her duty (the report "trước ngày 20/5 và 01/11/2023"), a revised copy made from the seed text (that deadline moved to
/// 25/5, a duty for Trần Thị Lan added) is imported with the same number: the diff is shown; once confirmed Cúc's card
/// shows the new deadline with her acknowledgement kept, Lan receives a new card, and the others are not touched.
/// </summary>
public sealed class PlanCorrectionFlowTests
{
    private const string CucDeadline = "trước ngày 20/5 và 01/11/2023";
    private const string LanDuty = "tổng hợp hình ảnh các hoạt động đối ngoại gửi về nhà trường trước ngày 15/6/2023.";

    private static string Revised(string seed)
    {
        Assert.Contains(CucDeadline, seed);
        var text = seed.Replace(CucDeadline, "trước ngày 25/5 và 01/11/2023", StringComparison.Ordinal);
        var end = text.IndexOf('\n', text.IndexOf("- Cô Hồ Thị Thu Cúc", StringComparison.Ordinal));
        return text[..end] + "\n\n- Cô Trần Thị Lan - Giáo viên: " + LanDuty + "\n" + text[end..];
    }

    [Fact]
    public async Task A_revised_copy_shows_the_diff_and_on_confirm_the_members_card_shows_the_new_deadline_with_the_ack_kept()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var (ackStatus, _) = await h.InvokeAsync(Cuc, CardVerbs.Ack, ActionData(AssignmentCardOf(h, Cuc), CardVerbs.Ack));
        Assert.Equal(HttpStatusCode.OK, ackStatus);
        var before = (await h.Store.Assignments.ListByPlanAsync(Tenant, Plan82)).ToDictionary(a => a.AssignmentId);
        Assert.Equal(TeamsPlans.Plans.Model.AssignmentStatus.Acknowledged, before[Plan82 + "-a3"].State.Status);

        await File.WriteAllTextAsync(Path.Combine(h.LibraryDir, "82-dieu-chinh.txt"), Revised(await File.ReadAllTextAsync(SeedPath("001"))));
        await h.SayAsync(Hung, "nhập kế hoạch 82-dieu-chinh");

        var diff = h.Connector.CardsIn(Hung.Conversation).Last();
        var shown = Json(diff);
        Assert.Contains("Điều chỉnh kế hoạch 82/KH-THPT BK", shown);
        Assert.Contains("Hạn thay đổi (1)", shown);
        Assert.Contains("20/05/2023", shown);
        Assert.Contains("25/05/2023", shown);
        Assert.Contains("Nhiệm vụ thêm mới (1)", shown);
        Assert.Contains("Trần Thị Lan", shown);
        Assert.Contains("2 nhiệm vụ không đổi", shown);
        Assert.DoesNotContain("Nhiệm vụ bị bỏ", shown);
        // Nothing changes before the confirmation.
        Assert.Equal(3, (await h.Store.Assignments.ListByPlanAsync(Tenant, Plan82)).Count);

        var (status, body) = await h.InvokeAsync(Hung, CardVerbs.CorrectPlan, ActionData(diff, CardVerbs.CorrectPlan));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        await h.DeliverQueuedAsync();

        var after = (await h.Store.Assignments.ListByPlanAsync(Tenant, Plan82)).ToDictionary(a => a.AssignmentId);
        Assert.Equal(4, after.Count);
        var a3 = after[Plan82 + "-a3"];
        Assert.Equal(TeamsPlans.Plans.Model.AssignmentStatus.Acknowledged, a3.State.Status); // ack kept
        Assert.Equal(before[Plan82 + "-a3"].CardActivityId, a3.CardActivityId);
        Assert.Contains(a3.Deadlines, d => d.Due == TeamsPlans.Plans.Model.DueDate.OnDate(new DateOnly(2023, 5, 25)));
        // Unchanged assignments are not touched.
        foreach (var id in new[] { Plan82 + "-a1", Plan82 + "-a2" })
            Assert.Equal((before[id].State, before[id].UpdatedAt, before[id].Duty), (after[id].State, after[id].UpdatedAt, after[id].Duty));

        // Cúc's card is updated in place: the new deadline, still acknowledged; she is told.
        var put = h.Connector.Posts.Last(p => p.ConversationId == Cuc.Conversation && p.Method == "PUT" && p.ActivityId == a3.CardActivityId);
        var card = Json(put.Body);
        Assert.Contains("25/05/2023", card);
        Assert.DoesNotContain("20/05/2023", card);
        Assert.DoesNotContain("\"verb\":\"ack\"", card);
        Assert.Contains("đã được điều chỉnh", h.Connector.TextsIn(Cuc.Conversation).Last());
        // Lan gets the added duty's card.
        Assert.Contains(h.Connector.CardsIn(Lan.Conversation), c => Json(c).Contains("ổng hợp hình ảnh các hoạt động đối ngoại", StringComparison.Ordinal)); // "Tổng hợp …": the duty is capitalised
        Assert.Equal(Lan.Aad, after.Values.Single(a => a.Duty.Contains("tổng hợp hình ảnh", StringComparison.OrdinalIgnoreCase)).MemberAadObjectId);

        // The same copy again: nothing left to correct, the published plan's preview.
        await h.SayAsync(Hung, "nhập kế hoạch 82-dieu-chinh");
        var again = Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains("Kế hoạch này đã được gửi trước đó; không nhập lại.", again);
        Assert.DoesNotContain(CardVerbs.CorrectPlan, again);
    }
}
