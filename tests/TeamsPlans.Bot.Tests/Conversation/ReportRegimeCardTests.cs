using System.Text.Json.Nodes;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// Issue 15, the report regime (Decree 09/2019/NĐ-CP) through POST /api/messages. Seed 001, Cúc's duty: "thực hiện báo cáo
/// tình hình và kết quả triển khai thực hiện các nội dung trên về Sở Giáo dục và Đào tạo (qua phòng Chính trị tư tưởng)
/// trước ngày 20/5 và 01/11/2023" — a report, its recipient, two dates and no frequency; shown in the import preview and on
/// her card. A plan that names a quarterly report "theo mẫu tại Phụ lục 2" with its document on SharePoint shows the
/// decree's default cut-off and links the form.
/// </summary>
public sealed class ReportRegimeCardTests
{
    private static Dictionary<string, string> Facts(JsonNode n) => TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(n);

    private static JsonObject? ById(JsonNode card, string id) => Objects(card).FirstOrDefault(o => o["id"]?.GetValue<string>() == id);

    [Fact]
    public async Task The_regime_read_from_the_plan_is_in_the_import_preview_and_on_the_assignment_card()
    {
        await using var h = await StartAsync();
        await h.InstallAsync(Hung);
        await h.SayAsync(Hung, "nhập kế hoạch 001");
        var preview = h.Connector.CardsIn(Hung.Conversation).Last();
        Assert.NotNull(ById(preview, "regimes"));
        var read = Facts(ById(preview, "regime-preview-1")!);
        Assert.StartsWith("Báo cáo tình hình và kết quả triển khai thực hiện", read["Tên báo cáo"]);
        Assert.Equal("Sở Giáo dục và Đào tạo", read["Nơi nhận"]);

        await PublishAsync(h);
        var regime = Facts(ById(AssignmentCardOf(h, Cuc), "regime-1")!);
        Assert.StartsWith("Báo cáo tình hình và kết quả triển khai thực hiện", regime["Tên báo cáo"]);
        Assert.Contains("(qua phòng Chính trị tư tưởng)", regime["Nội dung"], StringComparison.Ordinal);
        Assert.Equal("Sở Giáo dục và Đào tạo", regime["Nơi nhận"]);
        Assert.Equal("Không định kỳ (theo mốc hạn)", regime["Tần suất"]);
        Assert.False(regime.ContainsKey("Thời gian chốt số liệu")); // not periodic, none printed
    }

    [Fact]
    public async Task A_quarterly_report_with_a_form_shows_the_default_cut_off_and_links_the_form()
    {
        await using var h = await StartAsync();
        await PublishAsync(h);
        const string sentence = "Báo cáo kết quả định kỳ hằng quý về Sở Giáo dục và Đào tạo qua hệ thống quản lý văn bản trước ngày 15/6/2023, theo mẫu tại Phụ lục 2.";
        var due = DueDate.OnDate(new DateOnly(2023, 6, 15));
        var plan = (await h.Store.Plans.GetAsync(Tenant, Plan82))!;
        var regime = new ReportRegime("Báo cáo kết quả")
        {
            To = "Sở Giáo dục và Đào tạo", Method = "qua hệ thống quản lý văn bản", Frequency = Recurrence.Quarterly, Due = due,
            Outline = "theo mẫu tại Phụ lục 2", Source = sentence,
        };
        await h.Store.Plans.UpsertAsync(plan with { Document = plan.Document with { Reports = [regime] }, DocumentUri = "https://contoso.sharepoint.com/sites/bk/KeHoach/82-KH-THPT-BK.pdf" });
        var a3 = (await h.Store.Assignments.GetAsync(Tenant, Plan82 + "-a3"))!;
        await h.Store.Assignments.UpsertManyAsync([a3 with { Deadlines = [new Deadline(due, Recurrence.Quarterly, "Báo cáo kết quả", "Sở Giáo dục và Đào tạo", null) { Source = sentence }] }]);

        var (_, refreshed) = await h.InvokeAsync(Cuc, "refresh", ActionData(AssignmentCardOf(h, Cuc), "refresh"), trigger: "automatic");
        var card = refreshed["value"]!;
        var facts = Facts(ById(card, "regime-1")!);
        Assert.Equal("Hằng quý", facts["Tần suất"]);
        Assert.Equal("qua hệ thống quản lý văn bản", facts["Hình thức gửi"]);
        // Q2 of 2023 under Decree 09: from 15/03 to 14/06.
        Assert.Equal("15/03/2023 – 14/06/2023 (mặc định theo Nghị định 09/2019/NĐ-CP)", facts["Thời gian chốt số liệu"]);
        Assert.Equal("theo mẫu tại Phụ lục 2", facts["Đề cương / mẫu"]);
        var open = Objects(ById(card, "regime-1")).Single(o => o["type"]?.GetValue<string>() == "Action.OpenUrl");
        Assert.Equal("Mở đề cương / mẫu", open["title"]!.GetValue<string>());
        Assert.Equal("https://contoso.sharepoint.com/sites/bk/KeHoach/82-KH-THPT-BK.pdf", open["url"]!.GetValue<string>());
    }
}
