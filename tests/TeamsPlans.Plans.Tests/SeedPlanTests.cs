using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Tests;

/// <summary>Field-by-field facts of the five seed plans, read through <see cref="Reading.PlanReader"/>.</summary>
public class SeedPlanTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static void AssertBasis(LegalBasis b, string kind, string number, DateOnly? date, string? issuer)
    {
        Assert.Equal(kind, b.Kind);
        Assert.Equal(number, b.Number);
        Assert.Equal(date, b.IssuedOn);
        Assert.Equal(issuer, b.Issuer);
    }

    private static void AssertDeadline(Deadline d, string due, Recurrence? rec, string? to, string? assignee)
    {
        Assert.Equal(due, d.Due.ToString());
        Assert.Equal(rec, d.Recurrence);
        Assert.Equal(to, d.To);
        Assert.Equal(assignee, d.Assignee);
        Assert.False(string.IsNullOrWhiteSpace(d.What));
    }

    [Fact]
    public async Task Seed000_TrungLap()
    {
        var p = await Seeds.ReadAsync("000");
        Assert.Equal("/KH-THPT TL", p.Number);
        Assert.Equal("Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh", p.ParentIssuer);
        Assert.Equal("Trường THPT Trung Lập", p.Issuer);
        Assert.Equal("Thành phố Hồ Chí Minh", p.Place);
        Assert.Null(p.IssuedOn);
        Assert.Equal(2024, p.Year);
        Assert.Equal("Hoạt động đối ngoại và hội nhập quốc tế Trường THPT Trung Lập năm 2024", p.Title);

        var lb = Assert.Single(p.LegalBases);
        AssertBasis(lb, "Kế hoạch", "678/KH-SGDĐT", D(2024, 2, 1), "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh");

        Assert.Equal(["I", "II", "III"], p.Sections.Select(s => s.Id));
        Assert.Equal("Mục đích, yêu cầu", p.Sections[0].Heading);
        var content = p.Sections[1].Sections[0];
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"], content.Sections.Select(s => s.Id));
        Assert.Equal("Đổi mới hoạt động ngoại giao văn hoá, xây dựng và quảng bá hình ảnh Thành phố Hồ Chí Minh với các nước trên thế giới", content.Sections[3].Heading);
        Assert.Contains(p.Warnings, w => w.Contains("1..5"));
        Assert.Equal(["Ban chỉ đạo", "Ban tổ chức"], p.Sections[2].Sections.Select(s => s.Heading));

        Assert.Equal(4, p.Assignments.Count);
        var a0 = p.Assignments[0];
        Assert.Equal("Võ Thị Kim Bỉ", a0.Assignee.Name);
        Assert.StartsWith("Hiệu trưởng", a0.Assignee.Title);
        Assert.Equal("Trưởng ban chỉ đạo", a0.Assignee.Role);
        Assert.StartsWith("Cùng tập thể lãnh đạo", a0.Duty);
        Assert.Equal("III.1", a0.SectionId);
        var a1 = p.Assignments[1];
        Assert.Equal(("Lê Hồng Trung", "PHT", "Trưởng ban tổ chức"), (a1.Assignee.Name, a1.Assignee.Title, a1.Assignee.Role));
        Assert.StartsWith("Có nhiệm vụ xây dựng kế hoạch", a1.Duty);
        var a2 = p.Assignments[2];
        Assert.Equal(("Nguyễn Thị Phương", "CTCĐ", "Phó ban thường trực"), (a2.Assignee.Name, a2.Assignee.Title, a2.Assignee.Role));
        Assert.StartsWith("Điều hành trực tiếp thực hiện kế hoạch", a2.Duty);
        var a3 = p.Assignments[3];
        Assert.Null(a3.Assignee.Name);
        Assert.StartsWith("Trợ lý thanh niên, Bí thư chi đoàn giáo viên", a3.Assignee.Title);
        Assert.Equal("Ban tổ chức", a3.Assignee.Unit);
        Assert.StartsWith("Thực hiện nhiệm vụ theo phân công", a3.Duty);
        Assert.All(p.Assignments, a => Assert.DoesNotContain("Bà ", a.Assignee.Name ?? ""));

        var dl = Assert.Single(p.Deadlines);
        AssertDeadline(dl, "2023-2024", null, null, null);
        Assert.Equal(D(2024, 5, 31), dl.Due.LastDay());

        Assert.Equal([("Lãnh đạo Sở", "để báo cáo"), ("Website trường", null), ("Các thành viên có liên quan", "để thực hiện"), ("Lưu VT", "Lưu")],
            p.Recipients.Select(r => (r.Name, r.Purpose)));
        Assert.Equal(new Signer("HIỆU TRƯỞNG", "Lê Hồng Trung", null), p.Signer);
        Assert.Contains(p.Warnings, w => w.Contains("Số văn bản để trống") && w.Contains("number left blank"));
    }

    [Fact]
    public async Task Seed001_BinhKhanh()
    {
        var p = await Seeds.ReadAsync("001");
        Assert.Equal("82/KH-THPT BK", p.Number);
        Assert.Equal(D(2023, 4, 3), p.IssuedOn);
        Assert.Equal(2023, p.Year);
        Assert.Equal("Thành phố Hồ Chí Minh", p.Place);
        Assert.Equal("Trường THPT Bình Khánh", p.Issuer);
        Assert.Null(p.ParentIssuer);
        Assert.Contains(p.Warnings, w => w.Contains("suy ra") && w.Contains("inferred") && w.Contains("Trường THPT Bình Khánh"));
        Assert.Equal("Hoạt động đối ngoại và hội nhập quốc tế năm 2023", p.Title);

        Assert.Equal(2, p.LegalBases.Count);
        AssertBasis(p.LegalBases[0], "Công văn", "5740/BTTTT-TTĐN", D(2022, 12, 31), "Bộ Thông tin và Truyền thông");
        AssertBasis(p.LegalBases[1], "Kế hoạch", "1334/KH-SGDĐT", D(2023, 3, 27), "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh");

        Assert.Equal(["I", "II", "III"], p.Sections.Select(s => s.Id));
        Assert.Equal(["1", "2", "3", "4", "5", "6"], p.Sections[1].Sections.Select(s => s.Id));
        Assert.Equal("Ngoại giao kinh tế", p.Sections[1].Sections[1].Heading);
        Assert.Equal(4, p.Sections[0].Sections[0].Items.Count);

        Assert.Equal([("Ngô Tấn Hưng", "Hiệu trưởng"), ("Nguyễn Tất Thành", "Phó hiệu trưởng"), ("Hồ Thị Thu Cúc", "Phó hiệu trưởng")],
            p.Assignments.Select(a => (a.Assignee.Name!, a.Assignee.Title!)));
        Assert.StartsWith("Nhà trường xây dựng kế hoạch", p.Assignments[0].Duty);
        Assert.StartsWith("Tổ chức triển khai đến toàn thể", p.Assignments[1].Duty);
        Assert.StartsWith("Thực hiện báo cáo tình hình", p.Assignments[2].Duty);
        Assert.Empty(p.Assignments[0].Deadlines);
        var cuc = p.Assignments[2].Deadlines;
        Assert.Equal(2, cuc.Count);
        AssertDeadline(cuc[0], "2023-05-20", null, "Sở Giáo dục và Đào tạo", "Hồ Thị Thu Cúc");
        AssertDeadline(cuc[1], "2023-11-01", null, "Sở Giáo dục và Đào tạo", "Hồ Thị Thu Cúc");
        Assert.Equal("Báo cáo tình hình và kết quả triển khai thực hiện các nội dung trên", cuc[0].What);
        Assert.Equal(cuc, p.Deadlines);

        Assert.Equal([("Văn phòng Sở", "để báo cáo"), ("Ban lãnh đạo trường", null), ("Đoàn thể nhà trường", null), ("Website nhà trường", null), ("Lưu: VT", "Lưu")],
            p.Recipients.Select(r => (r.Name, r.Purpose)));
        // The signer is kept as printed; the title comes from the matching assignee (with a warning).
        Assert.Equal(new Signer("Hiệu trưởng", "Ngô Tân Hưng", null), p.Signer);
        Assert.Contains(p.Warnings, w => w.Contains("Ngô Tân Hưng") && w.Contains("Ngô Tấn Hưng"));
    }

    [Fact]
    public async Task Seed002_SoGiaoDucHcm()
    {
        var p = await Seeds.ReadAsync("002");
        Assert.Null(p.Number);
        Assert.Null(p.Place);
        Assert.Null(p.IssuedOn);
        Assert.Equal(2024, p.Year);
        Assert.Equal("Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh", p.Issuer);
        Assert.Contains(p.Warnings, w => w.StartsWith("Thiếu số ký hiệu") && w.Contains("Missing number"));
        Assert.Contains(p.Warnings, w => w.Contains("Missing place"));
        Assert.Equal("Hoạt động đối ngoại và hội nhập quốc tế Ngành Giáo dục và Đào tạo Thành phố Hồ Chí Minh năm 2024", p.Title);

        var hcm = "Ủy ban nhân dân Thành phố Hồ Chí Minh";
        Assert.Equal(7, p.LegalBases.Count);
        AssertBasis(p.LegalBases[0], "Quyết định", "2457/QĐ-BGDĐT", D(2023, 8, 23), "Bộ Giáo dục và Đào tạo");
        AssertBasis(p.LegalBases[1], "Quyết định", "4599/QĐ-UBND", D(2020, 12, 14), hcm);
        AssertBasis(p.LegalBases[2], "Kế hoạch", "2176/KH-UBND", D(2022, 7, 1), hcm);
        AssertBasis(p.LegalBases[3], "Quyết định", "75/QĐ-UBND", D(2024, 1, 8), hcm);
        AssertBasis(p.LegalBases[4], "Kế hoạch", "916/KH-UBND", D(2024, 2, 28), hcm);
        AssertBasis(p.LegalBases[5], "Quyết định", "192/QĐ-UBND", D(2024, 1, 16), hcm);
        AssertBasis(p.LegalBases[6], "Kế hoạch", "4872/KH-SGDĐT", D(2023, 8, 31), "Sở Giáo dục và Đào tạo");

        // Footnotes are taken out of the text, and their reference digits with them.
        Assert.Equal(11, p.Footnotes.Count);
        Assert.StartsWith("1 Quyết định 4599/QĐ-UBND", p.Footnotes[0]);
        Assert.StartsWith("11 Công văn số 1512/SGDĐT-VP", p.Footnotes[10]);
        var s21 = p.Sections[1].Sections[0];
        Assert.Equal("2.1", s21.Id);
        Assert.Equal("Nâng cao hiệu quả quản lý nhà nước về hoạt động đối ngoại, hội nhập quốc tế", s21.Heading);
        Assert.Contains("hội nhập quốc tế trên tất cả lĩnh vực", s21.Items[0]);
        Assert.DoesNotContain(p.Sections.SelectMany(Flatten).SelectMany(s => s.Items), i => i.Contains("Quyết định 4599") || i.Contains("20248") || i.Contains("Quyết định số 2924"));
        Assert.Contains(p.Sections.SelectMany(Flatten).SelectMany(s => s.Items), i => i.Contains("năm 2024 nhằm đảm bảo"));
        Assert.Equal(["2.6.1", "2.6.2"], p.Sections[1].Sections[5].Sections.Select(s => s.Id));

        Assert.Equal(3, p.Assignments.Count);
        Assert.Equal("Văn phòng Sở", p.Assignments[0].Assignee.Unit);
        Assert.StartsWith("Cơ quan thường trực có trách nhiệm theo dõi", p.Assignments[0].Duty);
        Assert.Equal("các phòng thuộc Sở, các đơn vị giáo dục", p.Assignments[1].Assignee.Unit);
        Assert.Equal("các đơn vị", p.Assignments[2].Assignee.Unit);
        var dls = p.Assignments[1].Deadlines;
        Assert.Equal(2, dls.Count);
        AssertDeadline(dls[0], "--05-10", Recurrence.Yearly, "Ủy ban nhân dân thành phố và Sở Ngoại vụ", "các phòng thuộc Sở, các đơn vị giáo dục");
        AssertDeadline(dls[1], "--10-15", Recurrence.Yearly, "Ủy ban nhân dân thành phố và Sở Ngoại vụ", "các phòng thuộc Sở, các đơn vị giáo dục");
        Assert.Equal(dls, p.Deadlines);

        Assert.Equal([("Ủy ban nhân dân Thành phố", "để báo cáo"), ("Sở Ngoại vụ", "để phối hợp"), ("Ban giám đốc", null),
            ("Phòng GDĐT quận/huyện/thành phố", "để thực hiện"), ("Các phòng thuộc Sở", "để thực hiện"),
            ("Thủ trưởng các đơn vị trực thuộc", "để thực hiện"), ("Lưu: VT, VP (QA)", "Lưu")], p.Recipients.Select(r => (r.Name, r.Purpose)));
        Assert.Equal(new Signer("GIÁM ĐỐC", "Nguyễn Văn Hiếu", null), p.Signer);
    }

    [Fact]
    public async Task Seed003_HaiPhong_Markdown()
    {
        var p = await Seeds.ReadAsync("003");
        Assert.Equal("/KH-SGDĐT", p.Number);
        Assert.Equal("Hải Phòng", p.Place);
        Assert.Null(p.IssuedOn);
        Assert.Equal(2024, p.Year);
        Assert.Equal("Sở Giáo dục và Đào tạo", p.Issuer);
        Assert.Contains(p.Warnings, w => w.Contains("ký hiệu \"/KH-SGDĐT\""));
        Assert.Equal("Triển khai công tác đối ngoại và hội nhập quốc tế giai đoạn 2024-2025 của Ngành Giáo dục và Đào tạo Hải Phòng", p.Title);

        Assert.Equal(3, p.LegalBases.Count);
        AssertBasis(p.LegalBases[0], "Hướng dẫn", "78-HD/BTGTU", D(2024, 1, 30), "Ban Tuyên giáo Thành ủy");
        AssertBasis(p.LegalBases[1], "Kế hoạch", "117/KH-UBND", D(2024, 5, 7), "Ủy ban nhân dân thành phố");
        AssertBasis(p.LegalBases[2], "Kế hoạch", "136/KH-UBND", D(2024, 6, 14), "Ủy ban nhân dân thành phố");

        Assert.Equal(["I", "II", "IV"], p.Sections.Select(s => s.Id));
        Assert.Equal("TỔ CHỨC THỰC HIỆN", p.Sections[2].Heading);
        Assert.DoesNotContain(p.Sections.SelectMany(Flatten), s => s.Heading.Contains("<sup>") || s.Heading.Contains("**") || s.Heading.EndsWith('1'));
        var footnote = Assert.Single(p.Footnotes);
        Assert.StartsWith("1 Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII", footnote);
        Assert.Equal(10, p.Sections[1].Sections[1].Items.Count); // the footnote after '---' is not an item

        Assert.Equal(["Văn phòng Sở", "các phòng cơ quan Sở, các đơn vị giáo dục", "các đơn vị"], p.Assignments.Select(a => a.Assignee.Unit));
        Assert.Equal(["IV.1", "IV.2", "IV.3"], p.Assignments.Select(a => a.SectionId));
        Assert.Empty(p.Deadlines);

        Assert.Equal(["Ban Giám đốc", "Trưởng các phòng Sở", "Phòng GD&ĐT quận, huyện", "Các trường THPT", "Các đơn vị trực thuộc", "Lưu: VT, VP"], p.Recipients.Select(r => r.Name));
        Assert.Equal("Lưu", p.Recipients[^1].Purpose);
        Assert.Equal(new Signer("PHÓ GIÁM ĐỐC", "Đỗ Thị Hòa", "GIÁM ĐỐC"), p.Signer);
    }

    [Fact]
    public async Task Seed004_ThuThua_DecomposedDiacritics()
    {
        Assert.NotEqual(Seeds.Text("004").Normalize(System.Text.NormalizationForm.FormC), Seeds.Text("004"));
        var p = await Seeds.ReadAsync("004");
        Assert.Equal("/KH-PGDĐT", p.Number);
        Assert.Equal("UBND huyện Thủ Thừa", p.ParentIssuer);
        Assert.Equal("Phòng Giáo dục và Đào tạo", p.Issuer);
        Assert.Equal("Thủ Thừa", p.Place);
        Assert.Null(p.IssuedOn);
        Assert.Equal(2019, p.Year);
        Assert.Equal("Hoạt động thông tin đối ngoại của Ngành Giáo dục và Đào tạo huyện Thủ Thừa năm 2019", p.Title);

        Assert.Equal(2, p.LegalBases.Count);
        AssertBasis(p.LegalBases[0], "Kế hoạch", "2121/KH-SGDĐT", D(2019, 8, 23), "Sở Giáo dục và Đào tạo Long An");
        AssertBasis(p.LegalBases[1], "Kế hoạch", "1116/KH-UBND", D(2019, 8, 15), "UBND huyện Thủ Thừa");

        Assert.Equal(["I", "II", "III", "IV"], p.Sections.Select(s => s.Id));
        Assert.Equal("Công tác quản lý nhà nước về thông tin đối ngoại", p.Sections[2].Sections[0].Heading);

        Assert.Equal(["Các đơn vị trực thuộc Phòng Giáo dục và Đào tạo", "Bộ phận Văn thư Phòng GD&ĐT", "các đơn vị trực thuộc", "các đơn vị trực thuộc"],
            p.Assignments.Select(a => a.Assignee.Unit));
        Assert.StartsWith("Theo dõi, đôn đốc", p.Assignments[1].Duty);
        var report = p.Assignments[3];
        Assert.Equal(2, report.Deadlines.Count);
        AssertDeadline(report.Deadlines[0], "--06-05", Recurrence.Semiannual, "Phòng Giáo dục và Đào tạo", "các đơn vị trực thuộc");
        AssertDeadline(report.Deadlines[1], "--11-05", Recurrence.Yearly, "Phòng Giáo dục và Đào tạo", "các đơn vị trực thuộc");
        Assert.Equal("Báo cáo định kỳ 6 tháng", report.Deadlines[0].What);
        Assert.Equal("Báo cáo năm", report.Deadlines[1].What);

        Assert.Equal(3, p.Deadlines.Count);
        AssertDeadline(p.Deadlines[0], "2019-Q1", null, null, null);
        Assert.StartsWith("Xây dựng kế hoạch hoạt động thông tin đối ngoại", p.Deadlines[0].What);

        Assert.Equal(7, p.Recipients.Count);
        Assert.Equal(("Sở GD&ĐT (HC-QT)", (string?)null), (p.Recipients[0].Name, p.Recipients[0].Purpose));
        Assert.Equal(("Lưu: VT", "Lưu"), (p.Recipients[6].Name, p.Recipients[6].Purpose));
        Assert.Equal(new Signer("TRƯỞNG PHÒNG", "Võ Văn Mười", null), p.Signer);
        // Every string is NFC and no page number is left.
        Assert.All(p.Sections.SelectMany(Flatten).SelectMany(s => s.Items), i => Assert.True(i.IsNormalized(System.Text.NormalizationForm.FormC)));
    }

    internal static IEnumerable<PlanSection> Flatten(PlanSection s) => new[] { s }.Concat(s.Sections.SelectMany(Flatten));
}
