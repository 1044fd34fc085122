using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// The two-column Decree 30 header as tesseract reads the scanned corpus documents (210, 211, 216): stray marks before
/// the first column, a garbled motto, "số:" in lower case, a handwritten number or day, digits read as letters, and
/// the issuer's e-signature box above the header. Lines are the OCR output of those pages, shortened.
/// </summary>
public class OcrHeaderTests
{
    private static PlanDocument P(string s) => PlanParser.Parse(s.Replace("\r", ""));

    [Fact]
    public void A_stray_quote_before_the_issuer_a_handwritten_number_and_a_zero_read_as_a_slashed_o()
    {
        // 216 (Chỉ thị, UBND tỉnh Quảng Ngãi): the gazette's signature box, then the header.
        var p = P("""
            Trung tâm Công báo và Tin học
            04.04.2018 14:21:14 +07:00
            "        ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH QUẢNG NGÃI           Độc lập - Tự do - Hạnh phúc
            Số: đ /CT-UBND                         Quảng Ngãi, ngày Ø3 tháng 4 năm 2018
            CHỈ THỊ
            Về việc tăng cường công tác quản lý nhà nước để hỗ trợ nhà đầu tư

            1. Sở Kế hoạch và Đầu tư chịu trách nhiệm tổng hợp báo cáo chung toàn tỉnh.
            """);
        Assert.Equal("Ủy ban nhân dân tỉnh Quảng Ngãi", p.Issuer, ignoreCase: true);
        Assert.Equal("/CT-UBND", p.Number);
        Assert.Equal(new DateOnly(2018, 4, 3), p.IssuedOn);
        // The gazette (Trung tâm Công báo) signed, not the issuer: its signing day is not the issue date.
        Assert.Contains(p.Warnings, w => w.Contains("không đọc được", StringComparison.Ordinal));
    }

    [Fact]
    public void Lower_case_so_and_an_unreadable_day_keep_the_symbol_and_the_year()
    {
        // 211 (Cục Hóa chất): the number and the day are handwritten.
        var p = P("""
            BỘ CÔNG THƯƠNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            CỤC HÓA CHÁT                         Độc lập - Tự do - Hạnh phúc
            số: Êđỗ /HC-CNHC                   Hà Nội, ngày °Ê} tháng 4 năm 2026
            V/v trao đổi về một số quy định
            trong lĩnh vực hóa chât

            Kính gửi: Cục Hải quan

            Đề nghị Cục Hải quan liên hệ với Cục Thương mại điện tử và Kinh tế số - Bộ Công Thương.
            """);
        Assert.Equal("/HC-CNHC", p.Number);
        Assert.Null(p.IssuedOn);
        Assert.Equal(2026, p.Year);
        Assert.Equal("Hà Nội", p.Place);
    }

    [Fact]
    public void A_garbled_motto_is_no_part_of_the_issuer_and_the_issuers_e_signature_dates_an_unreadable_day()
    {
        // 210 (Bộ Công Thương): "Ký bởi: Bộ Công Thương", the motto read as "CỘNG HOÀ XÃ `“'HỦ NGHĨA", the day and month
        // handwritten ("ngàyô} thángh"); the number line as printed (OCR lost its slash).
        var p = P("""
            Ký bởi: Bộ Công Thương
            Thời gian ký: 02.04.2026 14:24:26 +07:00
            BỌ CÔNG THƯƠNG             CỘNG HOÀ XÃ `**“'HỦ NGHĨA VIỆT NAM
            )                                          Độc lập - Tự do - Hạnh phúc
            Số: 2265/BCT-ATMT
            V/v triển khai thực hiện thủ tục cấp             Hà Nội, ngàyô} thángh  năm 2026

            Kính gửi: Ủy ban nhân dân các tỉnh, thành phố

            Đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo triển khai thực hiện.
            """);
        Assert.Equal("bo cong thuong", VietText.Fold(p.Issuer ?? ""));
        Assert.Equal(new DateOnly(2026, 4, 2), p.IssuedOn);
        Assert.Contains(p.Warnings, w => w.Contains("chữ ký số", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Quảng Ngãi, ngày Ø3 tháng 4 năm 2018", "Quảng Ngãi, ngày 03 tháng 4 năm 2018")]
    [InlineData("Hà Nội, ngày l5 tháng 4 năm 2026", "Hà Nội, ngày 15 tháng 4 năm 2026")]
    [InlineData("Hà Nội, ngày l tháng O năm 2026", "Hà Nội, ngày tháng năm 2026")]
    [InlineData("Hà Nội, ngày 1l tháng 1O năm 2026", "Hà Nội, ngày 11 tháng 10 năm 2026")]
    [InlineData("Hà Nội, ngày °Ê} tháng 4 năm 2026", "Hà Nội, ngày tháng 4 năm 2026")]
    [InlineData("Hà Nội, ngàyô} thángh  năm 2026", "Hà Nội, ngày tháng   năm 2026")]
    public void Letters_read_for_digits_are_fixed_beside_a_digit_and_marks_alone_are_left_blank(string ocr, string expected) =>
        Assert.Equal(expected, OcrHeader.FixDateDigits(ocr));

    [Fact]
    public void A_text_layer_writing_u_horn_as_latin_oi_reads_as_u_horn()
    {
        // 206 (Cục Đổi mới sáng tạo …): the PDF text layer writes every "ư" as U+01A3, with the tone mark after it.
        var p = P("BỘ CÔNG THƯƠNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1178/ĐCK-CTT          Hà Nội, ngày 10 tháng 7 năm 2025\nV/v h\u01A3ớng dẫn về công tác quản lý cụm công nghiệp\n\nKính gửi: Sở Công Th\u01A3\u01A1ng các tỉnh.\n\nĐề nghị địa ph\u01A3\u01A1ng căn cứ địa giới hành chính mới để xác định địa điểm.\n\nNơi nhận:          KT. CỤC TR\u01A2ỞNG\n- Nh\u01A3 trên;\n- L\u01A3u: VT.\n                   Nguyễn Văn A\n");
        Assert.Equal("hướng dẫn về công tác quản lý cụm công nghiệp", p.Title, ignoreCase: true);
        Assert.Equal(["Như trên"], p.Recipients.Where(r => r.Purpose != "Lưu").Select(r => r.Name));
    }

    [Fact]
    public void Ocr_marks_at_a_line_start_are_read_back_as_bullets_and_section_five()
    {
        // 212 (scanned plan of Trường ĐH Công Thương TP.HCM), page 3 as tesseract reads it.
        var page = "Š. Phân công trách nhiệm\n$.2. Phòng Đào tạo và Phòng Công tác sinh viên\n— Phối hợp cung cấp, rà soát thông tin sinh viên.\n¬ Phối hợp. với Phòng Đào tạo\nGiá 5$ — không đổi";
        Assert.Equal("5. Phân công trách nhiệm\n5.2. Phòng Đào tạo và Phòng Công tác sinh viên\n- Phối hợp cung cấp, rà soát thông tin sinh viên.\n- Phối hợp. với Phòng Đào tạo\nGiá 5$ — không đổi",
            TeamsPlans.Plans.Reading.OcrTextCleaner.Clean(page));
    }

    [Fact]
    public void A_phan_cong_part_before_to_chuc_thuc_hien_gives_its_heading_assignees_too()
    {
        var p = P("""
            BỘ CÔNG THƯƠNG                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG          Độc lập - Tự do - Hạnh phúc
            Số: 753/KH-DCT                     Thành phố Hồ Chí Minh, ngày 23 tháng 6 năm 2026

            KẾ HOẠCH
            Khảo sát, xác định chỉ số hài lòng của người dân năm 2026

            1. Mục đích
            - Đo lường sự hài lòng.
            5. Phân công trách nhiệm
            5.1. Trung tâm Quản lý chất lượng
            - Là đơn vị đầu mối tham mưu ban hành kế hoạch và tổ chức triển khai khảo sát.
            5.2. Phòng Đào tạo và Phòng Công tác sinh viên
            - Phối hợp cung cấp, rà soát thông tin sinh viên thuộc 05 khoa.
            7. Tổ chức thực hiện
            - Trưởng các đơn vị có liên quan căn cứ Kế hoạch này chủ động phối hợp triển khai thực hiện.
            - Trung tâm Quản lý chất lượng là đầu mối theo dõi, đôn đốc, tổng hợp kết quả thực hiện.
            """);
        var who = p.Assignments.Select(a => a.Assignee.Display).ToList();
        Assert.Contains("Trung tâm Quản lý chất lượng", who);
        Assert.Contains("Phòng Đào tạo và Phòng Công tác sinh viên", who);
        Assert.Contains("Trưởng các đơn vị có liên quan", who);
        Assert.Contains(p.Assignments, a => a.Assignee.Display == "Trung tâm Quản lý chất lượng" && a.Duty.StartsWith("Là đầu mối theo dõi", StringComparison.Ordinal));
    }

    [Theory]
    // 216: the only text of the scanned first page is the gazette's signature box, without labels.
    [InlineData("Trung tâm Công báo và Tin học\nttcbth@quangngai.gov.vn\n04.04.2018 14:21:14 +07:00\n", true)]
    [InlineData("Ký bởi: Bộ Công Thương\nThời gian ký: 02.04.2026 14:24:26 +07:00\n2\n", true)]
    [InlineData("Trung tâm Công báo và Tin học\n04.04.2018 14:21:14 +07:00\nỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nCHỈ THỊ về việc tăng cường công tác quản lý\n", false)]
    public void A_page_whose_only_text_is_a_signature_box_is_a_scan(string text, bool scan) =>
        Assert.Equal(scan, TeamsPlans.Plans.Reading.PdfTextExtractor.IsScan(text));
}
