using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// The day a cited rule takes effect ("Thông tư … có hiệu lực từ ngày …", "có hiệu lực thi hành kể từ ngày …") is not
/// something the addressee must do by then; a report date in the same letter still is. Hand-written example of a ministry's
/// guidance letter; expected values read from it.
/// </summary>
public class EffectiveDateTests
{
    [Fact]
    public void The_day_a_rule_takes_effect_is_no_deadline()
    {
        var p = PlanParser.Parse("""
            BỘ CÔNG THƯƠNG                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                    Độc lập - Tự do - Hạnh phúc
            Số: 1201/BCT-ATMT                     Hà Nội, ngày 02 tháng 3 năm 2026
            V/v triển khai Thông tư số 05/2026/TT-BCT

            Kính gửi: Sở Công Thương các tỉnh, thành phố.

            Thông tư số 05/2026/TT-BCT có hiệu lực thi hành kể từ ngày 15/4/2026. Bộ Công Thương đề nghị Sở Công Thương
            các tỉnh, thành phố phổ biến Thông tư đến các doanh nghiệp và báo cáo kết quả về Bộ trước ngày 30/6/2026.

            Nơi nhận:                              KT. BỘ TRƯỞNG
            - Như trên;                            THỨ TRƯỞNG
            - Lưu: VT, ATMT.
                                                   Trương Thanh Hoài
            """.Replace("\r", ""));
        Assert.Equal([DueDate.OnDate(new DateOnly(2026, 6, 30))], p.Deadlines.Select(d => d.Due).ToList());
    }
}
