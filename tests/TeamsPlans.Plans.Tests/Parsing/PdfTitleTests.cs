using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// The trích yếu as pdftotext -layout gives it: a "V/v" title wrapped over six lines of the narrow left column (corpus 205,
/// 1629/SCT-CN) and a Thông báo kết luận whose dated first sentence follows the title with no blank line (corpus 214,
/// 11/TB-UBND Quảng Ngãi). Expected titles read from the documents.
/// </summary>
public class PdfTitleTests
{
    private static PlanDocument P(string s) => PlanParser.Parse(s.Replace("\r", ""));

    [Fact]
    public void A_vv_title_wrapped_over_six_lines_is_read_whole()
    {
        var p = P("""
                 UBND TỈNH LÀO CAI              CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                 SỞ CÔNG THƯƠNG                        Độc lập - Tự do - Hạnh phúc

                  Số:1629 /SCT-CN                   Lào Cai, ngày 27 tháng 3 năm 2026
              V/v kế hoạch kiểm tra công tác
             nghiệm thu hoàn thành công trình
              xây dựng kho chứa vật liệu nổ
             công nghiệp của dự án thủy điện
             Nậm Cang 1A tại xã Mường Bo,
                      tỉnh Lào Cai.

                        Kính gửi: Công ty cổ phần Đầu tư xây dựng hạ tầng cơ sở

                   Sở Công Thương nhận được Văn bản số 01/GM-HTCS ngày 17/3/2026.
            """);
        Assert.Equal("kế hoạch kiểm tra công tác nghiệm thu hoàn thành công trình xây dựng kho chứa vật liệu nổ công nghiệp của dự án thủy " +
            "điện Nậm Cang 1A tại xã Mường Bo, tỉnh Lào Cai.", p.Title);
    }

    [Fact]
    public void A_dated_first_sentence_after_the_title_opens_the_body()
    {
        var p = P("""
               ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
               TỈNH QUẢNG NGÃI                  Độc lập - Tự do - Hạnh phúc
               Số: 11 /TB-UBND                 Quảng Ngãi, ngày 08 tháng 01 năm 2025
                                          THÔNG BÁO
                Kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên tại cuộc họp nghe
               báo cáo về tình hình thực hiện công tác cổ phần hóa Công ty TNHH
                MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi trong
                     thời gian qua và nhiệm vụ trọng tâm trong thời gian đến
                 Ngày 03/01/2025, Phó Chủ tịch UBND tỉnh Võ Phiên chủ trì họp nghe
            báo cáo về tình hình thực hiện công tác cổ phần hóa Công ty TNHH MTV
            """);
        Assert.Equal("Kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên tại cuộc họp nghe báo cáo về tình hình thực hiện công tác cổ phần hóa " +
            "Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi trong thời gian qua và nhiệm vụ trọng tâm trong thời gian đến",
            p.Title);
    }
}
