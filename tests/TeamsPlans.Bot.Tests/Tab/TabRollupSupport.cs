using System.Net;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Bot.Tests.Protocol;
using TeamsPlans.Bot.Tests.Units;
using TeamsPlans.Plans.Model;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;
using static TeamsPlans.Bot.Tests.Units.UnitAssignmentTests;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The department of the unit roll-up tests (as <see cref="UnitRollupTests"/>): the Phòng GD&amp;ĐT's directory (PGD01 and
/// its schools THCS 1, 11, 21), seed 004 signed as 245/KH-PGDĐT and published, THCS 1 importing its implementing plan
/// 15/KH-THCSTN1 (the cascade links it), and the 6-monthly report "trước ngày 05/6" handed in by THCS 11 on 01/06/2023 and
/// by THCS 1 on 12/06/2023 (today). Local mode: the roster holds Hưng (principal, no unit), Lan (member), the head of PGD01
/// (the department officer) and the head of THCS 11; Entra mode (a key): tokens of the test key.
/// </summary>
public static class TabRollupSupport
{
    public static readonly TestUser Officer = HeadOf("PGD01");
    public static readonly TestUser SchoolHead = HeadOf("THCS11");

    public static async Task<BotHarness> StartAsync(TestSigningKey? key = null, bool kestrel = false)
    {
        var settings = new Dictionary<string, string>
        {
            ["Tenants:Allowed:0"] = Tenant,
            ["Tenants:Allowed:1"] = TabTestSupport.OtherTenant,
            ["Roles:Principals:1"] = "aad-thcs01",
        };
        if (key is not null)
        {
            settings["Tab:ClientId"] = TabTestSupport.ClientId;
            settings["Tab:Audience"] = TabTestSupport.Audience;
        }
        else settings["Tab:LocalRosterFile"] = await RosterAsync(Hung, Lan, Officer, SchoolHead);
        var h = await TabTestSupport.StartHarnessAsync(key, settings, kestrel);
        await DirectoryAsync(h, top: "PGD01");
        var phong = File.ReadAllText(SeedPath("004")).Replace(
            "Số:               /KH-PGDĐT Thủ Thừa, ngày            tháng         năm 2019",
            "Số: 245/KH-PGDĐT Thủ Thừa, ngày 20 tháng 9 năm 2019", StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(h.LibraryDir, "phong"));
        File.WriteAllText(Path.Combine(h.LibraryDir, "phong", "kh-245-thong-tin-doi-ngoai.txt"), phong);
        Directory.CreateDirectory(Path.Combine(h.LibraryDir, "truong"));
        File.WriteAllText(Path.Combine(h.LibraryDir, "truong", "kh-15-thcs-tn1.txt"), UnitRollupTests.SchoolPlan);
        await h.InstallAsync(Hung);
        await h.InstallAsync(Lan);
        foreach (var code in new[] { "PGD01", "THCS01", "THCS11", "THCS21" }) await h.InstallAsync(HeadOf(code));
        await h.SayAsync(Hung, "nhập kế hoạch kh-245");
        var (status, _) = await h.InvokeAsync(Hung, "publish", ActionData(h.Connector.CardsIn(Hung.Conversation).Last(), "publish"));
        Assert.Equal(HttpStatusCode.OK, status);
        await h.SayAsync(HeadOf("THCS01"), "nhập kế hoạch kh-15");
        var plan = (await h.Store.Plans.FindByNumberAsync(Tenant, UnitRollupTests.PhongNumber))!;
        var reports = (await h.Store.Assignments.ListByPlanAsync(Tenant, plan.PlanId))
            .Where(d => d.Deadlines.Any(x => x.Recurrence == Recurrence.Semiannual)).ToList();
        h.Time.SetUtcNow(new DateTimeOffset(2023, 6, 1, 3, 0, 0, TimeSpan.Zero));
        await UnitRollupTests.HandInAsync(h, "THCS11", reports, "2023-06-05");
        h.Time.SetUtcNow(new DateTimeOffset(2023, 6, 12, 3, 0, 0, TimeSpan.Zero));
        await UnitRollupTests.HandInAsync(h, "THCS01", reports, "2023-06-05");
        await h.DeliverQueuedAsync();
        return h;
    }

    /// <summary>A Playground roster file of tenant-bk with these users (object id, name, e-mail as the directory has it).</summary>
    public static async Task<string> RosterAsync(params TestUser[] users)
    {
        var roster = Path.Combine(Path.GetTempPath(), $"teamsplans-roster-{Guid.NewGuid():N}.yml");
        var lines = new List<string> { $"tenantId: {Tenant}", "users:" };
        foreach (var u in users)
        {
            lines.Add($"  - id: user-{u.Aad}");
            lines.Add($"    name: {u.Name}");
            lines.Add($"    aadObjectId: {u.Aad}");
        }
        await File.WriteAllLinesAsync(roster, lines);
        return roster;
    }
}
