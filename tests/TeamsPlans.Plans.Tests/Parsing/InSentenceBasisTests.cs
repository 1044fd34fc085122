using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// A letter with no "Căn cứ" line whose opening sentence names the document it acts on ("… tại Giấy phép … số … ngày …",
/// "… theo Quyết định số …") before its request ("đề nghị", "yêu cầu"): that document is the basis. A document cited
/// after the request is what the addressee must follow, not a basis. A recipient wrapped over two lines keeps the comma
/// at the break. Hand-written examples in the layout of a Sở's công văn yêu cầu; expected values read from them.
/// </summary>
public class InSentenceBasisTests
{
    private const string Header = """
        UBND TỈNH YÊN BÁI                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG                 Độc lập - Tự do - Hạnh phúc
        Số: 512/SNNMT-KS                        Yên Bái, ngày 05 tháng 8 năm 2026
        V/v thực hiện nghĩa vụ sau cấp phép

        Kính gửi: Công ty TNHH Đá vôi Yên Bình

        """;

    private const string Tail = """

        Nơi nhận:                                     KT. GIÁM ĐỐC
        - Như trên;                                   PHÓ GIÁM ĐỐC
        - Các Sở: Xây dựng, Tài chính,
        Công Thương;
        - Lưu: VT, KS.
                                                      Trần Minh Đức
        """;

    private static PlanDocument P(string s) => PlanParser.Parse(s.Replace("\r", ""));

    [Fact]
    public void A_licence_named_in_the_opening_sentence_before_the_request_is_the_basis()
    {
        var p = P(Header + """
            Công ty TNHH Đá vôi Yên Bình được Ủy ban nhân dân tỉnh cấp phép khai thác đá vôi tại Giấy phép khai thác khoáng
            sản số 27/GP-UBND ngày 02/6/2026. Để hoạt động khai thác đúng quy định, Sở Nông nghiệp và Môi trường đề nghị
            Công ty thực hiện các nội dung theo Quyết định số 88/QĐ-UBND ngày 01/3/2026 như sau:
            1. Cắm mốc khu vực khai thác
            - Thực hiện cắm mốc và bàn giao mốc giới theo quy định.
            """ + Tail);
        var basis = Assert.Single(p.LegalBases);
        Assert.Equal("27/GP-UBND", basis.Number);
        Assert.Equal(new DateOnly(2026, 6, 2), basis.IssuedOn);
        Assert.StartsWith("Giấy phép khai thác khoáng sản số 27/GP-UBND", basis.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_cited_without_tai_or_theo_is_no_basis()
    {
        var p = P(Header + """
            Trong tháng 7/2026, Công ty đã nộp Báo cáo số 14/BC-ĐV về sản lượng. Sở Nông nghiệp và Môi trường đề nghị
            Công ty bổ sung số liệu theo Mẫu số 01 trước ngày 20/8/2026.
            """ + Tail);
        Assert.Empty(p.LegalBases);
    }

    [Fact]
    public void A_recipient_wrapped_over_two_lines_keeps_the_comma_at_the_break()
    {
        var p = P(Header + """
            Sở Nông nghiệp và Môi trường đề nghị Công ty báo cáo kết quả trước ngày 30/8/2026.
            """ + Tail);
        Assert.Contains(p.Recipients, r => r.Name == "Các Sở: Xây dựng, Tài chính, Công Thương");
        Assert.Contains(p.Recipients, r => r.Name == "Như trên");
    }
}
