using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// The trích yếu of a scanned page as tesseract (psm 4) gives it: a blank line between its wrapped lines (corpus 210,
/// Bộ Công Thương 2265/BCT-ATMT) and a received-document stamp in capitals printed over the first body line (corpus 216,
/// Chỉ thị 08/CT-UBND Quảng Ngãi). Lines are the OCR output of those pages; the expected titles are read from the images.
/// </summary>
public class OcrTitleTests
{
    private static PlanDocument P(string s) => PlanParser.Parse(s.Replace("\r", ""));

    [Fact]
    public void A_blank_line_between_the_wrapped_lines_of_a_vv_title_does_not_end_it()
    {
        var p = P("""
            BỘ CÔNG THƯƠNG             CỘNG HOÀ XÃ `**“'HỦ NGHĨA VIỆT NAM
            )                                          Độc lập - Tự do - Hạnh phúc
            số,2 l BCT-ATMT                 —                      :
            V/v triên khai thực hiện thủ tục câp             Hà Nội, ngàyô} thángh  năm 2026

            Giấy phép vận chuyền hàng hóa nguy
            hiêm loại 1,2,3.,4,9

            Kính gửi: Ủy ban nhân dân các tỉnh, thành phố

            Ngày 25 tháng 3 năm 2026, Bộ Công Thương ban hành Thông tư số 15/2026/TT-BCT ngày 25 tháng 3 năm 2026.
            """);
        Assert.Equal("triên khai thực hiện thủ tục câp Giấy phép vận chuyền hàng hóa nguy hiêm loại 1,2,3.,4,9", p.Title);
    }

    [Fact]
    public void A_vv_title_is_not_continued_by_the_body_after_a_blank_line()
    {
        var p = P("""
            SỞ CÔNG THƯƠNG                         Độc lập - Tự do - Hạnh phúc
            Số: 4280 /SCT - CN                  Lào Cai, ngày 16 tháng 7 năm 2026
            V/v hoàn thiện hồ sơ đề nghị

            Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 29/6/2024;
            """);
        Assert.Equal("hoàn thiện hồ sơ đề nghị", p.Title);
    }

    [Fact]
    public void A_stamp_in_capitals_after_a_mixed_case_title_is_no_part_of_it()
    {
        var p = P("""
            "        ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH QUẢNG NGÃI           Độc lập - Tự do - Hạnh phúc
            Số: đ /CT-UBND                         Quảng Ngãi, ngày Ø3 tháng 4 năm 2018
            CHỈ THỊ

            Về việc tăng cường công tác quản lý nhà nước để hỗ trợ nhà đầu tư
            c hiệ       án sử dụng vốn ngoài ngân sách nhà nước tại tỉnh Quảng Ngãi
            FRUNG-TÂN CÔNG BẢO & TÌN HỌC 0.NGÃI
            W|   Số: NT    “hời-e:an qua, các cấp, các ngành đã có nhiều cố gắng trong lãnh đạo, chỉ
            """);
        Assert.Equal("Về việc tăng cường công tác quản lý nhà nước để hỗ trợ nhà đầu tư c hiệ án sử dụng vốn ngoài ngân sách nhà nước tại tỉnh " +
            "Quảng Ngãi", p.Title);
    }
}
