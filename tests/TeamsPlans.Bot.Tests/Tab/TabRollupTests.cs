using System.Text.Json.Nodes;
using MiniExcelLibs;
using TeamsPlans.Bot.Tab.Auth;
using TeamsPlans.Bot.Tests.Conversation;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;
using static TeamsPlans.Bot.Tests.Tab.TabRollupSupport;
using static TeamsPlans.Bot.Tests.Tab.TabTestSupport;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The department roll-up's API in local mode (<see cref="TabRollupSupport"/>): the head of the Phòng GD&amp;ĐT sees its three
/// schools counted in the four states, filters and pages them, opens a school's detail and exports them; a school's head
/// sees only her school; a principal without a unit and a member are refused.
/// Expected counts from seed 004 and the hand-ins: every school was asked for an implementing plan ("xây dựng kế hoạch",
/// only THCS 1 issued one, 15/KH-THCSTN1 of 25/09/2019) and for its reports (IV.3): "báo cáo định kỳ 6 tháng (trước ngày
/// 05/6)" — due 05/06 and, six months on, 05/12 — and "báo cáo năm (trước 05/11)": three periods in 2023, only June due.
/// </summary>
public sealed class TabRollupTests : IAsyncLifetime
{
    private BotHarness _h = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("teamsplans-tab-rollup-").FullName;

    public async Task InitializeAsync() => _h = await TabRollupSupport.StartAsync();

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<(int Status, JsonNode? Body)> As(TestUser u, string path) => GetAsync(_h, path, localUser: u.Aad);

    private static List<string> Codes(JsonNode page) => page["items"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task The_officer_sees_the_three_schools_counted_in_the_four_states_red_first()
    {
        var (status, page) = await As(Officer, "/tab/api/rollup");
        Assert.Equal(200, status);
        Assert.Equal(2023, page!["year"]!.GetValue<int>());
        Assert.True(page["officer"]!.GetValue<bool>());
        Assert.Equal("245/KH-PGDĐT", Assert.Single(page["plans"]!.AsArray())!["number"]!.GetValue<string>());
        // Red (something overdue) first, then by code; THCS 1 is orange (its report came late).
        Assert.Equal(["THCS11", "THCS21", "THCS01"], Codes(page));
        var rows = page["items"]!.AsArray().ToDictionary(r => r!["code"]!.GetValue<string>(), r => r!);
        Counts(rows["THCS01"], onTime: 1, late: 1, open: 2, overdue: 0); // plan issued, June late, November and December open
        Counts(rows["THCS11"], onTime: 1, late: 0, open: 2, overdue: 1); // no plan, report on time
        Counts(rows["THCS21"], onTime: 0, late: 0, open: 2, overdue: 2); // no plan, no report
        Assert.Equal(["orange", "red", "red"], new[] { "THCS01", "THCS11", "THCS21" }.Select(c => rows[c]["light"]!.GetValue<string>()));
        Assert.Equal("Cam", rows["THCS01"]["lightLabel"]!.GetValue<string>());
        Assert.Equal("Trường THCS", rows["THCS01"]["kindLabel"]!.GetValue<string>());
        Assert.Equal("PGD01", rows["THCS01"]["parent"]!.GetValue<string>());
    }

    private static void Counts(JsonNode row, int onTime, int late, int open, int overdue)
    {
        var c = row["counts"]!;
        Assert.Equal([onTime, late, open, overdue], new[] { "done-on-time", "done-late", "open", "overdue" }.Select(k => c[k]!.GetValue<int>()));
        Assert.Equal(onTime + late + open + overdue, row["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filters_search_and_paging()
    {
        Assert.Equal(["THCS11", "THCS21"], Codes((await As(Officer, "/tab/api/rollup?state=overdue")).Body!));
        Assert.Equal(["THCS01"], Codes((await As(Officer, "/tab/api/rollup?state=done-late")).Body!));
        Assert.Equal(["THCS01"], Codes((await As(Officer, "/tab/api/rollup?state=orange")).Body!));
        Assert.Equal(3, (await As(Officer, "/tab/api/rollup?kind=LowerSecondarySchool&parent=pgd01")).Body!["total"]!.GetValue<int>());
        Assert.Equal(0, (await As(Officer, "/tab/api/rollup?kind=PrimarySchool")).Body!["total"]!.GetValue<int>());
        Assert.Equal(400, (await As(Officer, "/tab/api/rollup?kind=Castle")).Status);
        // Search by name, folded ("thu nghiem 21"), or by code.
        Assert.Equal(["THCS21"], Codes((await As(Officer, "/tab/api/rollup?q=th%E1%BB%AD%20nghi%E1%BB%87m%2021")).Body!));
        Assert.Equal(["THCS11"], Codes((await As(Officer, "/tab/api/rollup?q=thcs11")).Body!));
        // Another plan number: the units stay, with nothing due.
        var (_, none) = await As(Officer, "/tab/api/rollup?number=999%2FKH");
        Assert.Empty(none!["plans"]!.AsArray());
        Assert.All(none["items"]!.AsArray(), r => Assert.Equal("none", r!["light"]!.GetValue<string>()));
        Assert.Equal(3, (await As(Officer, "/tab/api/rollup?number=245")).Body!["plans"]!.AsArray().Count * 3);
        // The reports of 2024 are not due on 12/06/2023; the implementing plan stays overdue.
        var (_, next) = await As(Officer, "/tab/api/rollup?year=2024&q=thcs21");
        Counts(next!["items"]![0]!, onTime: 0, late: 0, open: 3, overdue: 1);

        var (_, first) = await As(Officer, "/tab/api/rollup?size=2");
        Assert.Equal((3, 2), (first!["total"]!.GetValue<int>(), first["items"]!.AsArray().Count));
        Assert.Equal(["THCS01"], Codes((await As(Officer, "/tab/api/rollup?size=2&page=2")).Body!));
    }

    [Fact]
    public async Task A_schools_detail_shows_its_plan_and_reports()
    {
        var (status, unit) = await As(Officer, "/tab/api/rollup/units/thcs01");
        Assert.Equal(200, status);
        Assert.Equal("Trường THCS Thử Nghiệm 1", unit!["name"]!.GetValue<string>());
        var items = Assert.Single(unit["plans"]!.AsArray())!["items"]!.AsArray();
        var plan = items[0]!;
        Assert.Equal("Kế hoạch triển khai", plan["what"]!.GetValue<string>());
        Assert.Equal("done-on-time", plan["state"]!.GetValue<string>());
        Assert.Equal("15/KH-THCSTN1", plan["linkedPlan"]!.GetValue<string>());
        Assert.Equal("25/09/2019", plan["done"]!.GetValue<string>());
        var june = items.Single(i => i!["due"]?.GetValue<string>() == "05/06/2023")!;
        Assert.Equal(("done-late", "Hoàn thành quá hạn", "12/06/2023"),
            (june["state"]!.GetValue<string>(), june["stateLabel"]!.GetValue<string>(), june["done"]!.GetValue<string>()));
        Assert.Equal("open", items.Single(i => i!["due"]?.GetValue<string>() == "05/11/2023")!["state"]!.GetValue<string>());
        Assert.Equal(404, (await As(Officer, "/tab/api/rollup/units/THPT01")).Status); // not in the directory of this tenant
    }

    [Fact]
    public async Task A_school_head_sees_only_her_school_a_principal_without_a_unit_and_a_member_are_refused()
    {
        var (status, own) = await As(SchoolHead, "/tab/api/rollup");
        Assert.Equal(200, status);
        Assert.False(own!["officer"]!.GetValue<bool>());
        Assert.Equal(["THCS11"], Codes(own));
        Assert.Equal(404, (await As(SchoolHead, "/tab/api/rollup/units/THCS01")).Status);
        Assert.Equal(200, (await As(SchoolHead, "/tab/api/rollup/units/THCS11")).Status);
        foreach (var u in new[] { BotHarness.Hung, BotHarness.Lan })
        {
            var (refused, body) = await As(u, "/tab/api/rollup");
            Assert.Equal(403, refused);
            Assert.Contains("Chỉ cán bộ của đơn vị quản lý", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(403, (await As(u, "/tab/api/rollup/export.xlsx")).Status);
            Assert.Equal(403, (await As(u, "/tab/api/rollup/units/THCS11")).Status);
        }
        Assert.Equal(401, (await GetAsync(_h, "/tab/api/rollup")).Status);
    }

    [Fact]
    public async Task The_excel_export_has_one_sheet_per_view_vietnamese_headers_and_dd_MM_yyyy_dates()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tab/api/rollup/export.xlsx?state=overdue");
        request.Headers.Add(TabCallerResolver.LocalUserHeader, Officer.Aad);
        using var response = await _h.Client.SendAsync(request);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tong-hop-don-vi-2023.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var file = Path.Combine(_dir, "rollup.xlsx");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Tổng hợp đơn vị", "Chi tiết", "Bộ lọc"], MiniExcel.GetSheetNames(file));
        var units = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Tổng hợp đơn vị").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Mức", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
            "Chưa hoàn thành, còn trong hạn", "Chưa hoàn thành, quá hạn", "Tổng", "Số kế hoạch"], units[0].Keys);
        Assert.Equal(["THCS11", "THCS21"], units.Select(u => (string)u["Mã đơn vị"]));
        var thcs21 = units[1];
        Assert.Equal(("Đỏ", 2d, 4d), ((string)thcs21["Mức"], Convert.ToDouble(thcs21["Chưa hoàn thành, quá hạn"]), Convert.ToDouble(thcs21["Tổng"])));
        var detail = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Chi tiết").Cast<IDictionary<string, object>>().ToList();
        var handedIn = detail.Single(r => (string)r["Mã đơn vị"] == "THCS11" && (string)r["Hạn"] == "05/06/2023");
        Assert.Equal(("Hoàn thành đúng hạn", "01/06/2023"), ((string)handedIn["Trạng thái"], (string)handedIn["Ngày nộp / ban hành"]));
        var filters = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Bộ lọc").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("Chưa hoàn thành, quá hạn", filters.Single(r => (string)r["Mục"] == "Trạng thái")["Nội dung"]);
    }

    [Fact]
    public async Task Two_thousand_units_page_by_a_hundred_and_in_one_page_of_two_thousand()
    {
        var now = _h.Time.GetUtcNow();
        var many = Enumerable.Range(1, 2000)
            .Select(i => new Unit(BotHarness.Tenant, $"MN{i:0000}", $"Trường Mầm non Thử Nghiệm {i}", UnitKind.Preschool, "PGD01") { UpdatedAt = now })
            .ToList();
        await UnitStores.For(_h.Store).UpsertManyAsync(many);
        var (_, first) = await As(Officer, "/tab/api/rollup");
        Assert.Equal((2003, 100), (first!["total"]!.GetValue<int>(), first["items"]!.AsArray().Count));
        Assert.Equal(["THCS11", "THCS21", "THCS01"], Codes(first).Take(3)); // the schools with items before those with nothing due
        var (_, last) = await As(Officer, "/tab/api/rollup?page=21");
        Assert.Equal(["MN1998", "MN1999", "MN2000"], Codes(last!));
        var (_, all) = await As(Officer, "/tab/api/rollup?size=2000&kind=Preschool");
        Assert.Equal(2000, all!["items"]!.AsArray().Count);
    }
}
