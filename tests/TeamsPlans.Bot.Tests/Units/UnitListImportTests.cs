using TeamsPlans.Bot.Features.Units;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;
using TeamsPlans.Testing;
using static TeamsPlans.Bot.Tests.Units.UnitDirectoryStore;

namespace TeamsPlans.Bot.Tests.Units;

/// <summary>`units import` (admin CLI) and the importer behind it: .xlsx and .csv lists, checked row by row.</summary>
public sealed class UnitListImportTests
{
    [Fact]
    public async Task The_department_xlsx_fills_the_directory_with_every_unit_and_its_head()
    {
        await using var d = await CreateAsync();
        var path = d.Write("don-vi.xlsx", UnitListFiles.Xlsx(UnitListFiles.Sheet(UnitListFiles.Department())));
        var output = new StringWriter();

        Assert.Equal(0, await UnitsCommand.ImportAsync(d.Store, Tenant, new FileInfo(path), dryRun: false, output, default));

        Assert.Contains("Đọc được 70/70 đơn vị, bỏ qua 0 dòng", output.ToString());
        Assert.Contains("70 of 70 units read", output.ToString());
        var units = UnitStores.For(d.Store);
        Assert.Equal(70, (await units.ListAsync(Tenant)).Count);
        var school = await units.GetAsync(Tenant, "THPT07");
        Assert.Equal(("Trường THPT Thử Nghiệm 7", UnitKind.HighSchool, "SGDDT"), (school!.Name, school.Kind, school.ParentCode));
        Assert.Equal(new UnitContact("aad-thpt07", "head.thpt07@so.test"), school.Head);
        Assert.Equal(20, (await units.ListUnderAsync(Tenant, "SGDDT", [UnitKind.HighSchool])).Count);
        Assert.Equal(10, (await units.ListUnderAsync(Tenant, "SGDDT", [UnitKind.DistrictOffice])).Count);
        Assert.Equal(3, (await units.ListUnderAsync(Tenant, "SGDDT", [UnitKind.ContinuingEducationCentre])).Count);
        Assert.Equal(6, (await units.ListUnderAsync(Tenant, "SGDDT", [UnitKind.DepartmentOffice])).Count);
        // Quận 1 has schools 1, 11, 21: THCS 1, 11, 21 (odd numbers are THCS).
        Assert.Equal(["THCS01", "THCS11", "THCS21"], (await units.ListUnderAsync(Tenant, "PGD01", [])).Select(u => u.Code));
    }

    [Theory]
    [InlineData(',', true)]
    [InlineData(';', false)]
    public async Task Bad_rows_of_a_csv_are_reported_by_line_and_reason_and_good_rows_kept(char separator, bool diacritics)
    {
        await using var d = await CreateAsync();
        string[] header = diacritics
            ? ["STT", "Mã trường", "Tên trường", "Loại hình", "Đơn vị quản lý", "Hiệu trưởng", "Liên hệ"]
            : ["STT", "Ma truong", "Ten truong", "Loai hinh", "Don vi quan ly", "Hieu truong", "Lien he"];
        var sheet = UnitListFiles.Sheet(
        [
            ["THPT01", "Trường THPT Thử Nghiệm 1", "THPT", "SGDDT", UnitListFiles.HeadUpn("THPT01")],       // line 3: good
            ["", "Trường THPT Không Mã", "THPT", "SGDDT", UnitListFiles.HeadUpn("THPT02")],                 // line 4: no code
            ["THPT03", "Trường THPT Thử Nghiệm 3", "Trường dạy nghề", "SGDDT", UnitListFiles.HeadUpn("THPT03")], // line 5: unknown kind
            ["thpt01", "Trường THPT Trùng Mã", "THPT", "SGDDT", UnitListFiles.HeadUpn("THPT04")],           // line 6: duplicate of line 3
            ["THPT05", "Trường THPT Thử Nghiệm 5", "THPT", "SGDDT", "nguoi.la@ngoai.test"],                // line 7: head not in tenant
            ["TH02", "Trường Tiểu học Thử Nghiệm 2", "Tiểu học", "PGD99", UnitListFiles.HeadUpn("TH02"), "head.vp@so.test"], // line 8: unknown parent, kept
            ["MN01", "Trường Mầm non Thử Nghiệm", "", "PGD01", ""],                                          // line 9: kind from the name, no head
        ], header);
        var path = d.Write("truong.csv", UnitListFiles.Csv(sheet, separator));
        var output = new StringWriter();

        Assert.Equal(0, await UnitsCommand.ImportAsync(d.Store, Tenant, new FileInfo(path), dryRun: false, output, default));

        var text = output.ToString();
        Assert.Contains("Đọc được 3/7 đơn vị, bỏ qua 4 dòng", text);
        Assert.Contains("Dòng 4: thiếu mã đơn vị.", text);
        Assert.Contains("Line 4: the unit code is missing.", text);
        Assert.Contains("Dòng 5 (THPT03): loại đơn vị không rõ: 'Trường dạy nghề'.", text);
        Assert.Contains("Line 5 (THPT03): unknown unit kind: 'Trường dạy nghề'.", text);
        Assert.Contains("Dòng 6 (THPT01): mã 'THPT01' trùng với dòng 3.", text);
        Assert.Contains("Dòng 7 (THPT05): thủ trưởng 'nguoi.la@ngoai.test' không phải người dùng của tenant.", text);
        Assert.Contains("Line 7 (THPT05): head 'nguoi.la@ngoai.test' is not a user of the tenant.", text);
        Assert.Contains("Dòng 8 (TH02): đơn vị cấp trên 'PGD99' chưa có trong danh bạ (vẫn nhận dòng).", text);
        var units = await UnitStores.For(d.Store).ListAsync(Tenant);
        Assert.Equal(["MN01", "TH02", "THPT01"], units.Select(u => u.Code));
        Assert.Equal("Trường THPT Thử Nghiệm 1", units.Single(u => u.Code == "THPT01").Name);
        Assert.Equal(UnitKind.Preschool, units.Single(u => u.Code == "MN01").Kind);
        Assert.Null(units.Single(u => u.Code == "MN01").Head);
        Assert.Equal([new UnitContact("aad-vp", "head.vp@so.test")], units.Single(u => u.Code == "TH02").Contacts);
    }

    [Fact]
    public async Task The_same_bad_rows_in_an_xlsx_and_a_dry_run_stores_nothing()
    {
        await using var d = await CreateAsync();
        var sheet = UnitListFiles.Sheet(
        [
            ["GDTX1", "Trung tâm GDNN-GDTX Thử Nghiệm 1", "TT GDTX", "SGDDT", UnitListFiles.HeadUpn("GDTX1")],
            ["GDTX2", "Trung tâm GDNN-GDTX Thử Nghiệm 2", "Trung tâm ngoại ngữ", "SGDDT", UnitListFiles.HeadUpn("GDTX2")],
            ["GDTX1", "Trung tâm Trùng", "TT GDTX", "SGDDT", UnitListFiles.HeadUpn("GDTX3")],
        ]);
        var path = d.Write("trung-tam.xlsx", UnitListFiles.Xlsx(sheet));
        var output = new StringWriter();

        Assert.Equal(0, await UnitsCommand.ImportAsync(d.Store, Tenant, new FileInfo(path), dryRun: true, output, default));

        Assert.Contains("Dòng 4 (GDTX2): loại đơn vị không rõ: 'Trung tâm ngoại ngữ'.", output.ToString());
        Assert.Contains("Dòng 5 (GDTX1): mã 'GDTX1' trùng với dòng 3.", output.ToString());
        Assert.Contains("chưa lưu / not stored", output.ToString());
        Assert.Empty(await UnitStores.For(d.Store).ListAsync(Tenant));
    }

    [Fact]
    public async Task A_damaged_or_headerless_file_gets_a_clear_message_and_changes_nothing()
    {
        await using var d = await CreateAsync();
        var output = new StringWriter();
        var broken = d.Write("hong.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        Assert.Equal(1, await UnitsCommand.ImportAsync(d.Store, Tenant, new FileInfo(broken), dryRun: false, output, default));
        Assert.Contains("không phải bảng tính (.xlsx) hợp lệ", output.ToString());

        var noHeader = d.Write("khong-tieu-de.csv", UnitListFiles.Csv([["THPT01", "Trường THPT Thử Nghiệm 1", "THPT"]]));
        Assert.Equal(1, await UnitsCommand.ImportAsync(d.Store, Tenant, new FileInfo(noHeader), dryRun: false, output, default));
        Assert.Contains("Dòng 1: không thấy dòng tiêu đề có cột 'Mã đơn vị' và 'Tên đơn vị'.", output.ToString());
        Assert.Contains("Line 1: no header row", output.ToString());

        Assert.Equal(2, await UnitsCommand.ImportAsync(d.Store, Tenant, new FileInfo(Path.Combine(d.Folder, "missing.xlsx")), dryRun: false, output, default));
        Assert.Empty(await UnitStores.For(d.Store).ListAsync(Tenant));
    }
}
