using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// Issue 15 through POST /api/messages: the report regime is editable in the import preview. Seed 001 names one report
/// (Cúc's duty: "báo cáo tình hình và kết quả … về Sở Giáo dục và Đào tạo (qua phòng Chính trị tư tưởng) trước ngày 20/5 và
/// 01/11/2023"), with no method, frequency, cut-off or form. Hưng fills them in the preview, links the form file of the
/// library and publishes: Cúc's card shows the edited regime and opens the form. A cut-off that is not a date is refused.
/// </summary>
public sealed class RegimeEditTests
{
    private const string Form = "https://contoso.sharepoint.com/sites/bk/Shared%20Documents/Mau-bao-cao-chuyen-de.docx";

    private static JsonObject? ById(JsonNode card, string id) => Objects(card).FirstOrDefault(o => o["id"]?.GetValue<string>() == id);

    /// <summary>What the client sends with an Execute of <paramref name="verb"/>: its data and every input's value.</summary>
    private static JsonObject Submit(JsonObject card, string verb)
    {
        var data = ActionData(card, verb);
        foreach (var input in Objects(card).Where(o => o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true))
            if (input["value"] is JsonValue v) data[input["id"]!.GetValue<string>()] = v.GetValue<string>();
        return data;
    }

    [Fact]
    public async Task A_regime_edited_in_the_preview_is_on_the_published_card_with_the_form_link()
    {
        await using var h = await StartAsync();
        foreach (var u in new[] { Hung, Thanh, Lan, Cuc }) await h.InstallAsync(u);
        await h.SayAsync(Hung, "nhập kế hoạch 001");
        var preview = h.Connector.CardsIn(Hung.Conversation).Last();

        // The inputs hold what the reader found: the report's name and its recipient.
        var edit = ById(preview, "regime-edit-1")!;
        Assert.StartsWith("Báo cáo tình hình và kết quả triển khai thực hiện", ById(edit, "regime_1_name")!["value"]!.GetValue<string>());
        Assert.Equal("Sở Giáo dục và Đào tạo", ById(edit, "regime_1_recipient")!["value"]!.GetValue<string>());
        Assert.Equal("none", ById(edit, "regime_1_frequency")!["value"]!.GetValue<string>());

        // A cut-off that is not a date: refused, nothing saved.
        var bad = Submit(preview, CardVerbs.Map);
        bad["regime_1_datato"] = "31/13/2023";
        var (_, refused) = await h.InvokeAsync(Hung, CardVerbs.Map, bad);
        Assert.Equal("BadRegimeDate", refused["value"]!["code"]!.GetValue<string>());
        Assert.Null((await h.Store.Plans.GetAsync(Tenant, Plan82))!.Document.Reports[0].DataTo);

        var data = Submit(preview, CardVerbs.Publish);
        data[CardVerbs.MapInputPrefix + Plan82 + "-a3"] = Cuc.Aad;
        data["regime_1_name"] = "Báo cáo kết quả thực hiện chuyên đề hội nhập quốc tế";
        data["regime_1_method"] = "Qua hệ thống quản lý văn bản và điều hành";
        data["regime_1_frequency"] = "Semiannual";
        data["regime_1_datafrom"] = "15/11/2022";
        data["regime_1_datato"] = "14/05/2023";
        data["regime_1_outline"] = "Theo mẫu tại Phụ lục 2";
        data["regime_1_file"] = Form;
        var (_, published) = await h.InvokeAsync(Hung, CardVerbs.Publish, data);
        Assert.Equal(200, published["statusCode"]!.GetValue<int>());

        var regime = ById(AssignmentCardOf(h, Cuc), "regime-1")!;
        var facts = TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(regime);
        Assert.Equal("Báo cáo kết quả thực hiện chuyên đề hội nhập quốc tế", facts["Tên báo cáo"]);
        Assert.Equal("Sở Giáo dục và Đào tạo", facts["Nơi nhận"]);
        Assert.Equal("Qua hệ thống quản lý văn bản và điều hành", facts["Hình thức gửi"]);
        Assert.Equal("6 tháng", facts["Tần suất"]);
        Assert.Equal("15/11/2022 – 14/05/2023", facts["Thời gian chốt số liệu"]);
        Assert.Equal("Theo mẫu tại Phụ lục 2", facts["Đề cương / mẫu"]);
        // The content is still the plan's sentence (not edited), and the regime still goes with Cúc's report deadline.
        Assert.Contains("(qua phòng Chính trị tư tưởng)", facts["Nội dung"], StringComparison.Ordinal);
        var open = Objects(regime).Single(o => o["type"]?.GetValue<string>() == "Action.OpenUrl");
        Assert.Equal("Mở đề cương / mẫu", open["title"]!.GetValue<string>());
        Assert.Equal(Form, open["url"]!.GetValue<string>());
        // Published: the preview no longer offers the inputs.
        Assert.Null(ById(published["value"]!, "regime-edit-1"));
    }
}
