using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// A joint document signed by several bodies in a grid above "Nơi nhận" (two blocks, then three, side by side), with ranks
/// before names and scan marks; its "Nơi nhận" bullets have the dash set apart by a column gap, and one line lost its dash.
/// Hand-written example in the layout of a hướng dẫn liên ngành; expected values read from it.
/// </summary>
public class SignatureGridTests
{
    private const string Doc = """
        SỞ Y TẾ           SỞ CÔNG THƯƠNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ TÀI CHÍNH      CÔNG AN TỈNH                Độc lập - Tự do - Hạnh phúc
        Số: 05/HDLN-SYT-SCT-STC-CAT                Bắc Ninh, ngày 12 tháng 5 năm 2026

                          HƯỚNG DẪN LIÊN NGÀNH
                 Về việc kiểm tra cơ sở kinh doanh khí cười

        1. Công an tỉnh chủ trì kiểm tra, xử lý vi phạm trên địa bàn.
        2. Sở Y tế hướng dẫn các cơ sở y tế về tác hại của khí N2O./.

                  KT. GIÁM ĐỐC                          KT. GIÁM ĐỐC
                     SỞ Y TẾ                            SỞ CÔNG THƯƠNG
                  PHÓ GIÁM ĐỐC                          PHÓ GIÁM ĐỐC

               TS. Lê Thị Hồng Nhung                 *Phạm Quốc Việt

               KT. GIÁM ĐỐC              GIÁM ĐỐC                KT. GIÁM ĐỐC
               SỞ TÀI CHÍNH                                       CÔNG AN TỈNH
               PHÓ GIÁM ĐỐC                                       PHÓ GIÁM ĐỐC
                    *
            Ngô Văn Tài            Đặng Minh Hà          Đại tá Vũ Thành Long

        Nơi nhận:
        -   Sở Y tế;
        -   Sở Công Thương;
            Sở Tài chính;
        -   Công an tỉnh;
        -   Lưu: VT.
        """;

    [Fact]
    public void Each_block_of_a_signature_grid_above_noi_nhan_is_a_signer_with_the_title_of_its_column()
    {
        var p = PlanParser.Parse(Doc.Replace("\r", ""));
        Assert.Equal(["Lê Thị Hồng Nhung", "Phạm Quốc Việt", "Ngô Văn Tài", "Đặng Minh Hà", "Vũ Thành Long"], p.Signers.Select(s => s.Name).ToList());
        Assert.Equal("PHÓ GIÁM ĐỐC", p.Signers[0].Title);
        Assert.Equal("GIÁM ĐỐC SỞ Y TẾ", p.Signers[0].OnBehalfOf);
        Assert.Equal("GIÁM ĐỐC", p.Signers[3].Title);
        Assert.Null(p.Signers[3].OnBehalfOf);
        Assert.Equal("GIÁM ĐỐC CÔNG AN TỈNH", p.Signers[4].OnBehalfOf);
    }

    [Fact]
    public void Noi_nhan_bullets_with_a_spaced_dash_or_a_lost_dash_are_recipients()
    {
        var p = PlanParser.Parse(Doc.Replace("\r", ""));
        Assert.Equal(["Sở Y tế", "Sở Công Thương", "Sở Tài chính", "Công an tỉnh"],
            p.Recipients.Where(r => r.Purpose != "Lưu").Select(r => r.Name).ToList());
    }
}
