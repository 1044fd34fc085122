using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Features.Units;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;
using static TeamsPlans.Bot.Tests.Units.UnitAssignmentTests;

namespace TeamsPlans.Bot.Tests.Units;

/// <summary>Issue #14: a school head passes the school's duty (seed 004, Phòng Thủ Thừa) to a teacher with a note.</summary>
public sealed class UnitHandOverTests
{
    internal static readonly TestUser An = new("aad-an", "29:1an", "Nguyễn Văn An", "a:conv-an");
    internal static readonly TestUser Head = HeadOf("THCS01");
    private const string School = "Trường THCS Thử Nghiệm 1";

    /// <summary>The Phòng's directory, seed 004 published: each school head holds the three duties of "các đơn vị trực thuộc".</summary>
    internal static async Task<BotHarness> PublishedAsync()
    {
        var h = await StartAsync();
        await DirectoryAsync(h, top: "PGD01");
        AddSeed(h, "004");
        await h.InstallAsync(Hung);
        await h.InstallAsync(Head);
        await h.InstallAsync(An);
        await h.SayAsync(Hung, "nhập kế hoạch 004");
        var (status, _) = await h.InvokeAsync(Hung, "publish", ActionData(h.Connector.CardsIn(Hung.Conversation).Last(), "publish"));
        Assert.Equal(HttpStatusCode.OK, status);
        return h;
    }

    internal static async Task<List<AssignmentRecord>> HeldAsync(BotHarness h, string aad) =>
        [.. (await h.Store.Assignments.ListByMemberAsync(Tenant, aad)).Where(a => a.Assignee.Unit == School).OrderBy(a => a.Ordinal)];

    [Fact]
    public async Task The_head_passes_the_schools_duty_by_the_card_the_teacher_gets_it_with_the_unit_wording_and_acknowledges_it()
    {
        await using var h = await PublishedAsync();
        var duties = await HeldAsync(h, Head.Aad);
        Assert.Equal(3, duties.Count);
        var card = h.Connector.CardsIn(Head.Conversation).First(c => Json(c).Contains(duties[0].AssignmentId, StringComparison.Ordinal));
        var (_, view) = await h.InvokeAsync(Head, "refresh", ActionData(card, "refresh"), trigger: "automatic");
        var data = ActionData(view["value"]!.AsObject(), CardVerbs.Reassign);
        data[CardVerbs.ReassignToInput] = An.Aad;
        data[CardVerbs.ReassignNoteInput] = "Thầy An xây dựng kế hoạch của trường, nộp trước 15/4.";

        var (_, done) = await h.InvokeAsync(Head, CardVerbs.Reassign, data);

        Assert.Equal(200, done["statusCode"]!.GetValue<int>());
        var passed = (await h.Store.Assignments.GetAsync(Tenant, duties[0].AssignmentId))!;
        Assert.Equal(An.Aad, passed.MemberAadObjectId);
        Assert.Equal("THCS01", UnitAssignees.CodeOf(passed.Assignee));
        var anCard = Json(AssignmentCardOf(h, An));
        Assert.Contains(duties[0].AssignmentId, anCard);
        Assert.Contains($"Giao cho {School} – do hiệu trưởng phân công", anCard);
        Assert.Contains("Người thực hiện: Nguyễn Văn An", anCard);
        Assert.Contains("Ghi chú phân công: Thầy An xây dựng kế hoạch của trường, nộp trước 15/4.", anCard);
        // The head's posted card now says who in the school holds it.
        var old = h.Connector.Posts.Last(p => p.ConversationId == Head.Conversation && p.Method == "PUT");
        Assert.Contains($"{School}: nhiệm vụ đã phân công cho Nguyễn Văn An thực hiện.", Json(old.Body));

        // The teacher answers for the school on the same assignment; the history has the pass with its note.
        var ack = await h.InvokeAsync(An, "ack", ActionData(AssignmentCardOf(h, An), "ack"));
        Assert.Equal(200, ack.Body["statusCode"]!.GetValue<int>());
        Assert.Equal(AssignmentStatus.Acknowledged, (await h.Store.Assignments.GetAsync(Tenant, duties[0].AssignmentId))!.State.Status);
        var history = await h.Services.GetRequiredService<IHistoryStore>().ListByAssignmentAsync(Tenant, duties[0].AssignmentId);
        var pass = Assert.Single(history, e => e.Event == HistoryEvent.Reassigned);
        Assert.Equal("Thủ trưởng THCS01 → Nguyễn Văn An — Thầy An xây dựng kế hoạch của trường, nộp trước 15/4.", pass.Detail);
        // The other two duties stay with the head.
        Assert.Equal(2, (await HeldAsync(h, Head.Aad)).Count);
    }

    [Fact]
    public async Task The_head_types_phan_cong_and_picks_the_duty_by_its_number()
    {
        await using var h = await PublishedAsync();
        var duties = await HeldAsync(h, Head.Aad);

        await h.SayAsync(Head, "phân công cho An: tổng hợp giúp");
        var list = Json(h.Connector.CardsIn(Head.Conversation).Last());
        Assert.Contains("Nhiệm vụ của đơn vị bạn đang giữ:", list);
        Assert.Contains($"2. {School}: ", list);
        Assert.Equal(Head.Aad, (await h.Store.Assignments.GetAsync(Tenant, duties[1].AssignmentId))!.MemberAadObjectId);

        await h.SayAsync(Head, "phân công 2 cho Không Ai Cả: x");
        Assert.Contains("Không thấy thành viên \\\"Không Ai Cả\\\".", Json(h.Connector.CardsIn(Head.Conversation).Last()));

        await h.SayAsync(Head, "phan cong 2 cho nguyen van an: Thầy An báo cáo khó khăn, vướng mắc");
        Assert.Equal(An.Aad, (await h.Store.Assignments.GetAsync(Tenant, duties[1].AssignmentId))!.MemberAadObjectId);
        Assert.Contains($"{School}: nhiệm vụ đã phân công cho Nguyễn Văn An thực hiện.", Json(h.Connector.CardsIn(Head.Conversation).Last()));
        Assert.Contains("Thầy An báo cáo khó khăn, vướng mắc", Json(AssignmentCardOf(h, An)));
        // A member holding no unit duty is told so; other text still gets the help.
        await h.SayAsync(Hung, "phân công cho An");
        Assert.Contains("Bạn không giữ nhiệm vụ nào được giao cho đơn vị.", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
    }

    [Theory]
    [InlineData("phân công 2 cho Nguyễn Văn An: soạn đề", 2, "Nguyễn Văn An", "soạn đề")]
    [InlineData("Phan cong cho an", null, "an", null)]
    [InlineData("assign 1 to an@school.test: please", 1, "an@school.test", "please")]
    public void The_command_reads_number_person_and_note(string text, int? number, string person, string? note) =>
        Assert.Equal(new UnitHandOverCommand.Request(number, person, note), UnitHandOverCommand.Parse(text));

    [Fact]
    public void A_subject_groups_duty_passed_by_its_head_reads_giao_cho_to_toan_do_to_truong_phan_cong()
    {
        var assignee = new Assignee(null, null, "Tổ Toán")
        {
            Target = new AssigneeTarget(AssigneeKind.Unit, [new UnitSelector("TOAN", [UnitKind.SubjectGroup]) { Text = "Tổ Toán" }]),
        };
        var a = new AssignmentRecord("t", "a1", "p1", 1, assignee, "Ra đề kiểm tra", [], "aad-gv", AssignmentState.New, DateTimeOffset.UnixEpoch);
        var passed = UnitHandOvers.Mark(a, byHolder: true, "Cô Oanh", "Thầy Bình", null);
        var view = CardView.For("vi-VN", new DateOnly(2023, 4, 10));
        var card = UnitHandOvers.Apply(new AdaptiveCard { Body = [new TextBlock("x") { Id = "status" }] }, passed, view);
        Assert.Contains("Giao cho Tổ Toán – do tổ trưởng phân công", System.Text.Json.JsonSerializer.Serialize(card, AdaptiveJson.Options));
        // Passed on again by the teacher: the card names who passed it.
        var again = UnitHandOvers.Mark(passed, byHolder: true, "Thầy Bình", "Cô Hà", null);
        Assert.Equal(new UnitHandOver("Thầy Bình", false, "Cô Hà", null), again.Assignee.Target!.HandOver);
        // A person's assignment is left as it is.
        var person = a with { Assignee = new Assignee("Cô Oanh", null, "VT") };
        Assert.Same(person, UnitHandOvers.Mark(person, byHolder: true, "x", "y", null));
    }
}
