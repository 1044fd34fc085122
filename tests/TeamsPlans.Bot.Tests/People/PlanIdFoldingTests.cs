using System.Text;
using TeamsPlans.Bot.Features.Import;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Reading;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;

namespace TeamsPlans.Bot.Tests.People;

/// <summary>
/// Issue 18: plan ids now fold with VietText.FoldWords (NFC first). An NFC number or name keeps its id; a decomposed (NFD)
/// file name, which the former per-character folding cut at every combining mark, now folds like its NFC form, and a plan
/// stored under the former id keeps it on re-import.
/// </summary>
public sealed class PlanIdFoldingTests
{
    // Seed 001 without its number: the id comes from the file name.
    private static string WithoutNumber()
    {
        var text = File.ReadAllText(SeedPath("001"), Encoding.UTF8);
        Assert.Contains("Số: 82 /KH-THPT BK", text);
        return text.Replace("Số: 82 /KH-THPT BK", "", StringComparison.Ordinal);
    }

    private const string NfdName = "Kế hoạch đối ngoại.txt";
    // The former folding, character by character: each combining mark of "Kế hoạch đối ngoại" (NFD) was a separator.
    private const string FormerId = "f-ke-hoa-ch-do-i-ngoa-i";
    private const string CurrentId = "f-ke-hoach-doi-ngoai";

    [Fact]
    public void Ids_of_NFC_text_are_unchanged_and_NFD_folds_like_NFC()
    {
        var doc = new PlanDocument { Number = "82/KH-THPT BK" };
        Assert.Equal("kh-82-kh-thpt-bk", PlanIds.For(doc, "x.txt"));
        Assert.Equal(PlanIds.For(doc, "x.txt"), PlanIds.Legacy(doc, "x.txt"));
        var none = new PlanDocument();
        var nfd = NfdName.Normalize(NormalizationForm.FormD);
        Assert.Equal(CurrentId, PlanIds.For(none, NfdName));
        Assert.Equal(CurrentId, PlanIds.For(none, nfd));
        Assert.Equal(CurrentId, PlanIds.Legacy(none, NfdName));
        Assert.Equal(FormerId, PlanIds.Legacy(none, nfd));
    }

    [Fact]
    public async Task A_plan_stored_under_the_former_id_keeps_it_when_imported_again()
    {
        await using var h = await StartAsync();
        var nfd = NfdName.Normalize(NormalizationForm.FormD);
        var path = Path.Combine(h.LibraryDir, "2023", nfd);
        File.WriteAllText(path, WithoutNumber(), Encoding.UTF8);
        var doc = await new PlanReader().ReadFileAsync(path);
        Assert.False(doc.Number?.Any(char.IsDigit) ?? false);
        var at = h.Time.GetUtcNow();
        await h.Store.Plans.UpsertAsync(new StoredPlan(Tenant, FormerId, doc, path, PlanStatus.Published, Hung.Aad, at, at));
        await h.InstallAsync(Hung);

        await h.SayAsync(Hung, "nhập kế hoạch đối ngoại");

        var plans = await h.Store.Plans.ListAsync(Tenant);
        Assert.Equal(FormerId, Assert.Single(plans).PlanId);
        Assert.Equal(PlanStatus.Published, plans[0].Status);
        Assert.Contains("đã được gửi", Conversation.Scenario.Json(h.Connector.CardsIn(Hung.Conversation).Last()));
    }

    [Fact]
    public async Task Without_a_stored_former_id_the_import_uses_the_current_id()
    {
        await using var h = await StartAsync();
        File.WriteAllText(Path.Combine(h.LibraryDir, "2023", NfdName.Normalize(NormalizationForm.FormD)), WithoutNumber(), Encoding.UTF8);
        await h.InstallAsync(Hung);
        await h.SayAsync(Hung, "nhập kế hoạch đối ngoại");
        Assert.Equal(CurrentId, Assert.Single(await h.Store.Plans.ListAsync(Tenant)).PlanId);
    }
}
