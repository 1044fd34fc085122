using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// Dates that close a validity or reporting period are no deadlines; the due date beside them is. Excerpts of corpus
/// documents 207 (QĐ 1696/QĐ-UBND, the authorization period) and 252 (CV 5141/SNNMT-KS, the yearly report and the
/// statistics period); expected values read from the documents.
/// </summary>
public class PeriodBoundTests
{
    [Fact]
    public void The_end_of_an_authorization_period_is_no_deadline()
    {
        var d = DeadlineExtractor.Extract("Thời hạn ủy quyền: Từ ngày quyết định này có hiệu lực đến hết ngày 28 tháng 02 năm 2027, trừ " +
            "trường hợp quy định của pháp luật và văn bản khác của cấp có thẩm quyền quy định điều chỉnh, thay thế.", null, 2026, null, "x");
        Assert.Empty(d);
    }

    [Fact]
    public void The_bounds_of_a_statistics_period_are_no_deadlines()
    {
        var d = DeadlineExtractor.Extract("Thống kê trữ lượng khoáng sản đã khai thác bao gồm thống kê hằng năm và thống kê từ thời điểm bắt " +
            "đầu khai thác đến ngày 31 tháng 12 của năm thống kê. Kỳ thống kê hằng năm được xác định từ ngày 01 tháng 01 đến ngày 31 tháng " +
            "12 hằng năm.", null, 2025, null, "x");
        Assert.Empty(d);
        Assert.Empty(DeadlineExtractor.Extract("Bản đồ hiện trạng khu vực được phép khai thác khoáng sản lập 1 năm 1 lần trên cơ sở cập " +
            "nhật kết quả thường xuyên, thời điểm lập, cập nhật đến hết ngày 31 tháng 12 hàng năm.", null, 2025, null, "x"));
    }

    [Fact]
    public void A_yearly_report_due_in_a_sentence_that_also_names_its_period_is_kept()
    {
        var d = DeadlineExtractor.Extract("Được lập và nộp trước ngày 15 tháng 02 của năm liền kề sau năm báo cáo, kỳ báo cáo là năm (từ 01 " +
            "tháng 01 đến 31 tháng 12);", null, 2025, null, "x");
        var one = Assert.Single(d);
        Assert.Equal(DueDate.Yearly(2, 15), one.Due);
        Assert.Equal(Recurrence.Yearly, one.Recurrence);
    }

    [Fact]
    public void A_numbered_point_after_a_heading_is_its_own_paragraph_and_its_deadline_is_read()
    {
        var p = PlanParser.Parse("""
            UBND TỈNH LÀO CAI              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG          Độc lập - Tự do - Hạnh phúc
            Số: 5141/SNNMT-KS               Lào Cai, ngày 10 tháng 12 năm 2025
            V/v báo cáo sản lượng khoáng sản
                         Kính gửi: Các tổ chức, cá nhân khai thác khoáng sản
                 1.6. Báo cáo kết quả hoạt động khai thác khoáng sản, khai thác tận thu
            khoáng sản, thu hồi khoáng sản (báo cáo định kỳ).
                   (1) Tổ chức, cá nhân khai thác, thu hồi khoáng sản phải lập Báo cáo định kỳ
            kết quả hoạt động khai thác khoáng sản, khai thác tận thu khoáng sản, thu hồi
            khoáng sản (tích hợp Báo cáo thống kê trữ lượng, khối lượng khoáng sản đã khai
            thác): Được lập và nộp trước ngày 15 tháng 02 của năm liền kề sau năm báo cáo,
            kỳ báo cáo là năm (từ 01 tháng 01 đến 31 tháng 12);
            """.Replace("\r", ""));
        var d = Assert.Single(p.Deadlines);
        Assert.Equal(DueDate.Yearly(2, 15), d.Due);
        Assert.Equal(Recurrence.Yearly, d.Recurrence);
    }

    [Fact]
    public void A_sentence_opening_with_its_date_reports_an_event_and_is_no_deadline()
    {
        // 107 (Thông báo kết luận, VP UBND tỉnh Lào Cai): the meeting the notice concludes.
        Assert.Empty(DeadlineExtractor.Extract("Ngày 19 tháng 6 năm 2026, Ủy ban nhân dân tỉnh tổ chức cuộc họp về tình hình triển khai các " +
            "cụm công nghiệp trên địa bàn tỉnh.", null, 2026, null, "x"));
        var d = Assert.Single(DeadlineExtractor.Extract("Ủy ban nhân dân các xã, phường lập hồ sơ, gửi Sở Công Thương thẩm định trước ngày " +
            "30/7/2026.", null, 2026, null, "x"));
        Assert.Equal(DueDate.OnDate(new DateOnly(2026, 7, 30)), d.Due);
    }
}
