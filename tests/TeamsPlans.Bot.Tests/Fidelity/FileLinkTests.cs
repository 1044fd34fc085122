using System.Text;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Fidelity;

/// <summary>
/// A file shared with the bot in a personal chat arrives as application/vnd.microsoft.teams.file.download.info whose
/// downloadUrl is a short-lived pre-authenticated link (msteams-docs, "Send and receive files using bot"). The bot downloads
/// it when it arrives, not when the member later picks the assignment it answers.
/// </summary>
public sealed class FileLinkTests
{
    [Fact]
    public async Task A_file_waiting_for_a_choice_is_downloaded_when_it_arrives_and_stored_after_its_link_has_expired()
    {
        await using var h = await StartAsync();
        await PublishAsync(h, thirdDutyTo: Thanh); // Thành has duties a2 and a3: the bot must ask which one
        var url = h.Connector.AddFile("bc.docx", Encoding.UTF8.GetBytes("nội dung báo cáo tháng 5"));
        await h.SendFileAsync(Thanh, "Báo cáo tháng 5.docx", url);
        Assert.Equal(1, h.Connector.FileDownloads);

        // Thành answers twenty minutes later: the link (5 minutes) has expired.
        h.Time.Advance(TimeSpan.FromMinutes(20));
        var ask = h.Connector.CardsIn(Thanh.Conversation).Last();
        var choice = Objects(ask).Single(o => o["id"]?.GetValue<string>() == CardVerbs.ReportTargetInput);
        var pick = choice["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).First(v => v.StartsWith(Plan82 + "-a3|", StringComparison.Ordinal));
        var data = ActionData(ask, "report");
        data[CardVerbs.ReportTargetInput] = pick;
        var (_, body) = await h.InvokeAsync(Thanh, "report", data);

        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        var report = Assert.Single(await h.Store.Reports.ListByAssignmentAsync(Tenant, Plan82 + "-a3"));
        Assert.Equal("Nguyễn Tất Thành - Báo cáo tháng 5.docx", report.FileName);
        Assert.Equal(1, h.Connector.FileDownloads); // nothing fetched inside the invoke
    }
}
