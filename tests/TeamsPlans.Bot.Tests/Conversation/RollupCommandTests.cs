using System.Text.Json.Nodes;
using TeamsPlans.Plans.Model;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Conversation;

/// <summary>
/// The department roll-up through POST /api/messages: the Sở (tenant-sgd) sees which of its units (Rollup:Units) issued a
/// plan citing 678/KH-SGDĐT and which handed in the 10/5 and 15/10 yearly reports, overdue units first.
/// </summary>
public sealed class RollupCommandTests
{
    private const string Dept = "tenant-sgd";
    private static readonly TestUser Director = TestUser.Realistic("sgd", "Lê Văn Giám");
    private static readonly TestUser Clerk = TestUser.Realistic("clerk", "Phạm Văn Văn");

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Roles:Principals:1"] = Director.Aad,
        ["Rollup:Units:" + Dept + ":0"] = "tenant-tl",
        ["Rollup:Units:" + Dept + ":1"] = "tenant-bk2",
        ["Rollup:Units:" + Dept + ":2"] = "tenant-xx",
        ["Rollup:UnitNames:tenant-xx"] = "Trường THCS Xuân Thới",
    };

    private static StoredPlan Plan(string tenant, string id, string number, string issuer, string? cites, IReadOnlyList<Deadline>? deadlines = null) => new(
        tenant, id, new PlanDocument
        {
            Number = number, Issuer = issuer, Title = "Hoạt động đối ngoại năm 2023", Year = 2023, IssuedOn = new DateOnly(2023, 2, 15),
            LegalBases = cites is null ? [] : [new LegalBasis("Kế hoạch", cites, new DateOnly(2023, 2, 1), "Sở GDĐT", $"Căn cứ Kế hoạch số {cites} ngày 01/02/2023")],
            Deadlines = deadlines ?? [],
        }, null, PlanStatus.Published, null, new DateTimeOffset(2023, 2, 15, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 2, 15, 0, 0, 0, TimeSpan.Zero));

    private static AssignmentRecord Duty(string tenant, string planId, string id) => new(
        tenant, id, planId, 1, new Assignee("Nguyễn Văn A", null, null), "Báo cáo kết quả", [], null, AssignmentState.New, DateTimeOffset.UnixEpoch);

    private static async Task<BotHarness> SeededAsync()
    {
        var h = await StartAsync(Settings);
        var s = h.Store;
        await s.Plans.UpsertAsync(Plan(Dept, "kh-678", "678/KH-SGDĐT", "Sở Giáo dục và Đào tạo", null,
        [
            new Deadline(DueDate.Yearly(5, 10), Recurrence.Yearly, "Báo cáo sơ kết", "Sở GDĐT", null),
            new Deadline(DueDate.Yearly(10, 15), Recurrence.Yearly, "Báo cáo tổng kết", "Sở GDĐT", null),
        ]));
        await s.Plans.UpsertAsync(Plan("tenant-tl", "kh-12", "12/KH-THPT TL", "Trường THPT Trung Lập", "678/KH-SGDĐT"));
        await s.Assignments.UpsertManyAsync([Duty("tenant-tl", "kh-12", "kh-12-a1")]);
        await s.Reports.AddAsync(new ReportSubmission("tenant-tl", "r1", "kh-12-a1", "2023-05-10", "bc.pdf", null, "aad-x", new DateTimeOffset(2023, 5, 8, 3, 0, 0, TimeSpan.Zero)));
        await s.Plans.UpsertAsync(Plan("tenant-bk2", "kh-7", "7/KH-THPT BK2", "Trường THPT Bách Khoa 2", "678/KH-SGDĐT"));
        await s.Assignments.UpsertManyAsync([Duty("tenant-bk2", "kh-7", "kh-7-a1")]);
        // Not a unit of the Sở: never shown, even though it cites the plan and reported.
        await s.Plans.UpsertAsync(Plan("tenant-other", "kh-9", "9/KH-THPT O", "Trường Khác", "678/KH-SGDĐT"));
        await s.Assignments.UpsertManyAsync([Duty("tenant-other", "kh-9", "kh-9-a1")]);
        await s.Reports.AddAsync(new ReportSubmission("tenant-other", "r9", "kh-9-a1", "2023-05-10", "o.pdf", null, "aad-o", new DateTimeOffset(2023, 5, 1, 3, 0, 0, TimeSpan.Zero)));
        h.Time.SetUtcNow(new DateTimeOffset(2023, 6, 1, 2, 0, 0, TimeSpan.Zero)); // 01/06/2023 09:00 in Vietnam
        await h.InstallAsync(Director, Dept);
        await h.InstallAsync(Clerk, Dept);
        return h;
    }

    internal static TestUser DirectorUser => Director;

    internal static Task<BotHarness> SeededForStatesAsync() => SeededAsync();

    private static Dictionary<string, string> Facts(JsonNode card) => TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(card);

    [Theory]
    [InlineData("tổng hợp đơn vị")]
    [InlineData("tong hop don vi")]
    [InlineData("Đơn vị nào chưa nộp?")]
    [InlineData("rollup 678/KH-SGDĐT")]
    public async Task Department_sees_implementing_plans_and_reports_per_unit_with_overdue_units_first(string command)
    {
        await using var h = await SeededAsync();
        await h.SayAsync(Director, command, Dept);
        var card = h.Connector.CardsIn(Director.Conversation).Last();
        var facts = Facts(card);
        Assert.Equal("3", facts["Số đơn vị"]);
        Assert.Equal("2/3", facts["Đã ban hành kế hoạch triển khai"]);
        Assert.Equal("1/3 đã nộp", facts["10/05/2023 — Báo cáo sơ kết"]);
        Assert.Equal("0/3 đã nộp", facts["15/10/2023 — Báo cáo tổng kết"]);
        Assert.Equal("2", facts["Đơn vị quá hạn"]);
        var json = Json(card);
        Assert.Contains("Tổng hợp đơn vị trực thuộc · 2023", json);
        Assert.Contains("✓ Đã ban hành kế hoạch triển khai: 12/KH-THPT TL (15/02/2023)", json);
        Assert.Contains("✗ Chưa ban hành kế hoạch triển khai", json);
        Assert.Contains("10/05/2023: ✓ đã nộp 08/05/2023", json);
        Assert.Contains("10/05/2023: ⚠ chưa nộp · Quá hạn", json);
        Assert.Contains("15/10/2023: chưa đến hạn", json);
        Assert.DoesNotContain("Trường Khác", json);
        // Overdue units first and highlighted; the on-time unit last.
        var units = Objects(card).Where(o => o["type"]?.GetValue<string>() == "Container" && o["separator"] is not null).ToList();
        Assert.Equal(3, units.Count);
        Assert.Equal("attention", units[0]["style"]!.GetValue<string>());
        Assert.Equal("attention", units[1]["style"]!.GetValue<string>());
        Assert.Contains("Trường THPT Trung Lập", Json(units[2]));
        Assert.Null(units[2]["style"]);
        Assert.Contains(units.Take(2), u => Json(u).Contains("⚠ Trường THCS Xuân Thới"));
        Assert.Contains(units.Take(2), u => Json(u).Contains("⚠ Trường THPT Bách Khoa 2"));

        // The card's refresh action gives the same numbers.
        var (_, refreshed) = await h.InvokeAsync(Director, "rollup", ActionData(card, "rollup"), Dept);
        Assert.Equal(200, refreshed["statusCode"]!.GetValue<int>());
        Assert.Equal(facts, Facts(refreshed["value"]!));
    }

    [Fact]
    public async Task Year_argument_english_roles_and_configuration_are_honoured()
    {
        await using var h = await SeededAsync();
        await h.SayAsync(Director with { Locale = "en-US" }, "rollup 2022", Dept);
        var en = Facts(h.Connector.CardsIn(Director.Conversation).Last());
        Assert.Equal("3", en["Units"]);
        Assert.Equal("0/3 handed in", en["10/05/2022 — Báo cáo sơ kết"]);
        Assert.Equal("3", en["Overdue units"]);

        await h.SayAsync(Director, "tổng hợp đơn vị 999/KH-XYZ", Dept);
        Assert.Contains("Không tìm thấy kế hoạch", Json(h.Connector.CardsIn(Director.Conversation).Last()));

        // A plain member of the department cannot see it, by chat or by card.
        await h.SayAsync(Clerk, "tổng hợp đơn vị", Dept);
        Assert.Contains("Chỉ lãnh đạo đơn vị", Json(h.Connector.CardsIn(Clerk.Conversation).Last()));
        var (_, refused) = await h.InvokeAsync(Clerk, "rollup", new JsonObject { ["planId"] = "kh-678", ["tenantId"] = Dept, ["year"] = 2023 }, Dept);
        Assert.Equal(400, refused["statusCode"]!.GetValue<int>());

        // A tenant with no configured units is told what to configure.
        await h.InstallAsync(Hung);
        await h.SayAsync(Hung, "tổng hợp đơn vị");
        Assert.Contains("Rollup:Units:tenant-bk", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
    }
}

/// <summary>
/// Issue 15: the roll-up read in the four official states, each unit's report for each occurrence. Seeded as above
/// (today 01/06/2023), and Bách Khoa 2 hands in its 10/05 report on Friday 12/05/2023, two days late.
/// </summary>
public sealed class RollupOfficialStatesTests
{
    [Fact]
    public async Task Reports_handed_in_on_time_late_not_yet_due_and_missing_are_counted_in_the_four_states()
    {
        await using var h = await RollupCommandTests.SeededForStatesAsync();
        await h.Store.Reports.AddAsync(new ReportSubmission("tenant-bk2", "r2", "kh-7-a1", "2023-05-10", "bc.pdf", null, "aad-y", new DateTimeOffset(2023, 5, 12, 3, 0, 0, TimeSpan.Zero)));
        await h.SayAsync(RollupCommandTests.DirectorUser, "tổng hợp đơn vị", "tenant-sgd");
        var card = h.Connector.CardsIn(RollupCommandTests.DirectorUser.Conversation).Last();
        var states = Scenario.Objects(card).Single(o => o["id"]?.GetValue<string>() == "rollupStates");
        var facts = TeamsPlans.Bot.Tests.Cards.CardModelTests.Facts(states);
        // 10/05: Trung Lập on 08/05 (on time), Bách Khoa 2 on 12/05 (late), Xuân Thới missing (overdue); 15/10: not due for all three.
        Assert.Equal("1", facts["Hoàn thành đúng hạn"]);
        Assert.Equal("1", facts["Hoàn thành quá hạn"]);
        Assert.Equal("1", facts["Chưa hoàn thành, quá hạn"]);
        Assert.Equal("3", facts["Chưa hoàn thành, còn trong hạn"]);
    }
}
