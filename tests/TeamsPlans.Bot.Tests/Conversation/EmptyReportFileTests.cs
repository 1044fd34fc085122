using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>A 0-byte file sent to the bot is not a report (issue #12): a bilingual reason, nothing stored.</summary>
public sealed class EmptyReportFileTests
{
    [Fact]
    public async Task A_zero_byte_file_is_refused_as_a_report_in_both_languages()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        var show = Objects(AssignmentCardOf(h, Cuc)).Single(o => o["type"]?.GetValue<string>() == "Action.ShowCard" && o["title"]?.GetValue<string>() == "Nộp báo cáo");
        var data = ActionData(show["card"]!.AsObject(), "report");
        data[CardVerbs.ReportPeriodInput] ??= Objects(show).First(o => o["id"]?.GetValue<string>() == CardVerbs.ReportPeriodInput)["value"]!.GetValue<string>();
        data[CardVerbs.ReportLinkInput] = "https://bk.edu.vn/x";
        await h.InvokeAsync(Cuc, "report", data); // the target of the next file; one report
        h.Connector.Files["empty.pdf"] = [];

        await h.SendFileAsync(Cuc, "Báo cáo rỗng.pdf", h.Connector.ServiceUrl + "files/empty.pdf");

        Assert.Contains(h.Connector.TextsIn(Cuc.Conversation), t =>
            t.Contains("Tệp \"Báo cáo rỗng.pdf\" trống (0 byte)", StringComparison.Ordinal) && t.Contains("is empty (0 bytes)", StringComparison.Ordinal));
        Assert.Single(await h.Store.Reports.ListByAssignmentAsync(Tenant, Plan82 + "-a3"));
        Assert.DoesNotContain(h.Connector.TextsIn(Cuc.Conversation), t => t.Contains("Đã nhận tệp", StringComparison.Ordinal));
    }
}
