using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// A giấy mời: its "Kính gửi:" block under the title names the invited, not assignees; the preparation duties below are
/// the assignments, including a body named by its proper name as the label of its duty ("Viễn thông Lào Cai: chủ trì
/// …"). Excerpt of corpus document 114_ubnd-laocai-giay-moi-hop-ccn-2026; expected values read from it.
/// </summary>
public class MeetingInvitationTests
{
    [Fact]
    public void The_invited_are_no_assignees_and_a_named_body_label_is_one()
    {
        var p = PlanParser.Parse("""
            ỦY BAN NHÂN DÂN                    CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH LÀO CAI                       Độc lập - Tự do - Hạnh phúc
            Số:          /GM-UBND              Lào Cai, ngày       tháng 6 năm 2026
            GIẤY MỜI HỌP
            Về tình hình triển khai các cụm công nghiệp trên địa bàn tỉnh.
             Kính gửi:
            - Đồng chí Nguyễn Tuấn Anh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh;
            - Các Sở: Công Thương, Tài chính, Xây dựng, Nông nghiệp và Môi trường;
            - Ủy ban nhân dân các xã, phường có cụm công nghiệp trên địa bàn.
            Uỷ ban nhân dân tỉnh tổ chức họp về tình hình triển khai các cụm công nghiệp trên địa bàn tỉnh, cụ thể như sau:
            1. Thời gian, hình thức họp: Từ 14h00 thứ Ba, ngày 16/6/2026, theo hình thức trực tiếp kết hợp trực tuyến.
            2. Công tác chuẩn bị:
            - Giao Sở Công Thương chủ trì chuẩn bị các tài liệu liên quan và báo cáo tình hình triển khai các cụm công nghiệp trên địa bàn
            tỉnh gửi về Văn phòng UBND tỉnh trước 15h00 ngày 15/6/2026 để tổng hợp;
            - Viễn thông Lào Cai: chủ trì, phối hợp với các bộ phận liên quan của Văn phòng UBND tỉnh bảo đảm hệ thống đường truyền phục vụ
            cuộc họp.
            Ủy ban nhân dân tỉnh kính mời các đại biểu dự họp theo thành phần, thời gian, địa điểm nêu trên./.
            Nơi nhận:                                        TL. CHỦ TỊCH
            - Như kính gửi;                                  PHÓ CHÁNH VĂN PHÒNG
            - Lưu: VT, KT.
                                                             Hoàng Ngọc Bích
            """.Replace("\r", ""));
        Assert.Equal(["Sở Công Thương", "Viễn thông Lào Cai"], p.Assignments.Select(a => a.Assignee.Unit!).ToList());
        Assert.StartsWith("Chủ trì, phối hợp với các bộ phận liên quan", p.Assignments[1].Duty, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_without_a_proper_name_or_a_duty_verb_is_no_assignee()
    {
        Assert.Null(NamedBodyLabel.Detect("Nội dung kiểm tra: Tổ chức kiểm tra hồ sơ pháp lý."));
        Assert.Null(NamedBodyLabel.Detect("Địa điểm Lào Cai: Tại hiện trường công trình ở xã Mường Bo."));
    }
}
