using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// "Nơi nhận" lines as tesseract reads the last page of corpus 216 (Chỉ thị 08/CT-UBND Quảng Ngãi): blank lines between
/// the lines, and a closing ";" read as ":". Expected recipients read from the page image.
/// </summary>
public class OcrRecipientTests
{
    [Fact]
    public void A_closing_semicolon_read_as_a_colon_ends_the_recipient_like_a_semicolon()
    {
        var p = PlanParser.Parse("""
            ỦY BAN NHÂN DÂN             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH QUẢNG NGÃI           Độc lập - Tự do - Hạnh phúc
            Số: 08/CT-UBND                         Quảng Ngãi, ngày 03 tháng 4 năm 2018
            CHỈ THỊ
            Về việc tăng cường công tác quản lý nhà nước để hỗ trợ nhà đầu tư

            1. Sở Kế hoạch và Đầu tư chịu trách nhiệm tổng hợp báo cáo chung toàn tỉnh.

            Nơi nhận:

            - Thường trực HĐND tỉnh;

            - Đoàn Đại biểu Quốc hội tỉnh;

            - Ủy ban MTTQVN Tỉnh:

            - VP: Tỉnh ủy, Đoàn ĐBQH và HĐND Tỉnh;

            - Lưu: VT, P.TH.
            """.Replace("\r", ""));
        Assert.Equal(["Thường trực HĐND tỉnh", "Đoàn Đại biểu Quốc hội tỉnh", "Ủy ban MTTQVN Tỉnh", "VP: Tỉnh ủy, Đoàn ĐBQH và HĐND Tỉnh"],
            p.Recipients.Where(r => r.Purpose != "Lưu").Select(r => r.Name).ToList());
    }
}
