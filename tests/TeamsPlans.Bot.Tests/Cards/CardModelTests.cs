using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Features.Status;

namespace TeamsPlans.Bot.Tests.Cards;

public sealed class CardModelTests
{
    [Fact]
    public void Serializes_schema_names_type_first_without_nulls_and_without_escaping_vietnamese()
    {
        var card = new AdaptiveCard
        {
            Lang = "vi",
            Body = [new TextBlock("Kế hoạch đối ngoại") { Weight = "bolder" }, new TextInput { Id = "c", Label = "Ghi chú" }],
            Actions = [new OpenUrlAction { Title = "Mở", Url = "https://example.org/a" }],
        };
        var json = card.ToJson();
        Assert.StartsWith("""{"type":"AdaptiveCard","$schema":""", json);
        Assert.Contains("\"version\":\"1.5\"", json);
        Assert.Contains("""{"type":"TextBlock","text":"Kế hoạch đối ngoại","wrap":true,"weight":"bolder"}""", json);
        Assert.Contains("""{"type":"Input.Text","id":"c","label":"Ghi chú"}""", json);
        Assert.Contains("""{"type":"Action.OpenUrl","title":"Mở","url":"https://example.org/a"}""", json);
        Assert.Contains("\"msteams\":{\"width\":\"Full\"}", json);
        Assert.DoesNotContain("null", json);
        Assert.DoesNotContain("\\u", json);
        Assert.Equal(json, card.ToJson()); // stable

        var att = card.ToAttachment();
        Assert.Equal("application/vnd.microsoft.card.adaptive", att.ContentType);
        Assert.Equal("AdaptiveCard", att.Content!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Assignment_card_has_universal_actions_with_submit_fallback_refresh_and_version_data()
    {
        var plan = CardSamples.Stored(CardSamples.Plan82(), "kh-82");
        var rec = CardSamples.Records(plan, "aad-cuc")[0];
        var users = Enumerable.Range(1, 75).Select(i => $"29:u{i}").ToList();
        var card = AssignmentCards.Assignment(plan, rec, "Ngô Tấn Hưng", CardView.For("vi-VN", CardSamples.Today), users).ToJsonObject();

        var refresh = card["refresh"]!.AsObject();
        Assert.Equal("Action.Execute", refresh["action"]!["type"]!.GetValue<string>());
        Assert.Equal("refresh", refresh["action"]!["verb"]!.GetValue<string>());
        Assert.Equal(60, refresh["userIds"]!.AsArray().Count);

        var actions = card["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        var ack = actions.Single(a => a["verb"]?.GetValue<string>() == "ack");
        Assert.Equal("Xác nhận", ack["title"]!.GetValue<string>());
        Assert.Equal("Action.Execute", ack["type"]!.GetValue<string>());
        Assert.Equal(rec.AssignmentId, ack["data"]!["assignmentId"]!.GetValue<string>());
        Assert.Equal("kh-82", ack["data"]!["planId"]!.GetValue<string>());
        Assert.Equal(CardSamples.Tenant, ack["data"]!["tenantId"]!.GetValue<string>());
        Assert.Equal(1, ack["data"]!["version"]!.GetValue<int>());
        Assert.Equal("Action.Submit", ack["fallback"]!["type"]!.GetValue<string>());
        Assert.Equal("ack", ack["fallback"]!["data"]!["verb"]!.GetValue<string>());

        var done = actions.Single(a => a["verb"]?.GetValue<string>() == "done");
        Assert.Equal("Đã hoàn thành", done["title"]!.GetValue<string>());
        var show = actions.Single(a => a["type"]!.GetValue<string>() == "Action.ShowCard" && a["title"]!.GetValue<string>() == "Cập nhật tiến độ");
        var inner = show["card"]!.AsObject();
        var choice = inner["body"]![0]!.AsObject();
        Assert.Equal("Input.ChoiceSet", choice["type"]!.GetValue<string>());
        Assert.Equal(["0", "50", "100"], choice["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.Equal("Input.Text", inner["body"]![1]!["type"]!.GetValue<string>());
        Assert.Equal("progress", inner["actions"]![0]!["verb"]!.GetValue<string>());
        // No document URL → openPlan is an Action.Execute.
        Assert.Contains(actions, a => a["verb"]?.GetValue<string>() == "openPlan");
    }

    [Fact]
    public void Document_url_gives_open_url_and_english_texts()
    {
        var plan = CardSamples.Stored(CardSamples.AllDueKinds(), "kh-x", uri: "https://contoso.sharepoint.com/a b.docx");
        var rec = CardSamples.Records(plan, "aad-cuc")[0];
        var json = AssignmentCards.Assignment(plan, rec, null, CardView.For("en-GB", CardSamples.Today), ["29:a"]).ToJson();
        Assert.Contains("\"type\":\"Action.OpenUrl\"", json);
        Assert.Contains("https://contoso.sharepoint.com/a%20b.docx", json);
        Assert.Contains("Acknowledge", json);
        Assert.DoesNotContain("\"openPlan\"", json);
    }

    [Theory]
    [InlineData("vi", "15/12 hàng năm", "Quý I/2019", "tháng 06/2024", "Năm học 2023-2024", "20/06/2019 (định kỳ 6 tháng)")]
    [InlineData("en", "15/12 every year", "Q1 2019", "06/2024", "School year 2023-2024", "20/06/2019 (every 6 months)")]
    public void Due_dates_are_formatted_per_kind(string lang, string yearly, string quarter, string month, string schoolYear, string semi)
    {
        var s = CardStrings.For(lang);
        var d = CardSamples.AllDueKinds().Assignments[0].Deadlines;
        Assert.Equal(yearly, DueFormat.Format(d[0], s));
        Assert.Equal(quarter, DueFormat.Format(d[1], s));
        Assert.Equal(month, DueFormat.Format(d[2], s));
        Assert.Equal(schoolYear, DueFormat.Format(d[3], s));
        Assert.Equal(semi, DueFormat.Format(d[4], s));
        Assert.Equal("03/04/2023", DueFormat.Date(new DateOnly(2023, 4, 3)));
    }

    [Theory]
    [InlineData("vi", "15/03 (hằng quý)", "31/01 (hằng tháng)")]
    [InlineData("en", "15/03 (every quarter)", "31/01 (every month)")]
    public void Quarterly_and_monthly_deadlines_say_so_and_come_back_a_quarter_or_a_month_later(string lang, string quarterly, string monthly)
    {
        var s = CardStrings.For(lang);
        var q = new Deadline(DueDate.Yearly(3, 15), Recurrence.Quarterly, "Báo cáo quý", "Sở GDĐT", null);
        var m = new Deadline(DueDate.Yearly(1, 31), Recurrence.Monthly, "Báo cáo tháng", "Sở GDĐT", null);
        Assert.Equal(quarterly, DueFormat.Format(q, s));
        Assert.Equal(monthly, DueFormat.Format(m, s));
        // 20/07/2025: the next quarterly report is 15/09 (15/03 + two quarters); the monthly one 31/07 (clamped per month).
        Assert.Equal(new DateOnly(2025, 9, 15), DueFormat.Next([q], 2025, new DateOnly(2025, 7, 20))!.Value.Day);
        Assert.Equal(new DateOnly(2025, 7, 31), DueFormat.Next([m], 2025, new DateOnly(2025, 7, 20))!.Value.Day);
        Assert.Equal(new DateOnly(2025, 2, 28), DueFormat.Next([m], 2025, new DateOnly(2025, 2, 1))!.Value.Day);
    }

    [Fact]
    public void Status_card_counts_and_lists_who_has_not_acknowledged()
    {
        var plan = CardSamples.Stored(CardSamples.Plan82(), "kh-82");
        var recs = CardSamples.Records(plan, "aad-hung", "aad-thanh", "aad-cuc");
        recs[1] = recs[1] with { State = recs[1].State.Apply(AssignmentAction.Acknowledge, CardSamples.Now) };
        var members = CardSamples.Members().ToDictionary(m => m.AadObjectId);
        var card = StatusCards.Status([(plan, recs)], members, CardView.For("vi", CardSamples.Today), canRemind: true).ToJsonObject();
        var facts = Facts(card);
        Assert.Equal("3", facts["Tổng số nhiệm vụ"]);
        Assert.Equal("1", facts["Đã xác nhận"]);
        Assert.Equal("2", facts["Đã giao"]);
        var text = card.ToJsonString(AdaptiveJson.Options);
        Assert.Contains("Chưa xác nhận (2)", text);
        Assert.Contains("Ngô Tấn Hưng, Hồ Thị Thu Cúc", text);
        Assert.Contains("20/05/2023", text); // next deadline
        Assert.Contains("\"verb\":\"remind\"", text);
    }

    [Fact]
    public void Long_texts_are_cut_with_ellipsis_and_lists_say_how_many_more()
    {
        var huge = CardSamples.Huge("vi");
        foreach (var (name, card) in huge) Assert.True(card.SizeInBytes() < 40 * 1024, $"{name}: {card.SizeInBytes()} bytes");
        var preview = huge["huge-import-preview"].ToJson();
        Assert.Contains("…", preview);
        Assert.Matches("… và \\d+ mục khác", preview);
    }

    internal static Dictionary<string, string> Facts(JsonNode card)
    {
        var d = new Dictionary<string, string>();
        void Walk(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                if (o["type"]?.GetValue<string>() == "FactSet")
                    foreach (var f in o["facts"]!.AsArray()) d[f!["title"]!.GetValue<string>()] = f["value"]!.GetValue<string>();
                foreach (var (_, v) in o) Walk(v);
            }
            else if (n is JsonArray a) foreach (var x in a) Walk(x);
        }
        Walk(card);
        return d;
    }
}
