using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Import;

/// <summary>
/// Issue 12: a principal who sends a plan document to the bot in chat is asked "plan to import or report to hand in?"
/// (import first, the default); a member's file stays a report; a principal's file that is no plan is a report.
/// Driven through /api/messages with files served by the fake connector.
/// </summary>
public sealed class ChatPlanFileTests
{
    private static List<JsonObject> Buttons(JsonObject card) =>
        Objects(card["actions"]).Where(o => o["type"]?.GetValue<string>() == "Action.Execute").ToList();

    private static async Task<BotHarness> WithSeedFileAsync()
    {
        var h = await StartAsync();
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u);
        h.Connector.Files["kh-82.txt"] = await File.ReadAllBytesAsync(SeedPath("001"));
        return h;
    }

    [Fact]
    public async Task A_principal_sending_a_plan_is_asked_plan_or_report_and_import_gives_the_draft_preview()
    {
        await using var h = await WithSeedFileAsync();
        await h.SendFileAsync(Hung, "Kế hoạch 82.txt", h.Connector.ServiceUrl + "files/kh-82.txt");

        var ask = h.Connector.CardsIn(Hung.Conversation).Last();
        Assert.Contains("Tệp \\\"Kế hoạch 82.txt\\\" là kế hoạch cần nhập hay báo cáo cần nộp?", Json(ask));
        // The seed's number, read from the file: "Số: 82 /KH-THPT BK".
        Assert.Contains("82/KH-THPT BK", Json(ask));
        var buttons = Buttons(ask);
        Assert.Equal([CardVerbs.FileAsPlan, CardVerbs.FileAsReport], buttons.Select(b => b["verb"]!.GetValue<string>()).ToList());
        Assert.Equal("positive", buttons[0]["style"]!.GetValue<string>()); // import is the default
        Assert.Empty(await h.Store.Plans.ListAsync(Tenant)); // nothing imported before the answer

        var (status, body) = await h.InvokeAsync(Hung, CardVerbs.FileAsPlan, ActionData(ask, CardVerbs.FileAsPlan));
        Assert.Equal(HttpStatusCode.OK, status);
        var preview = Json(body["value"]!);
        Assert.Contains("\"verb\":\"publish\"", preview);
        var plan = Assert.Single(await h.Store.Plans.ListAsync(Tenant));
        Assert.Equal("82/KH-THPT BK", plan.Number);
        Assert.Equal(TeamsPlans.Storage.PlanStatus.Draft, plan.Status);
        // The kept file is used once: a second click has nothing left.
        var (_, again) = await h.InvokeAsync(Hung, CardVerbs.FileAsPlan, ActionData(ask, CardVerbs.FileAsPlan));
        Assert.Equal(400, again["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_principal_choosing_report_goes_the_report_way_and_nothing_is_imported()
    {
        await using var h = await WithSeedFileAsync();
        await h.SendFileAsync(Hung, "Kế hoạch 82.txt", h.Connector.ServiceUrl + "files/kh-82.txt");
        var ask = h.Connector.CardsIn(Hung.Conversation).Last();

        var (status, body) = await h.InvokeAsync(Hung, CardVerbs.FileAsReport, ActionData(ask, CardVerbs.FileAsReport));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("được xử lý như báo cáo", Json(body["value"]!));
        // Hưng has no assignment: the report path says so.
        Assert.Contains("Bạn chưa có nhiệm vụ nào để nộp báo cáo", h.Connector.TextsIn(Hung.Conversation).Last());
        Assert.Empty(await h.Store.Plans.ListAsync(Tenant));
    }

    [Fact]
    public async Task A_members_plan_file_and_a_principals_non_plan_file_stay_reports()
    {
        await using var h = await WithSeedFileAsync();
        await h.SendFileAsync(Lan, "Kế hoạch 82.txt", h.Connector.ServiceUrl + "files/kh-82.txt");
        Assert.DoesNotContain(h.Connector.CardsIn(Lan.Conversation), c => Buttons(c).Any(b => b["verb"]?.GetValue<string>() == CardVerbs.FileAsPlan));
        Assert.Contains("Bạn chưa có nhiệm vụ nào để nộp báo cáo", h.Connector.TextsIn(Lan.Conversation).Last());

        h.Connector.Files["bc.txt"] = Encoding.UTF8.GetBytes("Báo cáo kết quả tháng 4: đã tổ chức 2 buổi giao lưu.");
        await h.SendFileAsync(Hung, "Báo cáo tháng 4.txt", h.Connector.ServiceUrl + "files/bc.txt");
        Assert.DoesNotContain(h.Connector.CardsIn(Hung.Conversation), c => Buttons(c).Any(b => b["verb"]?.GetValue<string>() == CardVerbs.FileAsPlan));
        Assert.Contains("Bạn chưa có nhiệm vụ nào để nộp báo cáo", h.Connector.TextsIn(Hung.Conversation).Last());
        Assert.Empty(await h.Store.Plans.ListAsync(Tenant));
    }
}
