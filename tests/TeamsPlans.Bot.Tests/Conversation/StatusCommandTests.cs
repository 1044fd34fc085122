using TeamsPlans.Bot.Features.Rollup;
using TeamsPlans.Bot.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>Status answers in Vietnamese (with and without diacritics) and English, by role, through POST /api/messages.</summary>
public sealed class StatusCommandTests
{
    private static Dictionary<string, string> Facts(System.Text.Json.Nodes.JsonNode card) => TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(card);

    [Theory]
    [InlineData("tình hình", CommandKind.Status, null)]
    [InlineData("tinh hinh", CommandKind.Status, null)]
    [InlineData("trạng thái kế hoạch 82/KH-THPT BK", CommandKind.Status, "82/KH-THPT BK")]
    [InlineData("trang thai ke hoach so 82/KH-THPT BK", CommandKind.Status, "82/KH-THPT BK")]
    [InlineData("status of plan 82/KH-THPT BK", CommandKind.Status, "82/KH-THPT BK")]
    [InlineData("ai chưa xác nhận?", CommandKind.NotAcknowledged, null)]
    [InlineData("ai chua xac nhan", CommandKind.NotAcknowledged, null)]
    [InlineData("who has not acknowledged?", CommandKind.NotAcknowledged, null)]
    [InlineData("hạn sắp tới", CommandKind.Deadlines, null)]
    [InlineData("han sap toi", CommandKind.Deadlines, null)]
    [InlineData("upcoming deadlines", CommandKind.Deadlines, null)]
    [InlineData("việc của tôi", CommandKind.MyTasks, null)]
    [InlineData("viec cua toi", CommandKind.MyTasks, null)]
    [InlineData("my tasks", CommandKind.MyTasks, null)]
    [InlineData("<at>TeamsPlans</at> tổng hợp đơn vị 678/KH-SGDĐT 2024", CommandKind.Rollup, "678/KH-SGDĐT 2024")]
    [InlineData("Đơn vị nào chưa nộp báo cáo?", CommandKind.Rollup, null)]
    [InlineData("rollup", CommandKind.Rollup, null)]
    [InlineData("xin chào", CommandKind.Unknown, null)]
    public void Commands_are_read_with_and_without_diacritics_and_in_english(string text, CommandKind kind, string? argument)
    {
        var c = TextCommands.Parse(text);
        Assert.Equal(kind, c.Kind);
        Assert.Equal(argument, c.Argument);
    }

    [Theory]
    [InlineData("678/KH-SGDĐT 2024", "678/KH-SGDĐT", 2024)]
    [InlineData("2023", null, 2023)]
    [InlineData("báo cáo", null, null)]
    [InlineData("82/KH-THPT BK", "82/KH-THPT BK", null)]
    public void Rollup_argument_gives_plan_number_and_year(string argument, string? number, int? year) =>
        Assert.Equal((number, year), RollupArgument.Parse(argument));

    [Fact]
    public async Task Principal_gets_status_not_acknowledged_and_deadlines_in_both_languages_members_only_their_own()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        await h.InvokeAsync(Thanh, "ack", ActionData(AssignmentCardOf(h, Thanh), "ack"));

        string Last(TestUser u) => Json(h.Connector.CardsIn(u.Conversation).Last());
        await h.SayAsync(Hung, "hạn sắp tới");
        var deadlines = Last(Hung);
        Assert.Contains("Hạn sắp tới", deadlines);
        Assert.Contains("20/05/2023", deadlines);
        await h.SayAsync(Hung, "han sap toi");
        Assert.Equal(deadlines, Last(Hung));
        await h.SayAsync(Hung, "ai chua xac nhan");
        Assert.Contains("Chưa xác nhận (2)", Last(Hung));
        await h.SayAsync(Hung, "trang thai ke hoach so 82/KH-THPT BK");
        Assert.Equal("1", Facts(h.Connector.CardsIn(Hung.Conversation).Last())["Đã xác nhận"]);
        Assert.Equal("0", Facts(h.Connector.CardsIn(Hung.Conversation).Last())["Báo cáo đã nộp"]);

        var en = Hung with { Locale = "en-US" };
        await h.SayAsync(en, "who has not acknowledged?");
        Assert.Contains("Not acknowledged (2)", Last(Hung));
        await h.SayAsync(en, "upcoming deadlines");
        Assert.Contains("Next deadlines", Last(Hung));
        await h.SayAsync(en, "status 82/KH-THPT BK");
        Assert.Equal("1", Facts(h.Connector.CardsIn(Hung.Conversation).Last())["Acknowledged"]);
        Assert.Equal("0", Facts(h.Connector.CardsIn(Hung.Conversation).Last())["Reports handed in"]);

        // Plain members: every status question answers with their own tasks only.
        foreach (var q in new[] { "tình hình", "ai chưa xác nhận?", "trạng thái kế hoạch 82/KH-THPT BK" }) // "hạn sắp tới": DeadlineListTests
        {
            await h.SayAsync(Thanh, q);
            var mine = Last(Thanh);
            Assert.Contains("Việc của tôi", mine);
            Assert.Contains("Đã xác nhận", mine);
            Assert.DoesNotContain("Hồ Thị Thu Cúc", mine);
            Assert.DoesNotContain("Ngô Tấn Hưng", mine);
            Assert.DoesNotContain("Tổng số nhiệm vụ", mine);
        }
        await h.SayAsync(Cuc with { Locale = "en-US" }, "status");
        var cuc = Last(Cuc);
        Assert.Contains("My tasks", cuc);
        Assert.DoesNotContain("Plan status", cuc);

        // Unknown text gets help; the principal's help lists the roll-up and members learn how to hand in reports.
        await h.SayAsync(Hung, "xyz abc");
        var help = Last(Hung);
        Assert.Contains("Tôi chưa hiểu", help);
        Assert.Contains("tổng hợp đơn vị", help);
        await h.SayAsync(Lan, "bot ơi");
        var lanHelp = Last(Lan);
        Assert.Contains("gửi tệp cho bot — nộp báo cáo", lanHelp);
        Assert.DoesNotContain("tổng hợp đơn vị", lanHelp);
    }
}
