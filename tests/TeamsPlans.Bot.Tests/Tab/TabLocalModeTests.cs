using System.Text.Json.Nodes;
using MiniExcelLibs;
using TeamsPlans.Bot.Cli;
using TeamsPlans.Bot.Tests.Conversation;
using static TeamsPlans.Bot.Tests.Tab.TabTestSupport;

namespace TeamsPlans.Bot.Tests.Tab;

/// <summary>
/// The tab in local mode (no Tab:ClientId, bot in local mode): loopback callers pick a user of the roster file; filters,
/// sort and paging of a plan's assignments; the Excel export from the API and from the CLI, opened and read back.
/// </summary>
public sealed class TabLocalModeTests : IAsyncLifetime
{
    private BotHarness _h = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("teamsplans-tab-").FullName;

    public async Task InitializeAsync() => _h = await StartAsync(key: null);

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Assignments(string query = "") => $"/tab/api/plans/{Scenario.Plan82}/assignments{query}";

    [Fact]
    public async Task The_roster_users_can_be_picked_and_anyone_else_is_401()
    {
        var (status, users) = await GetAsync(_h, "/tab/api/local/users");
        Assert.Equal(200, status);
        Assert.Equal([BotHarness.Hung.Name, BotHarness.Lan.Name], users!.AsArray().Select(u => u!["name"]!.GetValue<string>()));
        Assert.Equal(401, (await GetAsync(_h, "/tab/api/plans", localUser: BotHarness.Thanh.Aad)).Status); // not on the roster
        Assert.Equal(401, (await GetAsync(_h, "/tab/api/plans")).Status);
        var (_, me) = await GetAsync(_h, "/tab/api/me", localUser: BotHarness.Hung.Aad);
        Assert.True(me!["canManage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_principal_filters_sorts_and_pages_the_assignments()
    {
        var hung = BotHarness.Hung.Aad;
        var (_, byName) = await GetAsync(_h, Assignments("?search=thanh"), localUser: hung); // folded: "Thành"
        Assert.Equal("Nguyễn Tất Thành", Assert.Single(byName!["items"]!.AsArray())!["holder"]!.GetValue<string>());

        var (_, byDuty) = await GetAsync(_h, Assignments("?search=" + Uri.EscapeDataString("báo cáo")), localUser: hung);
        Assert.Equal("Trần Thị Lan", Assert.Single(byDuty!["items"]!.AsArray())!["holder"]!.GetValue<string>());

        var (_, sorted) = await GetAsync(_h, Assignments("?sort=holder&desc=true&size=2"), localUser: hung);
        Assert.Equal(3, sorted!["total"]!.GetValue<int>());
        Assert.Equal(["Trần Thị Lan", "Nguyễn Tất Thành"], sorted["items"]!.AsArray().Select(r => r!["holder"]!.GetValue<string>()));
        var (_, second) = await GetAsync(_h, Assignments("?sort=holder&desc=true&size=2&page=2"), localUser: hung);
        Assert.Equal("Ngô Tấn Hưng", Assert.Single(second!["items"]!.AsArray())!["holder"]!.GetValue<string>());

        var (_, none) = await GetAsync(_h, Assignments("?state=done"), localUser: hung);
        Assert.Equal(0, none!["total"]!.GetValue<int>());
        var (_, plans) = await GetAsync(_h, "/tab/api/plans?year=2023&q=82%2FKH", localUser: hung);
        Assert.Equal(Scenario.Plan82, Assert.Single(plans!["items"]!.AsArray())!["planId"]!.GetValue<string>());
        var (_, noPlan) = await GetAsync(_h, "/tab/api/plans?year=2019", localUser: hung);
        Assert.Equal(0, noPlan!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_tenants_plan_id_is_404_and_a_member_sees_only_her_own()
    {
        var other = await OtherTenantsOwnPlanAsync(_h);
        Assert.Equal(404, (await GetAsync(_h, $"/tab/api/plans/{other}", localUser: BotHarness.Hung.Aad)).Status);
        Assert.Equal(404, (await GetAsync(_h, $"/tab/api/plans/{other}/export.xlsx", localUser: BotHarness.Hung.Aad)).Status);
        var (_, rows) = await GetAsync(_h, Assignments(), localUser: BotHarness.Lan.Aad);
        Assert.Equal("Trần Thị Lan", Assert.Single(rows!["items"]!.AsArray())!["holder"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_excel_export_from_the_api_and_from_the_cli_has_vietnamese_headers_and_dd_MM_yyyy_dates()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/tab/api/plans/{Scenario.Plan82}/export.xlsx");
        request.Headers.Add(TeamsPlans.Bot.Tab.Auth.TabCallerResolver.LocalUserHeader, BotHarness.Hung.Aad);
        using var response = await _h.Client.SendAsync(request);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var fromApi = Path.Combine(_dir, "api.xlsx");
        await File.WriteAllBytesAsync(fromApi, await response.Content.ReadAsByteArrayAsync());
        var fromCli = Path.Combine(_dir, "cli.xlsx");
        var output = new StringWriter();
        Assert.Equal(0, await ExportCommand.RunAsync(_h.Store, BotHarness.Tenant, Scenario.Plan82, fromCli, _h.Time, output, default));
        Assert.Equal(1, await ExportCommand.RunAsync(_h.Store, BotHarness.Tenant, await OtherTenantsOwnPlanAsync(_h), Path.Combine(_dir, "x.xlsx"), _h.Time, output, default));

        foreach (var file in new[] { fromApi, fromCli })
        {
            Assert.Equal(["Phân công", "Kế hoạch"], MiniExcel.GetSheetNames(file));
            var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Phân công").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(3, rows.Count);
            Assert.Equal(["STT", "Người thực hiện", "Đơn vị", "Nhiệm vụ", "Thời hạn", "Hạn tới", "Trạng thái", "Tiến độ (%)", "Ý kiến gần nhất", "Số báo cáo"], rows[0].Keys);
            var lan = rows.Single(r => (string)r["Người thực hiện"] == "Trần Thị Lan");
            // "trước ngày 20/5 và 01/11/2023": both dates, dd/MM/yyyy.
            Assert.Contains("20/05/2023", (string)lan["Thời hạn"], StringComparison.Ordinal);
            Assert.Contains("01/11/2023", (string)lan["Thời hạn"], StringComparison.Ordinal);
            Assert.Equal("20/05/2023", lan["Hạn tới"]);
            Assert.Equal("Chưa hoàn thành, còn trong hạn", lan["Trạng thái"]); // the four official states (issue 15)
            var heading = MiniExcel.Query(file, useHeaderRow: true, sheetName: "Kế hoạch").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal("82/KH-THPT BK", heading.Single(r => (string)r["Mục"] == "Số, ký hiệu")["Nội dung"]);
        }
    }
}
