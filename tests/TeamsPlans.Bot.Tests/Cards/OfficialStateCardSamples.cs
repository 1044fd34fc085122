using System.Text;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Features.Assignments;
using TeamsPlans.Bot.Features.Regime;
using TeamsPlans.Bot.Features.Rollup;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Scheduling;
using TeamsPlans.Storage;

namespace TeamsPlans.Bot.Tests.Cards;

/// <summary>
/// The cards issue 15 adds or extends (the four official states on My tasks, the plan summary and the roll-up; the report
/// regime on the assignment card and the import preview), each checked by the official adaptivecards library in vi and en.
/// </summary>
public sealed class OfficialStateCardSamples
{
    /// <summary>Plan 82 with the quarterly report regime of a plan that names its form (Phụ lục 2), on SharePoint.</summary>
    public static StoredPlan WithRegime()
    {
        const string sentence = "Báo cáo kết quả định kỳ hằng quý về Sở Giáo dục và Đào tạo qua hệ thống quản lý văn bản trước ngày 15/6/2023, theo mẫu tại Phụ lục 2.";
        var due = DueDate.OnDate(new DateOnly(2023, 6, 15));
        var doc = CardSamples.Plan82();
        var regime = new ReportRegime("Báo cáo kết quả")
        {
            To = "Sở Giáo dục và Đào tạo", Method = "qua hệ thống quản lý văn bản", Frequency = Recurrence.Quarterly, Due = due,
            Outline = "theo mẫu tại Phụ lục 2", Source = sentence,
        };
        var deadline = new Deadline(due, Recurrence.Quarterly, "Báo cáo kết quả", "Sở Giáo dục và Đào tạo", null) { Source = sentence };
        doc = doc with
        {
            Reports = [regime],
            Deadlines = [deadline],
            Assignments = [.. doc.Assignments.Select((a, i) => i == 2 ? a with { Deadlines = [deadline] } : a)],
        };
        return CardSamples.Stored(doc, "kh-82-regime", uri: "https://contoso.sharepoint.com/sites/bk/KeHoach/82-KH-THPT-BK.pdf");
    }

    public static Dictionary<string, AdaptiveCard> All(string locale)
    {
        var v = CardView.For(locale, CardSamples.Today);
        var plan = CardSamples.Stored(CardSamples.Plan82(), "kh-82-kh-thpt-bk");
        var recs = CardSamples.Records(plan, "aad-hung", "aad-thanh", "aad-cuc");
        var states = new Dictionary<string, OfficialState>
        {
            [recs[0].AssignmentId] = OfficialState.DoneOnTime, [recs[1].AssignmentId] = OfficialState.OpenWithinDeadline, [recs[2].AssignmentId] = OfficialState.DoneLate,
        };
        var regime = WithRegime();
        var regimeRecs = CardSamples.Records(regime, "aad-hung", "aad-thanh", "aad-cuc");
        var draft = CardSamples.Stored(regime.Document, "kh-82-regime-draft", PlanStatus.Draft);
        var calc = new OfficialStateCalculator(new ReminderCalendar());
        return new Dictionary<string, AdaptiveCard>
        {
            ["mytasks-states"] = AssignmentCards.MyTasks([(plan, recs[1]), (plan, recs[2])], v, null, states),
            ["plan-summary-states"] = AssignmentCards.PlanSummary(plan, recs, v, states),
            ["rollup-states"] = RollupStates.Append(RollupCards.Rollup(CardSamples.Rollup(), new Dictionary<string, string>(), v), CardSamples.Rollup(), calc, v),
            ["assignment-regime"] = RegimeCards.Apply(AssignmentCards.Assignment(regime, regimeRecs[2], "Hồ Thị Thu Cúc", v, ["29:1cuc"]), regime, regimeRecs[2], v),
            ["assignment-regime-seed"] = RegimeCards.Apply(AssignmentCards.Assignment(plan, recs[2], "Hồ Thị Thu Cúc", v, ["29:1cuc"]), plan, recs[2], v),
            ["import-preview-regime"] = Features.Import.ImportCards.ImportPreview(draft, CardSamples.Records(draft), new Dictionary<string, Member>(), [], v),
        };
    }

    [Fact]
    public void Every_new_card_passes_the_official_renderer_with_zero_errors()
    {
        var cards = All("vi-VN").Select(kv => KeyValuePair.Create("vi-" + kv.Key, kv.Value))
            .Concat(All("en-US").Select(kv => KeyValuePair.Create("en-" + kv.Key, kv.Value))).ToList();
        var dir = Directory.CreateTempSubdirectory("cards-states-").FullName;
        try
        {
            foreach (var (name, card) in cards) File.WriteAllText(Path.Combine(dir, name + ".json"), card.ToJson(), new UTF8Encoding(false));
            var (report, exit, stderr) = CardCheck.Run(dir);
            var root = report.RootElement;
            Assert.Equal(cards.Count, root.GetProperty("count").GetInt32());
            var problems = root.GetProperty("cards").EnumerateArray().Where(c => c.GetProperty("errors").GetArrayLength() > 0)
                .Select(c => Path.GetFileName(c.GetProperty("file").GetString()) + ": " + string.Join(" | ", c.GetProperty("errors").EnumerateArray().Select(e => e.GetString())))
                .ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems) + stderr);
            Assert.Equal(0, exit);
        }
        finally { Directory.Delete(dir, true); }
        // The samples show what they are for: the regime's facts and link, the states on the lists.
        var vi = All("vi-VN");
        var regimeJson = vi["assignment-regime"].ToJson();
        Assert.Contains("15/03/2023 – 14/06/2023", regimeJson, StringComparison.Ordinal);
        Assert.Contains("https://contoso.sharepoint.com/sites/bk/KeHoach/82-KH-THPT-BK.pdf", regimeJson, StringComparison.Ordinal);
        Assert.Contains("Chế độ báo cáo đọc được: 1", vi["import-preview-regime"].ToJson(), StringComparison.Ordinal);
        Assert.Contains("Hoàn thành quá hạn", vi["mytasks-states"].ToJson(), StringComparison.Ordinal);
        Assert.Contains("\"rollupStates\"", vi["rollup-states"].ToJson(), StringComparison.Ordinal);
    }
}
