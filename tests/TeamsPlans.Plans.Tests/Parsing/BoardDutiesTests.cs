using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// A decision setting up an inspection team: the article "Nhiệm vụ và quyền hạn của Đoàn kiểm tra" names the team as the
/// assignee of the duties beneath; "Đoàn kiểm tra tự giải thể sau khi hoàn thành nhiệm vụ" says when it ends and is no
/// duty. Excerpt of corpus document 255_sct-laocai-qd-1050-kiem-tra-vlncn-2026; expected values read from it.
/// </summary>
public class BoardDutiesTests
{
    [Fact]
    public void The_teams_article_is_its_duty_and_its_dissolution_is_none()
    {
        var p = PlanParser.Parse("""
            UBND TỈNH LÀO CAI                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            SỞ CÔNG THƯƠNG                        Độc lập - Tự do - Hạnh phúc
            Số: 1050/QĐ-SCT                      Lào Cai, ngày 06 tháng 3 năm 2026
            QUYẾT ĐỊNH
            Về việc kiểm tra việc chấp hành quy định pháp luật về vật liệu nổ công nghiệp
            GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH LÀO CAI
            Căn cứ Nghị định số 217/2025/NĐ-CP ngày 05/8/2025 của Chính phủ quy định về hoạt động kiểm tra chuyên ngành;
            QUYẾT ĐỊNH:
            Điều 1. Thành lập Đoàn kiểm tra việc chấp hành quy định pháp luật trong sử dụng vật liệu nổ công nghiệp.
            Điều 2. Nhiệm vụ và quyền hạn của Đoàn kiểm tra
            Đoàn kiểm tra thực hiện nhiệm vụ và quyền hạn theo quy định tại Điều 8 Nghị định số 217/2025/NĐ-CP, trong đó tập trung:
            1. Xây dựng và trình Giám đốc Sở phê duyệt Kế hoạch kiểm tra chi tiết.
            2. Báo cáo kết quả kiểm tra cho Giám đốc Sở sau khi kết thúc đợt kiểm tra.
            Điều 3. Tổ chức thực hiện
            1. Đoàn kiểm tra tự giải thể sau khi hoàn thành nhiệm vụ.
            2. Chánh Văn phòng Sở, Trưởng phòng Quản lý công nghiệp và các ông/bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.
            Nơi nhận:                                          GIÁM ĐỐC
            - Như Điều 3;
            - Lưu: VT, CN.
                                                               Nguyễn Văn Hòa
            """.Replace("\r", ""));
        var team = Assert.Single(p.Assignments, a => a.Assignee.Display.StartsWith("Đoàn kiểm tra", StringComparison.Ordinal));
        Assert.Equal("Đoàn kiểm tra", team.Assignee.Display);
        Assert.Contains("thực hiện nhiệm vụ và quyền hạn theo quy định tại Điều 8", team.Duty, StringComparison.Ordinal);
        Assert.Contains(p.Assignments, a => a.Assignee.Display == "Chánh Văn phòng Sở");
    }
}
