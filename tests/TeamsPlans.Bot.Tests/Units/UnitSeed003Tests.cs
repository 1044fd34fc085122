using System.Net;
using TeamsPlans.Bot.Features.Units;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Plans.Units;
using TeamsPlans.Testing;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;
using static TeamsPlans.Bot.Tests.Units.UnitAssignmentTests;

namespace TeamsPlans.Bot.Tests.Units;

/// <summary>
/// Seed 003 (Sở GD&amp;ĐT Hải Phòng, giai đoạn 2024-2025) imported through chat against the test Sở's directory (the .xlsx
/// of 50 schools, 10 Phòng GD&amp;ĐT, 3 centres): every unit assignee resolves, the preview shows the expansion, and
/// publishing sends each unit head one card per duty of the unit.
/// </summary>
public sealed class UnitSeed003Tests
{
    [Fact]
    public async Task Seed_003_every_unit_assignee_resolves_the_preview_expands_the_sets_and_publishing_reaches_every_unit_head()
    {
        await using var h = await StartAsync();
        var rows = await DirectoryAsync(h);
        AddSeed(h, "003");
        await h.InstallAsync(Hung);
        foreach (var r in rows.Where(r => r[0] != "SGDDT")) await h.InstallAsync(HeadOf(r[0]));
        await h.SayAsync(Hung, "nhập kế hoạch 003");

        var plan = (await h.Store.Plans.ListAsync(Tenant)).Single(p => p.Document.Issuer!.Contains("Hải Phòng", StringComparison.Ordinal)
            || p.Document.Place?.Contains("Hải Phòng", StringComparison.Ordinal) == true);
        var records = await h.Store.Assignments.ListByPlanAsync(Tenant, plan.PlanId);
        // IV.1 "Văn phòng Sở – cơ quan thường trực" (1 unit); IV.2 "các phòng cơ quan Sở, các đơn vị giáo dục" (6 phòng,
        // 50 schools and 3 centres); IV.3 "các đơn vị" (every unit below the Sở: 6 + 10 + 50 + 3).
        Assert.Equal(1 + 6 + 53 + 69, records.Count);
        Assert.All(records, r => Assert.Equal("aad-" + UnitExpansion.UnitCodeOf(r.Assignee)!.ToLowerInvariant(), r.MemberAadObjectId));
        Assert.Single(records, r => r.Assignee.Unit == "Văn phòng Sở" && r.Duty.Contains("thường trực", StringComparison.Ordinal));

        var preview = h.Connector.CardsIn(Hung.Conversation).Last();
        Assert.Contains("các phòng cơ quan Sở → 6 đơn vị", Json(preview));
        Assert.Contains("các đơn vị giáo dục → 53 đơn vị", Json(preview));
        Assert.Contains("các đơn vị → 69 đơn vị", Json(preview));
        Assert.DoesNotContain("chưa có thủ trưởng", Json(preview));
        var (status, body) = await h.InvokeAsync(Hung, "publish", ActionData(preview, "publish"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        await h.DeliverQueuedAsync();

        // Each head gets one card per duty of the unit: the Văn phòng 3 (IV.1, IV.2, IV.3), the other phòng and the schools
        // and centres 2 (IV.2, IV.3), a Phòng GD&ĐT 1 (IV.3).
        foreach (var r in rows.Where(r => r[0] != "SGDDT"))
        {
            var kind = UnitKinds.Parse(r[2])!.Value;
            var expected = r[0] == "VP" ? 3 : kind == UnitKind.DistrictOffice ? 1 : 2;
            var cards = h.Connector.CardsIn(HeadOf(r[0]).Conversation).Count(c => Json(c).Contains("Nhiệm vụ được giao", StringComparison.Ordinal));
            Assert.True(expected == cards, $"{r[0]}: {cards} cards, {expected} expected");
        }
    }
}
