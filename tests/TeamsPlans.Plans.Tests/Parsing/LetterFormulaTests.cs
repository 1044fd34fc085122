using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// The sentences of a công văn that name a body but give it no duty of its own (the closing formula to the addressee
/// already asked, the issuer notifying or speaking of itself, the conditional feedback formula, a meeting conclusion's
/// preamble, a list's lead-in), an assignee that swallowed its requester or its verb, a wrapped trích yếu, a reply
/// letter's incoming document and a hand-filled month. Excerpts shaped on corpus letters; expected values read from them.
/// </summary>
public class LetterFormulaTests
{
    private const string SctHeader = """
        UBND TỈNH LÀO CAI               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ CÔNG THƯƠNG                  Độc lập - Tự do - Hạnh phúc
        Số: 1629/SCT-QLCN               Lào Cai, ngày 10 tháng 6 năm 2026
        V/v kiểm tra công tác nghiệm thu

        Kính gửi: Các đơn vị hoạt động hóa chất trên địa bàn tỉnh.

        """;

    private const string Tail = """

        Nơi nhận:                         KT. GIÁM ĐỐC
        - Như trên;                       PHÓ GIÁM ĐỐC
        - Lưu: VT.
                                          Hoàng Văn Thuân
        """;

    private static PlanDocument P(string s) => PlanParser.Parse(s.Replace("\r", ""));

    private static List<string> Who(PlanDocument p) => p.Assignments.Select(a => a.Assignee.Display).ToList();

    [Fact]
    public void The_closing_formula_to_an_addressee_already_asked_is_no_second_assignment()
    {
        var p = P(SctHeader + """
            Để có đầy đủ thông tin, Sở Công Thương đề nghị các đơn vị hoạt động hóa chất trên địa bàn tỉnh khẩn trương rà soát, cung cấp thông tin chi tiết theo mẫu Phụ lục.
            Đây là nội dung quan trọng, Sở Công Thương đề nghị các đơn vị nghiêm túc triển khai thực hiện đúng thời hạn nêu trên./.
            """ + Tail);
        var a = Assert.Single(p.Assignments);
        Assert.Equal("các đơn vị hoạt động hóa chất trên địa bàn tỉnh", a.Assignee.Display);
        Assert.Contains("khẩn trương rà soát", a.Duty, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closing_sentence_naming_a_new_party_or_a_duty_of_its_own_is_kept()
    {
        var p = P(SctHeader.Replace("SỞ CÔNG THƯƠNG   ", "ỦY BAN NHÂN DÂN ").Replace("SCT-QLCN", "UBND-KT") + """
            Giao Sở Công Thương chủ trì, phối hợp với Sở Tư pháp tham mưu văn bản ủy quyền.
            Căn cứ ý kiến chỉ đạo trên, Sở Công Thương và các đơn vị liên quan triển khai thực hiện./.
            """ + Tail);
        var who = Who(p);
        Assert.Equal(2, who.Count(w => w == "Sở Công Thương"));
        Assert.Contains(who, w => w.Equals("các đơn vị liên quan", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_issuer_notifying_or_speaking_of_itself_is_not_an_assignee()
    {
        var p = P(SctHeader + """
            Sở Công Thương đề nghị Công ty cổ phần Đầu tư xây dựng hạ tầng cơ sở thông báo cho các chủ thể tham gia xây dựng công trình chuẩn bị đầy đủ hồ sơ.
            Sở Công Thương sẽ phối hợp với UBND xã Văn Chấn kiểm tra thực tế hiện trường.
            Sở Công Thương thông báo để Công ty cổ phần Đầu tư xây dựng hạ tầng cơ sở được biết và phối hợp triển khai thực hiện./.
            """ + Tail);
        var who = Who(p);
        Assert.DoesNotContain(who, w => w.StartsWith("Sở Công Thương", StringComparison.Ordinal));
        Assert.Contains(who, w => w.StartsWith("Công ty cổ phần Đầu tư", StringComparison.Ordinal));
    }

    [Fact]
    public void In_a_letter_the_conditional_feedback_formula_and_a_meeting_preamble_are_no_duties()
    {
        var p = P(SctHeader + """
            Sau khi nghe các cơ quan, đơn vị báo cáo các nội dung liên quan, Giám đốc Sở kết luận như sau:
            Đề nghị các đơn vị hoạt động hóa chất trên địa bàn tỉnh nghiên cứu, nắm rõ và thực hiện đúng các quy định của Luật Hóa chất.
            Trong quá trình triển khai thực hiện, nếu có vướng mắc hoặc vấn đề phát sinh đề nghị các đơn vị phản hồi về Sở Công Thương để tổng hợp./.
            """ + Tail);
        var a = Assert.Single(p.Assignments);
        Assert.Equal("các đơn vị hoạt động hóa chất trên địa bàn tỉnh", a.Assignee.Display);
    }

    [Fact]
    public void A_requester_and_a_trailing_verb_are_cut_off_the_assignee()
    {
        var p = P("""
            BỘ GIÁO DỤC VÀ ĐÀO TẠO          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Số: 2345/BGDĐT-GDTH             Hà Nội, ngày 07 tháng 6 năm 2021
            V/v hướng dẫn xây dựng kế hoạch giáo dục

            Kính gửi: Các Sở Giáo dục và Đào tạo.

            1. Trách nhiệm thực hiện
            - Phòng GDĐT chỉ đạo, hướng dẫn, hỗ trợ, kiểm tra, đánh giá quá trình thực hiện kế hoạch giáo dục của nhà trường.
            - Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các Sở, ban, ngành của tỉnh nghiêm túc thực hiện.
            """ + Tail);
        var phong = p.Assignments.Single(a => a.Assignee.Display == "Phòng GDĐT");
        Assert.StartsWith("Chỉ đạo, hướng dẫn, hỗ trợ", phong.Duty, StringComparison.Ordinal);
        Assert.Contains("Thủ trưởng các Sở, ban, ngành của tỉnh", Who(p));
    }

    [Fact]
    public void A_wrapped_title_line_opening_with_thuc_hien_stays_in_the_title()
    {
        var p = P("""
            ỦY BAN NHÂN DÂN                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH LÀO CAI                     Độc lập - Tự do - Hạnh phúc
            Số: 1696/QĐ-UBND                 Lào Cai, ngày 15 tháng 5 năm 2026

                            QUYẾT ĐỊNH
            Về việc ủy quyền cho Giám đốc Sở Công Thương
            thực hiện một số nhiệm vụ, quyền hạn của UBND tỉnh

                    ỦY BAN NHÂN DÂN TỈNH LÀO CAI
            Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;
            QUYẾT ĐỊNH:
            Điều 1. Ủy quyền cho Giám đốc Sở Công Thương thực hiện thủ tục cấp giấy phép.
            """ + Tail);
        Assert.Contains("thực hiện một số nhiệm vụ, quyền hạn của UBND tỉnh", p.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_filled_month_read_with_a_stray_digit_keeps_the_first_digit_and_says_so()
    {
        var p = P(SctHeader.Replace("ngày 10 tháng 6 năm 2026", "ngày15 tháng 54 năm 2026") + "Đề nghị các đơn vị rà soát hồ sơ.\n" + Tail);
        Assert.Equal(new DateOnly(2026, 5, 15), p.IssuedOn);
        Assert.Contains(p.Warnings, w => w.Contains("54", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reply_letter_cites_the_incoming_document_it_received_as_its_basis()
    {
        var p = P(SctHeader + """
            Ngày 03 tháng 7 năm 2025, Cục Đổi mới sáng tạo (Cục ĐCK) nhận được Công văn số 212/SCT-QLCN ngày 03 tháng 7 năm 2025 của Sở Công Thương tỉnh Lào Cai về việc xin ý kiến hướng dẫn; sau khi xem xét, Cục ĐCK có ý kiến như sau:
            1. Về điều kiện thành lập
            Đề nghị địa phương căn cứ địa giới hành chính mới để xác định địa điểm.
            """ + Tail);
        Assert.Contains(p.LegalBases, b => b.Number == "212/SCT-QLCN");
    }
}
