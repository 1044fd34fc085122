using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>A target to reach by a year ("Các chỉ tiêu cụ thể đến năm 2030", "chỉ tiêu giảm tỷ lệ nghèo đa chiều đến năm
/// 2025") is due that year ("yyyy"); a period or a strategy's name ending in a year is not. Excerpts of corpus documents
/// 105_sct-laocai-kh-de-an-08-cong-nghiep-xanh-2026 and 217_ubnd-quangngai-tb-565-ket-luan-ctmtqg-2024; expected values
/// read from them.</summary>
public class TargetYearDeadlineTests
{
    private static List<string> Dues(string text) =>
        DeadlineExtractor.Extract(text, null, 2026, null, "Kế hoạch").Select(d => d.Due.ToString()).ToList();

    [Fact]
    public void Targets_by_a_year_are_due_that_year()
    {
        Assert.Equal(["2030"], Dues("Các chỉ tiêu cụ thể đến năm 2030"));
        Assert.Equal(["2025"], Dues("Tập trung triển khai thực hiện công tác rà soát hộ nghèo, hộ cận nghèo năm 2024 theo đúng quy định; khẩn " +
            "trương xây dựng kế hoạch thực hiện chỉ tiêu giảm tỷ lệ nghèo đa chiều đến năm 2025 theo Kế hoạch số 186/KH-UBND ngày 17/9/2024."));
    }

    [Fact]
    public void A_period_or_a_plans_horizon_is_no_deadline()
    {
        Assert.Empty(Dues("Phê duyệt Điều chỉnh Quy hoạch tỉnh Lào Cai thời kỳ 2021-2030, tầm nhìn đến năm 2050"));
        Assert.Empty(Dues("Chiến lược phát triển công nghiệp đến năm 2030"));
    }

    [Fact]
    public void How_long_a_decision_holds_and_a_named_laws_date_are_no_deadlines()
    {
        // 207_ubnd-laocai-qd-1696-uy-quyen-sct-2026, 109_ubnd-laocai-cv-giao-tham-muu-uy-quyen-2025
        Assert.Empty(Dues("Thời hạn ủy quyền: Từ ngày quyết định này có hiệu lực đến hết ngày 28 tháng 02 năm 2027, trừ trường hợp quy định của " +
            "pháp luật và văn bản khác của cấp có thẩm quyền quy định điều chỉnh, thay thế."));
        Assert.Equal(["2025-09-15"], Dues("Giao Sở Công Thương chủ trì, phối hợp với Sở Tư pháp, căn cứ Luật Tổ chức chính quyền địa phương ngày " +
            "16/6/2025, Luật Quản lý, sử dụng vũ khí, vật liệu nổ ngày 29/6/2024 và quy định khác có liên quan, nghiên cứu, tham mưu Ủy ban nhân " +
            "dân tỉnh việc uỷ quyền, trình UBND tỉnh xem xét, quyết định trước ngày 15/9/2025."));
    }
}
