using TeamsPlans.Bot.Conversation;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>How principals actually ask: "tình hình kế hoạch thế nào?" is the status of every plan, not a plan called "thế nào".</summary>
public sealed class StatusPhrasingTests
{
    [Theory]
    [InlineData("tình hình kế hoạch thế nào?", null)]
    [InlineData("Tình hình kế hoạch thế nào rồi?", null)]
    [InlineData("tinh hinh ke hoach the nao", null)]
    [InlineData("tình hình thực hiện kế hoạch ra sao?", null)]
    [InlineData("tiến độ kế hoạch hiện nay", null)]
    [InlineData("trạng thái kế hoạch đối ngoại", null)]
    [InlineData("tình hình kế hoạch 82/KH-THPT BK thế nào?", "82/KH-THPT BK")]
    [InlineData("status of plan 82/KH-THPT BK so far", "82/KH-THPT BK")]
    [InlineData("trạng thái kh-82-kh-thpt-bk", "kh-82-kh-thpt-bk")]
    public void Filler_words_are_not_a_plan_number(string text, string? argument)
    {
        var c = TextCommands.Parse(text);
        Assert.Equal(CommandKind.Status, c.Kind);
        Assert.Equal(argument, c.Argument);
    }

    [Fact]
    public async Task The_principal_asking_how_the_plan_is_going_gets_the_status_card()
    {
        await using var h = await BotHarness.StartAsync();
        await h.InstallAsync(BotHarness.Hung);
        await h.InstallAsync(BotHarness.Thanh);
        await h.SayAsync(BotHarness.Hung, "nhập kế hoạch 001");
        await h.SayAsync(BotHarness.Hung, "tình hình kế hoạch thế nào?");
        var card = h.Connector.CardsIn(BotHarness.Hung.Conversation).Last().ToJsonString(TeamsPlans.Bot.Cards.AdaptiveJson.Options);
        Assert.Contains("82/KH-THPT BK", card);
        Assert.DoesNotContain("Không tìm thấy kế hoạch", card);
    }
}

/// <summary>A library file that is not a readable plan: the principal is told which file and why; nothing is stored.</summary>
public sealed class ImportBadFileTests
{
    [Fact]
    public async Task Importing_an_empty_file_from_chat_names_the_file_and_the_reason()
    {
        await using var h = await BotHarness.StartAsync();
        await h.InstallAsync(BotHarness.Hung);
        await File.WriteAllTextAsync(Path.Combine(h.LibraryDir, "ke-hoach-rong.txt"), "");
        await h.SayAsync(BotHarness.Hung, "nhập kế hoạch ke-hoach-rong");
        var card = h.Connector.CardsIn(BotHarness.Hung.Conversation).Last().ToJsonString(TeamsPlans.Bot.Cards.AdaptiveJson.Options);
        Assert.Contains("Không đọc được tệp", card);
        Assert.Contains("ke-hoach-rong.txt", card);
        Assert.Contains("the file is empty", card);
        Assert.Empty(await h.Store.Plans.ListAsync(BotHarness.Tenant));
    }
}
