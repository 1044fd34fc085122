using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// A legal basis that opens with a dash: in corpus 209 (Hướng dẫn liên ngành 24) the OCR text layer puts a stray "-" before
/// the first "Căn cứ"; school plans set their bases as bullets the same way. Expected bases read from the document.
/// </summary>
public class BulletBasisTests
{
    [Fact]
    public void A_basis_after_a_dash_is_read_like_one_without()
    {
        var p = PlanParser.Parse("""
            BỘ CÔNG AN BỘ QUỐC PHÒNG
                              -                        -   CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
            BỘ Y TẾ  BỘ CÔNG THƯƠNG
                      -                            -             Độc lập Tự do Hạnh phúc
             Số: 24 /HDLN-BCA-BQP-BYT-                          Hà Nội, ngày 25 tháng 6 năm 2026
             ВСТ-ВТC-VKSNDTC-TANDTC
                                            HƯỚNG DẪN LIÊN NGÀNH
                          Về việc xử lý đối với hành vi vi phạm liên quan đến
                            sản xuất, buôn bán, vận chuyển, tàng trữ N2O

                      -    Căn cứ mục 2.2, Nghị quyết số
                                                       173/2024/QH15 ngày 30/11/2024 của
               Quốc hội quy định: “Quốc hội thống nhất cấm sản xuất, kinh doanh, nhập khẩu, tàng trữ, vận chuyển thuốc lá điện tử”;
                       Căn cứ Công văn số 3584/BYT-KCB ngày 19/5/2026 của Bộ Y tế về tác hại cho sức khoẻ con người của khí N2O;
                        1. Dinito monoxit tên khoa học là Nitrous oxide.
            """.Replace("\r", ""));
        Assert.Equal(["173/2024/QH15", "3584/BYT-KCB"], p.LegalBases.Select(b => b.Number).ToList());
    }
}
