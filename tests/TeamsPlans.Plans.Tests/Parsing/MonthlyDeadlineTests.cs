using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>A report due on a day of every month ("trước ngày 18 hằng tháng"): a monthly deadline, written "--MM-dd"
/// with the plan's issue month; a yearly report due "trước ngày 15 tháng 02 của năm liền kề sau năm báo cáo": yearly.
/// Excerpts shaped on a Sở plan's "Chế độ báo cáo" and a Sở letter on mining reports; expected values read from them.</summary>
public class MonthlyDeadlineTests
{
    [Fact]
    public void A_day_of_every_month_is_a_monthly_deadline_anchored_on_the_issue_month()
    {
        var p = PlanParser.Parse("""
            UBND TỈNH LÀO CAI               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            SỞ CÔNG THƯƠNG                  Độc lập - Tự do - Hạnh phúc
            Số:    /KH-SCT                  Lào Cai, ngày     tháng 4 năm 2026

            KẾ HOẠCH
            Thực hiện Đề án phát triển công nghiệp xanh

            I. MỤC ĐÍCH, YÊU CẦU
            1. Phát triển công nghiệp theo hướng xanh.
            II. TỔ CHỨC THỰC HIỆN
            1. Phòng Kế hoạch - Tổng hợp: Là đầu mối tổng hợp, theo dõi tiến độ thực hiện Kế hoạch.
            III. CHẾ ĐỘ BÁO CÁO
            Các phòng, đơn vị báo cáo tình hình thực hiện về Phòng Kế hoạch - Tổng hợp trước ngày 18 hằng tháng.

            Nơi nhận:                         GIÁM ĐỐC
            - UBND tỉnh;
            - Lưu: VT.
                                              Nguyễn Văn A
            """.Replace("\r", ""));
        var d = Assert.Single(p.Deadlines, x => x.Recurrence == Recurrence.Monthly);
        Assert.Equal("--04-18", d.Due.ToString());
        Assert.DoesNotContain(p.Deadlines, x => x.Due.ToString() == "2026-04-18");
    }

    [Fact]
    public void A_day_of_the_year_after_the_reporting_year_is_a_yearly_deadline()
    {
        var found = DeadlineExtractor.Extract(
            "Báo cáo định kỳ kết quả hoạt động khai thác khoáng sản (kỳ báo cáo là năm): được lập và nộp trước ngày 15 tháng 02 của năm liền kề sau năm báo cáo.",
            null, 2025, null, "Báo cáo");
        var d = Assert.Single(found);
        Assert.Equal(Recurrence.Yearly, d.Recurrence);
        Assert.Equal("--02-15", d.Due.ToString());
    }
}
