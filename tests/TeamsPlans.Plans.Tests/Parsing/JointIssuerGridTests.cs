using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// The header of corpus document 209 (Hướng dẫn liên ngành 24, seven issuers), as pdftotext reads its OCR text layer:
/// the issuers in a grid two to a line, the joint symbol wrapped onto the next line with Cyrillic look-alike letters
/// ("ВСТ-ВТC"). Expected values read from the page image.
/// </summary>
public class JointIssuerGridTests
{
    private static PlanDocument P(string s) => PlanParser.Parse(s.Replace("\r", ""));

    private const string Header209 = """
        BỘ CÔNG AN BỘ QUỐC PHÒNG
                          -                        -   CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
        BỘ Y TẾ  BỘ CÔNG THƯƠNG
                  -                            -             Độc lập Tự do Hạnh phúc

         BỘ TÀI CHÍNH VIỆN KIỂM SÁT
                              -

          NHÂN DÂN TÓI CAO TÒA ÁN    -

              NHÂN DÂN TÓI CAO

         Số: 24 /HDLN-BCA-BQP-BYT-                          Hà Nội, ngày 25 tháng 6 năm 2026
         ВСТ-ВТC-VKSNDTC-TANDTC

                                        HƯỚNG DẪN LIÊN NGÀNH
                              Về việc xử lý đối với hành vi vi phạm liên quan đến
                                sản xuất, buôn bán, vận chuyển, tàng trữ N2O

              1. Bộ Công an, Bộ Quốc phòng, Bộ Y tế có trách nhiệm chỉ đạo và tổ chức thực hiện Hướng dẫn này.
        """;

    [Fact]
    public void A_wrapped_joint_symbol_with_cyrillic_look_alikes_is_read_whole_in_latin_letters()
    {
        var p = P(Header209);
        Assert.Equal("24/HDLN-BCA-BQP-BYT-BCT-BTC-VKSNDTC-TANDTC", p.Number);
        Assert.Equal(new DateOnly(2026, 6, 25), p.IssuedOn);
    }

    [Fact]
    public void Seven_issuers_in_a_grid_are_the_issuer_and_six_co_issuers()
    {
        var p = P(Header209);
        Assert.Equal("Bộ Công an", p.Issuer, ignoreCase: true);
        Assert.Null(p.ParentIssuer);
        Assert.Equal(["bộ quốc phòng", "bộ y tế", "bộ công thương", "bộ tài chính", "viện kiểm sát nhân dân tói cao", "tòa án nhân dân tói cao"],
            p.CoIssuers.Select(c => c.ToLowerInvariant()).ToList());
    }

    [Fact]
    public void A_governing_body_over_its_issuer_is_no_grid()
    {
        Assert.Null(JointIssuerGrid.Split(["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG"]));
        Assert.Null(JointIssuerGrid.Split(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]));
        Assert.Null(JointIssuerGrid.Split(["BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]));
    }

    [Fact]
    public void Look_alike_letters_are_mapped_only_inside_the_token()
    {
        Assert.Equal("BCT-BTC", NumberToken.Latin("ВСТ-ВТC"));
        Assert.Equal("KH-SGDĐT", NumberToken.Latin("KH-SGDĐT"));
    }
}
