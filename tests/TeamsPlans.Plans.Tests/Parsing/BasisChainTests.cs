using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// A basis paragraph citing several documents chained to one another ("… ngày … và Nghị định số …", "… kèm theo Báo cáo
/// số …", "… và Kế hoạch kiểm tra số …", "… tại Văn bản số …"), reports and requests as cited kinds ("Báo cáo số",
/// "Giấy đề nghị số", "Văn bản đề nghị số 01TV/2026"), a law's number without "số" and a QCVN. Excerpts of corpus
/// documents 103, 104, 108, 109, 115, 119, 205 and 213; expected values read from them.
/// </summary>
public class BasisChainTests
{
    private static List<string?> Numbers(string paragraph) => LegalBasisReader.Read(paragraph).Select(b => b.Number).ToList();

    [Fact]
    public void Two_decrees_joined_by_va_after_the_first_ones_date_are_two_bases()
    {
        // 109_ubnd-laocai-cv-giao-tham-muu-uy-quyen-2025
        Assert.Equal(["181/2024/NĐCP", "146/2025/NĐ-CP"], Numbers("Liên quan thủ tục huấn luyện, kiểm tra, cấp giấy chứng nhận huấn luyện kỹ " +
            "thuật an toàn vật liệu nổ công nghiệp quy định tại Nghị định số 181/2024/NĐCP ngày 31/12/2024 và Nghị định số 146/2025/NĐ-CP " +
            "ngày 12/6/2025 của Chính phủ; Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:"));
    }

    [Fact]
    public void Letters_of_several_companies_after_tai_are_each_a_basis()
    {
        // 104_sct-laocai-kh-huan-luyen-vlncn-2026
        Assert.Equal(["01.6/GĐN/KSYB", "51/GĐN", "30.6/GĐN-ĐQ&V"], Numbers("Xét đề nghị của 03 đơn vị gồm: Công ty cổ phần Đầu tư thương mại " +
            "khoáng sản Yên Bái tại Văn bản số 01.6/GĐN/KSYB ngày 10/6/2026; Công ty cổ phần Khoáng sản Yên Phú Đông Đô - BQP tại Văn bản số " +
            "51/GĐN ngày 20/6/2026; Công ty cổ phần Đá quý và Vàng tại Văn bản số 30.6/GĐN-ĐQ&V ngày 30/6/2026."));
    }

    [Fact]
    public void A_plan_after_va_and_its_approving_decision_after_tai_are_bases_but_not_a_subjects_decree()
    {
        // 119_sct-laocai-tb-ket-qua-kiem-tra-vlncn-2026
        Assert.Equal(["1050/QĐ-SCT", "1105/KH-ĐKT", "1268/QĐ-SCT"], Numbers("Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở " +
            "Công Thương (sau đây viết tắt là Đoàn kiểm tra) về việc tiến hành kiểm tra việc chấp hành quy định pháp luật trong sử dụng và " +
            "bảo quản vật liệu nổ công nghiệp trên địa bàn tỉnh Lào Cai và Kế hoạch kiểm tra số 1105/KH-ĐKT ngày 10/3/2026 đã được Giám đốc " +
            "Sở Công Thương phê duyệt tại Quyết định số 1268/QĐ-SCT ngày 16/3/2026."));
        // 118: the decree the instruction is about is its subject, not a basis.
        Assert.Equal(["502/UBND-KT"], Numbers("Thực hiện chỉ đạo của UBND tỉnh tại văn bản số 502/UBND-KT ngày 20/01/2026 về việc triển khai " +
            "Nghị định số 25/2026/NĐ-CP và để đảm bảo việc thực hiện đồng bộ có hiệu lực từ ngày 01/01/2026, Sở Công Thương hướng dẫn:"));
    }

    [Fact]
    public void A_report_sent_with_a_letter_and_decrees_after_a_colon_are_bases()
    {
        // 205_sct-laocai-cv-1629-ke-hoach-kiem-tra-nghiem-thu-2026
        Assert.Equal(["01/GM-HTCS", "01/BC-HTCS"], Numbers("Sở Công Thương nhận được Văn bản số 01/GM-HTCS ngày 17/3/2026 kèm theo Báo cáo số " +
            "01/BC-HTCS ngày 17/03/2026 của Công ty cổ phần Đầu tư xây dựng hạ tầng cơ sở về việc báo cáo hoàn thành thi công xây dựng kho."));
        Assert.Equal(["06/2021/NĐ-CP", "35/2023/NĐ-CP", "175/2024/NĐ-CP"], Numbers("Căn cứ các Nghị định của Chính phủ quy định chi tiết một số " +
            "nội dung về quản lý chất lượng, bao gồm: Nghị định số 06/2021/NĐ-CP ngày 26/01/2021, Nghị định số 35/2023/NĐ-CP ngày 20/6/2023; " +
            "Nghị định số 175/2024/NĐ-CP ngày 30/12/2024;"));
    }

    [Fact]
    public void A_report_a_request_form_and_a_request_letter_with_a_lettered_number_are_cited_kinds()
    {
        // 103, 213, 115
        Assert.Equal(["3231/BC-SCT"], Numbers("Xét đề nghị của Sở Công Thương tại Báo cáo số 3231/BC-SCT ngày 04/6/2026 về phương án giải quyết " +
            "kiến nghị của Ủy ban nhân dân phường Văn Phú, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:"));
        Assert.Equal(["24/CV-TH"], Numbers("Ngày 14/7/2026, Sở Công Thương Lào Cai nhận được Giấy đề nghị số 24/CV-TH ngày 09/7/2026 của Doanh " +
            "nghiệp tư nhân (DNTN) Thành Hương Nghĩa Lộ kèm theo hồ sơ đề nghị cấp Giấy phép sử dụng vật liệu nổ công nghiệp."));
        Assert.Equal(["01TV/2026"], Numbers("Sở Công Thương tỉnh Lào Cai nhận được Văn bản đề nghị số 01TV/2026 ngày 13/3/2026 và hồ sơ gửi kèm " +
            "của Công ty Cổ phần thương mại vận tải và tư vấn kỹ thuật về việc đề nghị cấp giấy chứng nhận."));
    }

    [Fact]
    public void A_laws_number_without_so_and_a_technical_regulation_are_read()
    {
        // 108_sct-laocai-qd-kiem-tra-hoa-chat-2026
        Assert.Equal(["69/2025/QH15"], Numbers("Căn cứ Luật Hóa chất 69/2025/QH15;"));
        Assert.Equal(["QCVN 05A:2020/BCT"], Numbers("Căn cứ QCVN 05A:2020/BCT Quy chuẩn kỹ thuật quốc gia về an toàn trong sản xuất, kinh " +
            "doanh, sử dụng, bảo quản và vận chuyển hóa chất nguy hiểm;"));
    }

    [Fact]
    public void A_report_named_inside_the_subject_and_an_amending_decree_are_no_bases()
    {
        // 112_sct-laocai-cv-xin-y-kien-phuong-an-ccn-2026
        Assert.Equal(["7569/UBND-KT"], Numbers("Thực hiện Văn bản số 7569/UBND-KT ngày 24/7/2026 của Ủy ban nhân dân (UBND) tỉnh về việc tham mưu " +
            "Phương án về trình tự thành lập các cụm công nghiệp (CCN), trong đó giao Sở Công Thương chủ trì, phối hợp với Sở Tư pháp làm rõ, " +
            "thống nhất các nội dung đề xuất tại Báo cáo số 4243/BC-SCT ngày 15/7/2026 của Sở Công Thương; hoàn thiện nội dung, tham mưu UBND tỉnh."));
        // 255_sct-laocai-qd-1050-kiem-tra-vlncn-2026
        Assert.Equal(["71/2019/NĐ-CP"], Numbers("Căn cứ Nghị định số 71/2019/NĐ-CP ngày 30/8/2019 của Chính phủ quy định về xử phạt vi phạm hành " +
            "chính trong lĩnh vực hóa chất và vật liệu nổ công nghiệp được sửa đổi, bổ sung tại Nghị định số 17/2022/NĐ-CP ngày 31/01/2022;"));
    }

    [Fact]
    public void A_number_wrapped_onto_its_own_line_stays_in_the_basis_paragraph()
    {
        // 213_sct-laocai-cv-4280-hoan-thien-ho-so-vlncn-2026 (pdftotext lines)
        var p = PlanParser.Parse("""
            UBND TỈNH LÀO CAI              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            SỞ CÔNG THƯƠNG                         Độc lập - Tự do - Hạnh phúc
            Số: 4280 /SCT - CN                  Lào Cai, ngày 16 tháng 7 năm 2026
            V/v hoàn thiện hồ sơ đề nghị cấp Giấy phép sử dụng vật liệu nổ công nghiệp
                    Kính gửi: Doanh nghiệp tư nhân Thành Hương Nghĩa Lộ
                  Ngày 14/7/2026, Sở Công Thương Lào Cai nhận được Giấy đề nghị số
            24/CV-TH ngày 09/7/2026 của Doanh nghiệp tư nhân (DNTN) Thành Hương
            Nghĩa Lộ kèm theo hồ sơ đề nghị cấp Giấy phép sử dụng vật liệu nổ công nghiệp.
                  1. Về Giấy đề nghị cấp phép
                  a) Chỉnh sửa Giấy đề nghị: ghi đúng đơn vị tính của kíp nổ là cái.

            Nơi nhận:                                  KT. GIÁM ĐỐC
            - Như trên;                                 PHÓ GIÁM ĐỐC
            - Lưu: VT, CN.
                                                        Nguyễn Văn Hòa
            """.Replace("\r", ""));
        Assert.Equal(["24/CV-TH"], p.LegalBases.Select(b => b.Number).ToList());
        Assert.Equal(["1"], p.Sections.Select(s => s.Id).ToList());
    }

    [Fact]
    public void A_basis_written_as_a_bullet_is_read()
    {
        // 209_lien-nganh-hdln-24-xu-ly-n2o-2026
        Assert.Equal(["173/2024/QH15"], Numbers("- Căn cứ mục 2.2, Nghị quyết số 173/2024/QH15 ngày 30/11/2024 của Quốc hội quy định: “Quốc hội " +
            "thống nhất cấm sản xuất, kinh doanh, nhập khẩu, chứa chấp, vận chuyển, sử dụng thuốc lá điện tử”;"));
    }
}
