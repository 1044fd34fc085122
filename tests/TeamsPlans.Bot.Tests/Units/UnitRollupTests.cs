using System.Net;
using System.Text.Json.Nodes;
using TeamsPlans.Bot.Cards;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;
using static TeamsPlans.Bot.Tests.Units.UnitAssignmentTests;

namespace TeamsPlans.Bot.Tests.Units;

/// <summary>
/// Seed 004 (the Phòng GD&amp;ĐT Thủ Thừa plan) published to its three schools, one school importing its implementing plan
/// (the cascade) and handing reports in: the department's "tổng hợp đơn vị" through POST /api/messages.
/// </summary>
public sealed class UnitRollupTests
{
    // The signed copy of seed 004 carries its number and date (the seed is the unsigned draft: "Số:      /KH-PGDĐT").
    internal const string PhongNumber = "245/KH-PGDĐT";

    /// <summary>How Trường THCS Thử Nghiệm 1 writes its own plan implementing the Phòng's (Decree 30 layout).</summary>
    internal const string SchoolPlan = """
        PHÒNG GD&ĐT THỦ THỪA                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TRƯỜNG THCS THỬ NGHIỆM 1                           Độc lập - Tự do - Hạnh phúc
        Số: 15/KH-THCSTN1                              Thủ Thừa, ngày 25 tháng 9 năm 2019

        KẾ HOẠCH
        Hoạt động thông tin đối ngoại của Trường THCS Thử Nghiệm 1 năm 2019

        Thực hiện Kế hoạch số 245/KH-PGDĐT ngày 20 tháng 9 năm 2019 của Phòng Giáo dục và Đào tạo huyện Thủ Thừa về hoạt động thông tin đối ngoại của Ngành Giáo dục và Đào tạo huyện Thủ Thừa năm 2019, Trường THCS Thử Nghiệm 1 xây dựng kế hoạch thực hiện như sau:

        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích
        - Nâng cao nhận thức của cán bộ, giáo viên, học sinh về công tác thông tin đối ngoại.
        2. Yêu cầu
        - Thông tin chính xác, kịp thời, đúng quy định.

        II. NỘI DUNG
        1. Tuyên truyền về chủ trương, chính sách của Đảng, Nhà nước trên trang thông tin điện tử của nhà trường.
        2. Giới thiệu hoạt động giáo dục của nhà trường với phụ huynh và cộng đồng.

        III. TỔ CHỨC THỰC HIỆN
        1. Hiệu trưởng chỉ đạo chung, phân công nhiệm vụ cho các bộ phận.
        2. Văn thư nhà trường tổng hợp, báo cáo kết quả về Phòng GD&ĐT trước ngày 05/6/2019.

        Nơi nhận:
        - Phòng GD&ĐT (b/c);
        - Lưu: VT.
                                                           HIỆU TRƯỞNG
                                                           Nguyễn Văn An
        """;

    private static readonly string[] Schools = ["THCS01", "THCS11", "THCS21"];

    [Fact]
    public async Task The_school_that_imports_its_implementing_plan_shows_issued_the_others_missing_and_a_late_report_shows_late()
    {
        // The head of THCS 1 is its school's principal: he may import plans.
        await using var h = await StartAsync(new Dictionary<string, string> { ["Roles:Principals:1"] = "aad-thcs01" });
        await DirectoryAsync(h, top: "PGD01");
        var phong = File.ReadAllText(SeedPath("004"))
            .Replace("Số:               /KH-PGDĐT Thủ Thừa, ngày            tháng         năm 2019", "Số: 245/KH-PGDĐT Thủ Thừa, ngày 20 tháng 9 năm 2019", StringComparison.Ordinal);
        Assert.Contains(PhongNumber, phong, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(h.LibraryDir, "phong"));
        File.WriteAllText(Path.Combine(h.LibraryDir, "phong", "kh-245-thong-tin-doi-ngoai.txt"), phong);
        Directory.CreateDirectory(Path.Combine(h.LibraryDir, "truong"));
        File.WriteAllText(Path.Combine(h.LibraryDir, "truong", "kh-15-thcs-tn1.txt"), SchoolPlan);
        await h.InstallAsync(Hung);
        foreach (var code in Schools) await h.InstallAsync(HeadOf(code));

        await h.SayAsync(Hung, "nhập kế hoạch kh-245");
        var (status, body) = await h.InvokeAsync(Hung, "publish", ActionData(h.Connector.CardsIn(Hung.Conversation).Last(), "publish"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        var phongPlan = (await h.Store.Plans.FindByNumberAsync(Tenant, PhongNumber))!;
        var duties = await h.Store.Assignments.ListByPlanAsync(Tenant, phongPlan.PlanId);
        // 004 IV.1 "Các đơn vị trực thuộc … có trách nhiệm xây dựng kế hoạch …": one such duty per school.
        var buildDuties = duties.Where(d => ImplementingPlanDuty.Matches(d.Duty)).ToList();
        Assert.Equal(Schools, buildDuties.Select(d => UnitAssignees.CodeOf(d.Assignee)).Order());

        // Before any school has answered: three schools, none issued.
        await h.SayAsync(Hung, "tổng hợp đơn vị " + PhongNumber);
        var before = Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains("Tổng hợp đơn vị · 2023", before);
        Assert.Contains("\"Đã ban hành kế hoạch triển khai\",\"value\":\"0/3\"", before);

        // THCS 1's head imports the school's plan, whose legal basis cites the Phòng's plan.
        await h.SayAsync(HeadOf("THCS01"), "nhập kế hoạch kh-15");
        var school = (await h.Store.Plans.FindByNumberAsync(Tenant, "15/KH-THCSTN1"))!;
        Assert.Contains(school.Document.LegalBases, b => PlanNumbers.Normalize(b.Number) == PlanNumbers.Normalize(PhongNumber));
        var links = await UnitRollupStores.For(h.Store).LinksAsync(Tenant, phongPlan.PlanId);
        var link = Assert.Single(links);
        Assert.Equal(("THCS01", school.PlanId), (link.UnitCode, link.ChildPlanId));
        var done = (await h.Store.Assignments.GetAsync(Tenant, buildDuties.Single(d => UnitAssignees.CodeOf(d.Assignee) == "THCS01").AssignmentId))!;
        Assert.Equal(AssignmentStatus.Done, done.State.Status);
        Assert.Contains("15/KH-THCSTN1", done.State.LastComment, StringComparison.Ordinal);
        Assert.All(buildDuties.Where(d => UnitAssignees.CodeOf(d.Assignee) != "THCS01"),
            d => Assert.NotEqual(AssignmentStatus.Done, h.Store.Assignments.GetAsync(Tenant, d.AssignmentId).Result!.State.Status));

        // Reports for the 6-monthly deadline "trước ngày 05/6": THCS 11 on time (01/06), THCS 1 late (12/06), THCS 21 none.
        var reportDuty = duties.Where(d => d.Deadlines.Any(x => x.Recurrence == Recurrence.Semiannual)).ToList();
        Assert.Equal(3, reportDuty.Count);
        // Each is counted when the Phòng (Hưng, who published the plan) accepts it (issue 15), not when handed in.
        h.Time.SetUtcNow(new DateTimeOffset(2023, 6, 1, 3, 0, 0, TimeSpan.Zero));
        await HandInAsync(h, "THCS11", reportDuty, "2023-06-05");
        await AcceptAsync(h);
        h.Time.SetUtcNow(new DateTimeOffset(2023, 6, 12, 3, 0, 0, TimeSpan.Zero));
        await HandInAsync(h, "THCS01", reportDuty, "2023-06-05");
        await h.SayAsync(Hung, "tổng hợp đơn vị " + PhongNumber);
        var awaiting = h.Connector.CardsIn(Hung.Conversation).Last();
        Assert.Contains("05/06/2023: chờ duyệt · quá hạn (nộp 12/06/2023)", Containers(awaiting)["THCS01"]);
        Assert.Contains("đúng hạn 1 · trễ 0 · chưa nộp 2 · chưa đến hạn 0", Json(awaiting));
        await AcceptAsync(h);

        await h.SayAsync(Hung, "tổng hợp đơn vị " + PhongNumber);
        var card = h.Connector.CardsIn(Hung.Conversation).Last();
        var json = Json(card);
        Assert.Contains("\"Đã ban hành kế hoạch triển khai\",\"value\":\"1/3\"", json);
        Assert.Contains("05/06/2023", json);
        Assert.Contains("đúng hạn 1 · trễ 1 · chưa nộp 1 · chưa đến hạn 0", json);
        var blocks = Containers(card);
        Assert.Contains("🟠 Trường THCS Thử Nghiệm 1 (THCS01)", blocks["THCS01"]);
        Assert.Contains("✓ Kế hoạch triển khai: 15/KH-THCSTN1 (25/09/2019)", blocks["THCS01"]);
        Assert.Contains("05/06/2023: trễ hạn (nộp 12/06/2023)", blocks["THCS01"]);
        Assert.Contains("🔴 Trường THCS Thử Nghiệm 11 (THCS11)", blocks["THCS11"]);
        Assert.Contains("✗ Chưa ban hành kế hoạch triển khai", blocks["THCS11"]);
        Assert.Contains("05/06/2023: đúng hạn (nộp 01/06/2023)", blocks["THCS11"]);
        Assert.Contains("05/06/2023: chưa nộp (quá hạn)", blocks["THCS21"]);
        Assert.Contains("05/11/2023: chưa đến hạn", blocks["THCS21"]);

        // Filters: the kind THCS and the parent PGD01 keep the three; primary schools (TH) keep none.
        await h.SayAsync(Hung, "tổng hợp đơn vị THCS thuộc PGD01 " + PhongNumber);
        Assert.Contains("\"Đơn vị\",\"value\":\"3 (trong 3 đơn vị của kế hoạch)\"", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        await h.SayAsync(Hung, "tổng hợp đơn vị tiểu học " + PhongNumber);
        Assert.Contains("Không có đơn vị nào khớp bộ lọc.", Json(h.Connector.CardsIn(Hung.Conversation).Last()));

        // The refresh button answers the same card; a school head (not a leader) gets no roll-up.
        var (rs, rb) = await h.InvokeAsync(Hung, "rollup", ActionData(card, "rollup"));
        Assert.Equal(HttpStatusCode.OK, rs);
        Assert.Contains("trễ hạn (nộp 12/06/2023)", Json(rb), StringComparison.Ordinal);
        Assert.Equal(400, (await h.InvokeAsync(HeadOf("THCS11"), "rollup", ActionData(card, "rollup"))).Body["statusCode"]!.GetValue<int>());
    }

    internal static async Task HandInAsync(BotHarness h, string code, IReadOnlyList<AssignmentRecord> reportDuties, string period)
    {
        var duty = reportDuties.Single(d => UnitAssignees.CodeOf(d.Assignee) == code);
        var data = new JsonObject
        {
            ["assignmentId"] = duty.AssignmentId,
            [CardVerbs.ReportPeriodInput] = period,
            [CardVerbs.ReportSummaryInput] = "Báo cáo 6 tháng đầu năm về thông tin đối ngoại của trường.",
        };
        var (status, body) = await h.InvokeAsync(HeadOf(code), "report", data);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
    }

    private static async Task AcceptAsync(BotHarness h)
    {
        var review = ReviewFlowTests.ReviewCardOf(h);
        Assert.Equal(200, (await h.InvokeAsync(Hung, CardVerbs.Accept, ActionData(review, CardVerbs.Accept))).Body["statusCode"]!.GetValue<int>());
    }

    /// <summary>The unit blocks of the roll-up card, by unit code: their texts joined.</summary>
    private static Dictionary<string, string> Containers(JsonObject card) => Objects(card)
        .Where(o => o["type"]?.GetValue<string>() == "Container")
        .Select(o => string.Join("\n", Objects(o).Where(x => x["type"]?.GetValue<string>() == "TextBlock").Select(x => x["text"]!.GetValue<string>())))
        .Where(t => t.Contains(" (THCS", StringComparison.Ordinal))
        .ToDictionary(t => t[(t.IndexOf(" (THCS", StringComparison.Ordinal) + 2)..t.IndexOf(')', t.IndexOf(" (THCS", StringComparison.Ordinal))], t => t);
}
