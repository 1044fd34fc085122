using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.GraphSync;
using TeamsPlans.GraphSync.Local;
using TeamsPlans.Storage;
using TeamsPlans.Testing;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;
using static TeamsPlans.Bot.Tests.Conversation.Scenario;

namespace TeamsPlans.Bot.Tests.Units;

/// <summary>A unit list sent to the bot in chat (issue #14), and the same list dropped into the local "Đơn vị" folder.</summary>
public sealed class UnitListChatTests
{
    // The test Sở (70 units, lines 3–72 of the sheet) and two bad rows: line 73 has no code, line 74 repeats THPT07
    // (line 26: SGDDT, VP, P01–P05, PGD01–PGD10, then THPT01 on line 20).
    private static IReadOnlyList<string[]> DepartmentWithBadRows() =>
        UnitListFiles.Sheet([.. UnitListFiles.Department(),
            ["", "Trường THPT Không Mã", "Trường THPT", "SGDDT", ""],
            ["THPT07", "Trường THPT Trùng Mã", "Trường THPT", "SGDDT", ""]]);

    [Fact]
    public async Task A_principal_sends_the_xlsx_and_gets_the_bad_rows_by_line_and_reason_and_the_good_rows_are_stored()
    {
        await using var h = await StartAsync();
        await Units.UnitAssignmentTests.AddHeadsAsync(h, UnitListFiles.Department());
        await h.InstallAsync(Hung);
        var url = h.Connector.AddFile("danh-sach-don-vi.xlsx", UnitListFiles.Xlsx(DepartmentWithBadRows()));

        await h.SendFileAsync(Hung, "danh-sach-don-vi.xlsx", url);

        var answer = Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains("Danh sách đơn vị \\\"danh-sach-don-vi.xlsx\\\": Đọc được 70/72 đơn vị, bỏ qua 2 dòng", answer);
        Assert.Contains("Dòng 73: thiếu mã đơn vị.", answer);
        Assert.Contains("Dòng 74 (THPT07): mã 'THPT07' trùng với dòng 26.", answer);
        Assert.Contains("Đã lưu 70 đơn vị", answer);
        var units = UnitStores.For(h.Store);
        Assert.Equal(70, (await units.ListAsync(Tenant)).Count);
        Assert.Equal("Trường THPT Thử Nghiệm 7", (await units.GetAsync(Tenant, "THPT07"))!.Name);
        // Neither a plan question nor a report hand-in.
        Assert.DoesNotContain("kế hoạch cần nhập hay báo cáo", answer);
        Assert.Empty(await h.Store.Reports.ListByTenantsAsync([Tenant]));
    }

    [Fact]
    public async Task A_csv_without_diacritics_is_read_too_and_an_english_client_gets_english_lines()
    {
        await using var h = await StartAsync();
        await Units.UnitAssignmentTests.AddHeadsAsync(h, UnitListFiles.Department());
        var english = Hung with { Locale = "en-US" };
        await h.InstallAsync(english);
        string[] header = ["STT", "Ma don vi", "Ten don vi", "Loai hinh", "Don vi quan ly", "Hieu truong"];
        var sheet = UnitListFiles.Sheet(
        [
            ["THPT01", "Truong THPT Thu Nghiem 1", "THPT", "", UnitListFiles.HeadUpn("THPT01")],
            ["THPT02", "Truong THPT Thu Nghiem 2", "Truong day nghe", "", UnitListFiles.HeadUpn("THPT02")],
            ["THPT03", "Truong THPT Thu Nghiem 3", "THPT", "", "nguoi.la@ngoai.test"],
        ], header);
        var url = h.Connector.AddFile("truong.csv", UnitListFiles.Csv(sheet, ';'));

        await h.SendFileAsync(english, "truong.csv", url);

        var answer = Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains("1 of 3 units read, 2 rows left out", answer);
        Assert.Contains("Line 4 (THPT02): unknown unit kind: 'Truong day nghe'.", answer);
        Assert.Contains("Line 5 (THPT03): head 'nguoi.la@ngoai.test' is not a user of the tenant.", answer);
        Assert.Equal(["THPT01"], (await UnitStores.For(h.Store).ListAsync(Tenant)).Select(u => u.Code));
    }

    [Fact]
    public async Task A_members_list_or_a_principals_report_table_is_not_taken_for_a_unit_list()
    {
        await using var h = await StartAsync();
        await Units.UnitAssignmentTests.AddHeadsAsync(h, UnitListFiles.Department());
        await h.InstallAsync(Hung);
        await h.InstallAsync(Cuc);
        // A member (not managing) sends the unit list: it is not stored (the member's file goes the report way).
        await h.SendFileAsync(Cuc, "don-vi.xlsx", h.Connector.AddFile("don-vi.xlsx", UnitListFiles.Xlsx(DepartmentWithBadRows())));
        Assert.DoesNotContain(h.Connector.CardsIn(Cuc.Conversation), c => Json(c).Contains("Danh sách đơn vị", StringComparison.Ordinal));
        // A principal's report table has a code and a name column but nothing only a directory has.
        var report = UnitListFiles.Csv([["STT", "Mã", "Tên", "Số học sinh"], ["1", "THPT01", "Trường THPT Thử Nghiệm 1", "1200"]]);
        await h.SendFileAsync(Hung, "so-lieu.csv", h.Connector.AddFile("so-lieu.csv", report));
        Assert.DoesNotContain(h.Connector.CardsIn(Hung.Conversation), c => Json(c).Contains("Danh sách đơn vị", StringComparison.Ordinal));

        Assert.Empty(await UnitStores.For(h.Store).ListAsync(Tenant));
    }

    [Fact]
    public async Task In_local_mode_a_list_dropped_into_the_unit_folder_is_read_once_per_version_and_the_principal_told()
    {
        await using var h = await StartAsync(new Dictionary<string, string> { ["GraphSync:Tenants:0"] = Tenant });
        await Units.UnitAssignmentTests.AddHeadsAsync(h, UnitListFiles.Department());
        await h.InstallAsync(Hung);
        var folder = h.Services.GetRequiredService<LocalLibraryFolder>();
        Assert.Equal(Path.Combine(h.LibraryDir, Tenant, "Đơn vị"), folder.UnitFolder(Tenant));
        Directory.CreateDirectory(folder.UnitFolder(Tenant));
        var path = Path.Combine(folder.UnitFolder(Tenant), "don-vi.xlsx");
        await File.WriteAllBytesAsync(path, UnitListFiles.Xlsx(DepartmentWithBadRows()));
        var poller = h.Services.GetRequiredService<GraphSyncPollingService>();

        Assert.Equal(1, (await poller.PollOnceAsync()).Imported);
        await h.DeliverQueuedAsync(); // proactive notices go through the delivery queue (issue 19: nothing slow inside a request)
        var answer = Json(h.Connector.CardsIn(Hung.Conversation).Last());
        Assert.Contains("Đọc được 70/72 đơn vị, bỏ qua 2 dòng", answer);
        Assert.Contains("Dòng 74 (THPT07): mã 'THPT07' trùng với dòng 26.", answer);
        Assert.Equal(70, (await UnitStores.For(h.Store).ListAsync(Tenant)).Count);

        var cards = h.Connector.CardsIn(Hung.Conversation).Count;
        Assert.Equal(0, (await poller.PollOnceAsync()).Imported);
        await h.DeliverQueuedAsync();
        Assert.Equal(cards, h.Connector.CardsIn(Hung.Conversation).Count);

        // The department renames a school and saves the file again: the new version is read.
        var rows = UnitListFiles.Department().Select(r => r[0] == "THPT07" ? [r[0], "Trường THPT Thử Nghiệm Bảy", r[2], r[3], r[4]] : r).ToList();
        await File.WriteAllBytesAsync(path, UnitListFiles.Xlsx(UnitListFiles.Sheet(rows)));
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));
        Assert.Equal(1, (await poller.PollOnceAsync()).Imported);
        Assert.Equal("Trường THPT Thử Nghiệm Bảy", (await UnitStores.For(h.Store).GetAsync(Tenant, "THPT07"))!.Name);
        // A damaged list gets a clear message and changes nothing.
        await File.WriteAllBytesAsync(Path.Combine(folder.UnitFolder(Tenant), "hong.xlsx"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        Assert.Equal(1, (await poller.PollOnceAsync()).Imported);
        await h.DeliverQueuedAsync();
        Assert.Contains("không phải bảng tính (.xlsx) hợp lệ", Json(h.Connector.CardsIn(Hung.Conversation).Last()));
        Assert.Equal(70, (await UnitStores.For(h.Store).ListAsync(Tenant)).Count);
    }
}
