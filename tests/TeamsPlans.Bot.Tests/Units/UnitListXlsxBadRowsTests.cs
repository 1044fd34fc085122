using TeamsPlans.Bot.Features.Units;
using TeamsPlans.Plans.Units;
using TeamsPlans.Storage;
using TeamsPlans.Testing;
using static TeamsPlans.Bot.Tests.Units.UnitDirectoryStore;

namespace TeamsPlans.Bot.Tests.Units;

/// <summary>`units import` of an .xlsx with each kind of bad row, headers and cells written with and without diacritics.</summary>
public sealed class UnitListXlsxBadRowsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Each_bad_row_of_an_xlsx_is_reported_by_line_and_reason_and_the_good_rows_are_stored(bool diacritics)
    {
        await using var d = await CreateAsync();
        string[] header = diacritics
            ? ["STT", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Thủ trưởng (email)"]
            : ["STT", "Ma don vi", "Ten don vi", "Loai don vi", "Don vi cap tren", "Thu truong (email)"];
        string Text(string vi, string ascii) => diacritics ? vi : ascii;
        var sheet = UnitListFiles.Sheet(
        [
            ["PGD01", Text("Phòng GD&ĐT Quận 1", "Phong GD&DT Quan 1"), Text("Phòng GD&ĐT", "Phong GDDT"), "SGDDT", UnitListFiles.HeadUpn("PGD01")], // 3
            ["", Text("Trường THCS Không Mã", "Truong THCS Khong Ma"), "THCS", "PGD01", UnitListFiles.HeadUpn("THCS01")],                       // 4
            ["THCS03", Text("Trường THCS Thử Nghiệm 3", "Truong THCS Thu Nghiem 3"), Text("Trường năng khiếu", "Truong nang khieu"), "PGD01",
                UnitListFiles.HeadUpn("THCS03")],                                                                                                 // 5
            ["pgd01", Text("Phòng Trùng Mã", "Phong Trung Ma"), Text("Phòng GD&ĐT", "Phong GDDT"), "SGDDT", UnitListFiles.HeadUpn("PGD02")],      // 6
            ["THCS05", Text("Trường THCS Thử Nghiệm 5", "Truong THCS Thu Nghiem 5"), Text("Trường THCS", "Truong THCS"), "PGD01",
                "nguoi.la@ngoai.test"],                                                                                                           // 7
            ["TH02", Text("Trường Tiểu học Thử Nghiệm 2", "Truong Tieu hoc Thu Nghiem 2"), Text("Tiểu học", "Tieu hoc"), "PGD01",
                UnitListFiles.HeadUpn("TH02")],                                                                                                   // 8
        ], header);
        var path = d.Write(diacritics ? "đơn-vị.xlsx" : "don-vi.xlsx", UnitListFiles.Xlsx(sheet));
        var output = new StringWriter();

        Assert.Equal(0, await UnitsCommand.ImportAsync(d.Store, Tenant, new FileInfo(path), dryRun: false, output, default));

        var text = output.ToString();
        Assert.Contains("Đọc được 2/6 đơn vị, bỏ qua 4 dòng / 2 of 6 units read, 4 rows left out", text);
        Assert.Contains("Dòng 4: thiếu mã đơn vị. / Line 4: the unit code is missing.", text);
        Assert.Contains($"Dòng 5 (THCS03): loại đơn vị không rõ: '{Text("Trường năng khiếu", "Truong nang khieu")}'.", text);
        Assert.Contains("Dòng 6 (PGD01): mã 'PGD01' trùng với dòng 3.", text);
        Assert.Contains("Dòng 7 (THCS05): thủ trưởng 'nguoi.la@ngoai.test' không phải người dùng của tenant.", text);
        Assert.Contains("Line 7 (THCS05): head 'nguoi.la@ngoai.test' is not a user of the tenant.", text);
        var units = await UnitStores.For(d.Store).ListAsync(Tenant);
        Assert.Equal(["PGD01", "TH02"], units.Select(u => u.Code));
        Assert.Equal((UnitKind.DistrictOffice, Text("Phòng GD&ĐT Quận 1", "Phong GD&DT Quan 1")), (units[0].Kind, units[0].Name));
        Assert.Equal((UnitKind.PrimarySchool, "PGD01", "aad-th02"), (units[1].Kind, units[1].ParentCode, units[1].Head!.AadObjectId));
    }
}
