using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>A content part closing with "Lãnh đạo phụ trách: …" then "Đơn vị chủ trì: …; Đơn vị phối hợp: …": the lead's
/// duty is the part's heading, not the supervisor line. Excerpt shaped on a Sở Công Thương plan; values read from it.</summary>
public class LeadLabelTests
{
    [Fact]
    public void A_lead_after_the_supervisor_line_takes_the_parts_heading_as_its_duty()
    {
        var p = PlanParser.Parse("""
            UBND TỈNH LÀO CAI               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            SỞ CÔNG THƯƠNG                  Độc lập - Tự do - Hạnh phúc
            Số:    /KH-SCT                  Lào Cai, ngày     tháng 4 năm 2026

            KẾ HOẠCH
            Thực hiện Đề án phát triển công nghiệp xanh

            I. MỤC ĐÍCH, YÊU CẦU
            1. Phát triển công nghiệp theo hướng xanh.
            II. NHIỆM VỤ TRỌNG TÂM
            1. Tái cơ cấu ngành công nghiệp theo chiều sâu, nâng cao giá trị gia tăng
            - Tham mưu hình thành và phát triển các ngành công nghiệp hỗ trợ.
            - Đôn đốc, hướng dẫn doanh nghiệp chuyển đổi mô hình sản xuất.
            Lãnh đạo phụ trách: Phó giám đốc Hoàng Văn Thuân, Phó giám đốc Nguyễn Đình Chiến.
            Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Phòng Quản lý Năng lượng, Phòng Quản lý Thương mại.
            III. TỔ CHỨC THỰC HIỆN
            1. Văn phòng Sở: Thực hiện công tác cải cách hành chính.

            Nơi nhận:                         GIÁM ĐỐC
            - UBND tỉnh;
            - Lưu: VT.
                                              Nguyễn Văn A
            """.Replace("\r", ""));
        var a = Assert.Single(p.Assignments, x => x.Assignee.Display == "Phòng Quản lý Công nghiệp");
        Assert.StartsWith("Tái cơ cấu ngành công nghiệp theo chiều sâu", a.Duty, StringComparison.Ordinal);
        Assert.Contains("Phòng Quản lý Năng lượng", a.Support);
    }
}
