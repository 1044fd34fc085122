using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Features.Units;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;
using TeamsPlans.Testing;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Units;

/// <summary>Department plans (seeds 002, 004) imported through chat against a unit directory made by the tests.</summary>
public sealed class UnitAssignmentTests
{
    internal static TestUser HeadOf(string code) => new("aad-" + code.ToLowerInvariant(), "29:1" + code, "Thủ trưởng " + code, "a:conv-" + code);

    /// <summary>The test Sở's directory (or the part below <paramref name="top"/>) in the harness tenant, heads as members.</summary>
    internal static async Task<IReadOnlyList<string[]>> DirectoryAsync(BotHarness h, string? top = null)
    {
        var rows = UnitListFiles.Department().Where(r => top is null || r[0] == top || r[3] == top).ToList();
        await AddHeadsAsync(h, rows);
        var importer = new UnitDirectoryImporter(h.Store, TimeProvider.System, NullLogger<UnitDirectoryImporter>.Instance);
        var result = await importer.ImportAsync(Tenant, UnitListFiles.Xlsx(UnitListFiles.Sheet(rows)), "don-vi.xlsx", dryRun: false, default);
        Assert.Equal(rows.Count, result.Units.Count);
        return rows;
    }

    /// <summary>The head of each row as a member of the harness tenant ("aad-thpt07", head.thpt07@so.test).</summary>
    internal static async Task AddHeadsAsync(BotHarness h, IEnumerable<string[]> rows)
    {
        foreach (var r in rows)
            await h.Store.Members.UpsertAsync(new Member(Tenant, "aad-" + r[0].ToLowerInvariant(), "Thủ trưởng " + r[0], UnitListFiles.HeadUpn(r[0]), null, null, MemberRoles.Member, "vi-VN"));
    }

    internal static void AddSeed(BotHarness h, string prefix)
    {
        Directory.CreateDirectory(Path.Combine(h.LibraryDir, "so"));
        File.Copy(SeedPath(prefix), Path.Combine(h.LibraryDir, "so", Path.GetFileName(SeedPath(prefix))));
    }

    [Fact]
    public async Task Seed_002_every_unit_assignee_resolves_to_a_unit_head_and_the_preview_shows_the_expansion()
    {
        await using var h = await StartAsync();
        await DirectoryAsync(h);
        AddSeed(h, "002");
        await h.InstallAsync(Hung);
        await h.SayAsync(Hung, "nhập kế hoạch 002");

        var plan = (await h.Store.Plans.ListAsync(Tenant)).Single(p => p.Document.Issuer!.Contains("Hồ Chí Minh", StringComparison.Ordinal));
        var records = await h.Store.Assignments.ListByPlanAsync(Tenant, plan.PlanId);
        // III: "Văn phòng Sở" (1 unit); "các phòng thuộc Sở, các đơn vị giáo dục" (6 phòng + 50 schools + 3 centres);
        // "các đơn vị" (every unit below the Sở: 6 + 10 + 50 + 3).
        Assert.Equal(1 + 6 + 53 + 69, records.Count);
        Assert.All(records, r => Assert.NotNull(r.MemberAadObjectId));
        Assert.All(records, r => Assert.Equal("aad-" + UnitExpansion.UnitCodeOf(r.Assignee)!.ToLowerInvariant(), r.MemberAadObjectId));
        Assert.Single(records, r => r.Assignee.Unit == "Văn phòng Sở" && r.Duty.Contains("thường trực", StringComparison.Ordinal));
        Assert.Equal(20, records.Count(r => r.Assignee.Target!.Units[0].Text == "các đơn vị giáo dục" && r.Assignee.Unit!.StartsWith("Trường THPT", StringComparison.Ordinal)));

        var preview = Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains("các phòng thuộc Sở → 6 đơn vị", preview);
        Assert.Contains("các đơn vị giáo dục → 53 đơn vị", preview);
        Assert.Contains("các đơn vị → 69 đơn vị", preview);
        Assert.DoesNotContain("chưa có thủ trưởng", preview);
    }

    [Fact]
    public async Task Seed_004_publishing_sends_one_card_per_unit_to_its_head()
    {
        await using var h = await StartAsync();
        // The Phòng's own directory: itself and its three schools (THCS 1, 11, 21).
        var rows = await DirectoryAsync(h, top: "PGD01");
        Assert.Equal(4, rows.Count);
        AddSeed(h, "004");
        await h.InstallAsync(Hung);
        foreach (var code in new[] { "THCS01", "THCS11", "THCS21" }) await h.InstallAsync(HeadOf(code));
        await h.SayAsync(Hung, "nhập kế hoạch 004");

        var preview = h.Connector.CardsIn(Hung.Conversation).Last();
        Assert.Contains("Các đơn vị trực thuộc Phòng Giáo dục và Đào tạo → 3 đơn vị", Json(preview));
        var (status, body) = await h.InvokeAsync(Hung, "publish", ActionData(preview, "publish"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());

        // 004 IV: three duties of "các đơn vị trực thuộc" (1. build the plan, 2. report difficulties, 3. report results):
        // each school head gets one card per duty, for the school.
        foreach (var code in new[] { "THCS01", "THCS11", "THCS21" })
        {
            var cards = h.Connector.CardsIn(HeadOf(code).Conversation).Where(c => Json(c).Contains("Nhiệm vụ được giao", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, cards.Count);
            Assert.All(cards, c => Assert.Contains($"Trường THCS Thử Nghiệm {int.Parse(code[4..], System.Globalization.CultureInfo.InvariantCulture)}", Json(c)));
        }
    }
}
