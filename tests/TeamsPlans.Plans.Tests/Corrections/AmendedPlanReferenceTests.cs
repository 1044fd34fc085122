using TeamsPlans.Plans.Corrections;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Tests.Corrections;

public sealed class AmendedPlanReferenceTests
{
    [Theory]
    [InlineData("Điều chỉnh, bổ sung Kế hoạch số 12/KH-SGDĐT ngày 05/01/2023 về tổ chức năm học", "12/KH-SGDĐT")]
    [InlineData("KẾ HOẠCH ĐIỀU CHỈNH, BỔ SUNG KẾ HOẠCH SỐ 82/KH-THPT BK NGÀY 03 THÁNG 4 NĂM 2023", "82/KH-THPT BK")]
    [InlineData("Bổ sung Kế hoạch số 1334 /KH-SGDĐT về hoạt động đối ngoại", "1334/KH-SGDĐT")]
    [InlineData("Điều chỉnh một số nội dung tại Kế hoạch số 45/KH-UBND, ngày 2/3/2024", "45/KH-UBND")]
    public void The_adjusted_plans_number_is_read_from_the_title(string title, string expected) =>
        Assert.Equal(expected, AmendedPlanReference.Of(new PlanDocument { Number = "99/KH-X", Title = title }));

    [Theory]
    [InlineData("Hoạt động đối ngoại và hội nhập quốc tế năm 2023")]
    [InlineData("Thực hiện Kế hoạch số 1334/KH-SGDĐT ngày 27 tháng 3 năm 2023")] // implements, does not adjust
    public void A_plan_that_adjusts_nothing_has_no_reference(string title) =>
        Assert.Null(AmendedPlanReference.Of(new PlanDocument { Number = "99/KH-X", Title = title }));

    [Fact]
    public void A_document_citing_its_own_number_is_no_correction_of_another_plan() =>
        Assert.Null(AmendedPlanReference.Of(new PlanDocument { Number = "12/KH-SGDĐT", Title = "Điều chỉnh Kế hoạch số 12 / KH-SGDĐT" }));

    [Fact]
    public void A_legal_basis_that_adjusts_an_earlier_plan_counts()
    {
        var doc = new PlanDocument
        {
            Number = "20/KH-THPT", Title = "Kế hoạch tổ chức hội thao",
            LegalBases = [new LegalBasis("Căn cứ", null, null, null, "Căn cứ nhu cầu điều chỉnh, bổ sung Kế hoạch số 7/KH-THPT ngày 01/02/2024;")],
        };
        Assert.Equal("7/KH-THPT", AmendedPlanReference.Of(doc));
    }
}
