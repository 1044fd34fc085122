using System.Text;
using TeamsPlans.Plans.Json;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;
using TeamsPlans.Plans.Reading;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// One small excerpt per layout kind of issue 11 (shaped on the corpus documents), read through <see cref="PlanParser"/>;
/// expected values read from the excerpt.
/// </summary>
public class ReaderKindTests
{
    private const string Header = """
        SỞ GIÁO DỤC VÀ ĐÀO TẠO          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TRƯỜNG THPT BÌNH KHÁNH          Độc lập - Tự do - Hạnh phúc
        Số:230 /KH-THPTBK          Cần Giờ, ngày 05 tháng 3 năm 2024

        """;

    private const string Tail = """

        Nơi nhận:          HIỆU TRƯỞNG
        - Sở GDĐT (để báo cáo);
        - Như trên;
        - Lưu: VT.
                           Ngô Tấn Hưng
        """;

    private static PlanDocument P(string s) => PlanParser.Parse(s.Replace("\r", ""));

    [Fact]
    public void Number_without_space_after_colon_is_a_number_and_the_signer_keeps_its_title_before_an_appendix()
    {
        var p = P(Header + "KẾ HOẠCH\nHoạt động đối ngoại năm 2024\n\nI. MỤC ĐÍCH\nNâng cao chất lượng.\nII. TỔ CHỨC THỰC HIỆN\n1. Tổ Ngữ văn: Thực hiện chuyên đề trước ngày 20/5/2024." + Tail
              + "\n\nPHỤ LỤC 1\nDANH SÁCH CÁC ĐƠN VỊ\n1. Trường THPT A\n2. Trường THPT B\n");
        Assert.Equal("230/KH-THPTBK", p.Number);
        Assert.Equal("Trường THPT Bình Khánh", p.Issuer);
        Assert.Equal(new DateOnly(2024, 3, 5), p.IssuedOn);
        Assert.Equal("Ngô Tấn Hưng", p.Signer?.Name);
        Assert.Equal("HIỆU TRƯỞNG", p.Signer?.Title);
        Assert.Equal(["Sở GDĐT", "Như trên"], p.Recipients.Where(r => r.Purpose != "Lưu").Select(r => r.Name));
    }

    [Fact]
    public void A_date_line_wrapped_or_in_markdown_emphasis_keeps_its_year()
    {
        var wrapped = P("SỞ GIÁO DỤC VÀ ĐÀO TẠO          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-SGDĐT          Thành phố Hồ Chí Minh, ngày 05 tháng 3\n          năm 2024\n\nKẾ HOẠCH\nTập huấn\nI. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở: tổng hợp.");
        Assert.Equal(new DateOnly(2024, 3, 5), wrapped.IssuedOn);
        var md = P("**SỞ GIÁO DỤC VÀ ĐÀO TẠO**\n\n**Số: 12/KH-SGDĐT**\n\n*Hải Phòng, ngày 07 tháng 8 năm 2023*\n\n**KẾ HOẠCH**\n\nTập huấn\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Văn phòng Sở: tổng hợp.");
        Assert.Equal(new DateOnly(2023, 8, 7), md.IssuedOn);
        Assert.Equal("12/KH-SGDĐT", md.Number);
    }

    [Fact]
    public void The_organization_part_under_phan_cong_nhiem_vu_in_a_lettered_part_with_heading_assignees()
    {
        var p = P(Header + """
            KẾ HOẠCH
            Tổ chức Hội thi giáo viên dạy giỏi năm 2024

            A. MỤC ĐÍCH, YÊU CẦU
            Nâng cao chất lượng đội ngũ.
            B. NỘI DUNG
            Tổ chức hội thi cấp trường.
            C. PHÂN CÔNG NHIỆM VỤ
            1. Phó Hiệu trưởng Nguyễn Minh Trí
            - Xây dựng kế hoạch chi tiết của hội thi, trình Hiệu trưởng trước ngày 15/3/2024.
            - Theo dõi, tổng hợp kết quả.
            2. Các tổ chuyên môn
            - Đăng ký giáo viên dự thi về Phó Hiệu trưởng.
            """ + Tail);
        Assert.Equal(2, p.Assignments.Count);
        var a = p.Assignments[0];
        Assert.Equal("Phó Hiệu trưởng Nguyễn Minh Trí", a.Assignee.Display);
        Assert.StartsWith("Xây dựng kế hoạch chi tiết", a.Duty);
        Assert.Equal(PlanParser.HeadingConfidence, a.Confidence);
        Assert.Contains("Phó Hiệu trưởng Nguyễn Minh Trí", a.Source);
        Assert.Equal("2024-03-15", Assert.Single(a.Deadlines).Due.ToString());
        Assert.Equal("Các tổ chuyên môn", p.Assignments[1].Assignee.Display);
        Assert.DoesNotContain(p.Warnings, w => w.Contains("Tổ chức thực hiện"));
    }

    [Fact]
    public void Duties_in_content_sections_with_lead_support_and_time_labels()
    {
        var p = P(Header + """
            KẾ HOẠCH
            Chuyển đổi số năm 2024

            I. NHIỆM VỤ
            1. Xây dựng cơ sở dữ liệu giáo viên
            Cơ quan chủ trì: Phòng Tổ chức cán bộ; Cơ quan phối hợp: Văn phòng Sở, Phòng Kế hoạch - Tài chính; Thời gian thực hiện: Quý II/2024.
            """ + Tail);
        var a = Assert.Single(p.Assignments);
        Assert.Equal("Phòng Tổ chức cán bộ", a.Assignee.Unit);
        Assert.Equal(["Văn phòng Sở", "Phòng Kế hoạch - Tài chính"], a.Support);
        Assert.Equal("Xây dựng cơ sở dữ liệu giáo viên", a.Duty);
        Assert.Contains(p.Deadlines.Concat(a.Deadlines), d => d.Due.ToString() == "2024-Q2");
    }

    [Fact]
    public void A_markdown_task_table_gives_one_assignment_per_row_with_support_and_deadline()
    {
        var p = P(Header + """
            KẾ HOẠCH
            Hoạt động năm 2024

            I. NHIỆM VỤ CỤ THỂ
            | STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
            |---|---|---|---|---|
            | 1 | Rà soát chương trình giáo dục nhà trường | Tổ Ngữ văn | Tổ Toán, Đoàn trường | Tháng 3/2024 |
            | 2 | Tổ chức chuyên đề cấp trường | Tổ Toán |  | Trước 20/4/2024 |
            """ + Tail);
        Assert.Equal(2, p.Assignments.Count);
        Assert.Equal(("Tổ Ngữ văn", "Rà soát chương trình giáo dục nhà trường"), (p.Assignments[0].Assignee.Unit, p.Assignments[0].Duty));
        Assert.Equal(["Tổ Toán", "Đoàn trường"], p.Assignments[0].Support);
        Assert.Equal("2024-03", Assert.Single(p.Assignments[0].Deadlines).Due.ToString());
        Assert.Equal("2024-04-20", Assert.Single(p.Assignments[1].Deadlines).Due.ToString());
        Assert.Equal(["2024-03", "2024-04-20"], p.Deadlines.Select(d => d.Due.ToString()).Order());
    }

    [Fact]
    public void A_decision_issuing_a_plan_takes_number_date_and_signer_from_the_decision_and_the_body_from_the_plan()
    {
        var p = P("""
            UBND HUYỆN THỦ THỪA          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            PHÒNG GIÁO DỤC VÀ ĐÀO TẠO          Độc lập - Tự do - Hạnh phúc
            Số: 45/QĐ-PGDĐT          Thủ Thừa, ngày 10 tháng 9 năm 2024

            QUYẾT ĐỊNH
            Về việc ban hành Kế hoạch tổ chức Hội khỏe Phù Đổng năm 2024
            TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
            Căn cứ Quyết định số 12/2020/QĐ-UBND ngày 01/3/2020 của UBND huyện Thủ Thừa;
            QUYẾT ĐỊNH:
            Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tổ chức Hội khỏe Phù Đổng năm 2024.
            Điều 2. Quyết định có hiệu lực kể từ ngày ký.
            Nơi nhận:          TRƯỞNG PHÒNG
            - Như Điều 3;
            - Lưu: VT.
                               Trần Văn Bình

            KẾ HOẠCH
            Tổ chức Hội khỏe Phù Đổng năm 2024
            (Ban hành kèm theo Quyết định số 45/QĐ-PGDĐT ngày 10/9/2024 của Phòng GDĐT)
            I. MỤC ĐÍCH
            Phát triển phong trào thể thao.
            II. TỔ CHỨC THỰC HIỆN
            1. Các trường THCS: Đăng ký danh sách vận động viên về Phòng GDĐT trước ngày 30/9/2024.
            TRƯỞNG PHÒNG
            Trần Văn Bình
            """);
        Assert.Equal("QD-KH", p.Kind);
        Assert.Equal("45/QĐ-PGDĐT", p.Number);
        Assert.Equal(new DateOnly(2024, 9, 10), p.IssuedOn);
        Assert.Equal("Tổ chức Hội khỏe Phù Đổng năm 2024", p.Title);
        Assert.Equal("Trần Văn Bình", p.Signer?.Name);
        Assert.Equal("12/2020/QĐ-UBND", Assert.Single(p.LegalBases).Number);
        var a = Assert.Single(p.Assignments);
        Assert.Equal("Các trường THCS", a.Assignee.Unit);
        Assert.Equal("2024-09-30", Assert.Single(p.Deadlines).Due.ToString());
    }

    [Fact]
    public void A_decision_with_articles_and_no_plan_is_read_as_a_plan()
    {
        var p = P("""
            SỞ CÔNG THƯƠNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Số: 108/QĐ-SCT          Lào Cai, ngày 02 tháng 3 năm 2026
            QUYẾT ĐỊNH
            Về việc kiểm tra hoạt động hóa chất năm 2026
            Căn cứ Luật Hóa chất ngày 14/6/2025;
            QUYẾT ĐỊNH:
            Điều 1. Kiểm tra việc chấp hành pháp luật về hóa chất tại các đơn vị từ ngày 10/3/2026 đến ngày 20/3/2026.
            Điều 2. Phòng Quản lý công nghiệp có trách nhiệm tổng hợp kết quả, báo cáo Giám đốc Sở trước ngày 30/3/2026.
            """);
        Assert.Equal("QD", p.Kind);
        Assert.Equal("108/QĐ-SCT", p.Number);
        Assert.Equal("Luật", Assert.Single(p.LegalBases).Kind);
        Assert.Contains(p.Assignments, a => a.Assignee.Unit == "Phòng Quản lý công nghiệp");
        var range = Assert.Single(p.Deadlines, d => d.Start is not null);
        Assert.Equal(("2026-03-20", new DateOnly(2026, 3, 10)), (range.Due.ToString(), range.Start!.Value));
        Assert.Contains(p.Deadlines, d => d.Due.ToString() == "2026-03-30");
    }

    [Fact]
    public void An_official_letter_asking_units_to_report_is_one_assignment_for_the_units_asked()
    {
        var p = P("""
            UBND TỈNH LÀO CAI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            SỞ CÔNG THƯƠNG          Độc lập – Tự do – Hạnh phúc
            Số:           /SCT-CN          Lào Cai, ngày        tháng 4 năm 2026
            V/v báo cáo định kỳ hoạt động hóa chất

            Kính gửi: Các đơn vị hoạt động hóa chất trên địa bàn tỉnh Lào Cai

            Thực hiện ý kiến chỉ đạo của Cục Hóa chất tại Văn bản số 194/HC-CNHC ngày 05/02/2024 về việc đôn đốc cập nhật.
            Sở Công Thương yêu cầu các đơn vị sản xuất, kinh doanh hóa chất trên địa bàn tỉnh khẩn trương thực hiện báo cáo trên hệ thống trước ngày 08 tháng 4 năm 2026.

            Nơi nhận:          KT. GIÁM ĐỐC
            - Như trên;          PHÓ GIÁM ĐỐC
            - Lưu: VT.
            Hoàng Văn Thuân
            """);
        Assert.Equal("CV", p.Kind);
        Assert.Equal("/SCT-CN", p.Number);
        Assert.Null(p.IssuedOn);
        Assert.Equal("báo cáo định kỳ hoạt động hóa chất", p.Title);
        Assert.Equal("194/HC-CNHC", Assert.Single(p.LegalBases).Number);
        var a = Assert.Single(p.Assignments);
        Assert.StartsWith("các đơn vị sản xuất, kinh doanh hóa chất", a.Assignee.Unit);
        Assert.Equal("2026-04-08", Assert.Single(p.Deadlines).Due.ToString());
        Assert.Equal(("Hoàng Văn Thuân", "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC"), (p.Signer?.Name, p.Signer?.Title, p.Signer?.OnBehalfOf));
    }

    [Fact]
    public void A_joint_plan_keeps_both_issuers_and_both_signers()
    {
        var p = P("""
            SỞ GIÁO DỤC VÀ ĐÀO TẠO          CÔNG ĐOÀN NGÀNH GIÁO DỤC          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Số: 15/KHLT-SGDĐT-CĐN          Long An, ngày 12 tháng 9 năm 2024

            KẾ HOẠCH LIÊN TỊCH
            Tổ chức phong trào thi đua năm học 2024-2025
            I. TỔ CHỨC THỰC HIỆN
            1. Các đơn vị trường học: Đăng ký thi đua về Sở trước ngày 30/9/2024.

            Nơi nhận:
            - Các đơn vị;
            - Lưu: VT.
            TM. BAN THƯỜNG VỤ          KT. GIÁM ĐỐC
            CHỦ TỊCH          PHÓ GIÁM ĐỐC
            Nguyễn Thị Hoa          Lê Văn Nam
            """);
        Assert.Equal("KHLT", p.Kind);
        Assert.Equal("Sở Giáo dục và Đào tạo", p.Issuer);
        Assert.Equal("cong doan nganh giao duc", Corpus.CorpusScorer.Fold(Assert.Single(p.CoIssuers)));
        Assert.Equal(["Nguyễn Thị Hoa", "Lê Văn Nam"], p.Signers.Select(s => s.Name));
        Assert.Equal("PHÓ GIÁM ĐỐC", p.Signers[1].Title);
        Assert.Equal("Tổ chức phong trào thi đua năm học 2024-2025", p.Title);
    }

    [Theory]
    [InlineData("1. Văn phòng Sở: Tổ chức hội nghị vào các ngày 24, 25 và 26 tháng 8 năm 2024.", "2024-08-24,2024-08-25,2024-08-26", "")]
    [InlineData("1. Văn phòng Sở: Họp Ban chỉ đạo lúc 14 giờ 00 ngày 28/4/2024.", "2024-04-28", "")]
    [InlineData("1. Các trường: Nộp hồ sơ trước 10/12/2024 (bản điện tử trước 15/12/2024).", "2024-12-10,2024-12-15", "")]
    [InlineData("1. Các trường: Báo cáo định kỳ hằng quý trước ngày 15 của tháng cuối quý.", "--03-15", "quarterly")]
    [InlineData("1. Các trường: Thời gian thực hiện: năm 2025.", "2025", "")]
    [InlineData("1. Các trường: Thời gian thực hiện: tháng 3/2024.", "2024-03", "")]
    [InlineData("1. Các trường: Thời gian thực hiện: quý 1/2024.", "2024-Q1", "")]
    public void Date_forms(string line, string dues, string recurrence)
    {
        var p = P(Header + "KẾ HOẠCH\nHoạt động năm 2024\nI. TỔ CHỨC THỰC HIỆN\n" + line + Tail);
        Assert.Equal(dues.Split(','), p.Deadlines.Select(d => d.Due.ToString()).Order(StringComparer.Ordinal));
        Assert.All(p.Deadlines, d => Assert.Equal(recurrence, Corpus.CorpusScorer.RecurrenceName(d.Recurrence)));
    }

    [Fact]
    public void A_day_without_a_year_takes_the_plans_year_with_a_lower_confidence()
    {
        var p = P(Header + "KẾ HOẠCH\nHoạt động năm 2024\nI. TỔ CHỨC THỰC HIỆN\n1. Tổ Toán: Nộp đề kiểm tra trước ngày 20/5." + Tail);
        var d = Assert.Single(p.Deadlines);
        Assert.Equal("2024-05-20", d.Due.ToString());
        Assert.Equal(DeadlineExtractor.CarriedYearConfidence, d.Confidence);
        Assert.Contains("trước ngày 20/5", d.Source);
    }

    [Fact]
    public void Report_regime_parts_are_read()
    {
        var p = P(Header + "KẾ HOẠCH\nHoạt động năm 2024\nI. CHẾ ĐỘ BÁO CÁO\nCác trường gửi báo cáo kết quả định kỳ hằng quý về Sở Giáo dục và Đào tạo qua hệ thống quản lý văn bản trước ngày 15 của tháng cuối quý, số liệu tính từ ngày 15/12/2023 đến ngày 14/3/2024, theo mẫu tại Phụ lục 2.\nII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng: tổng hợp." + Tail);
        var r = Assert.Single(p.Reports);
        Assert.StartsWith("Báo cáo kết quả", r.What);
        Assert.Equal("Sở Giáo dục và Đào tạo", r.To);
        Assert.StartsWith("qua hệ thống", r.Method);
        Assert.Equal(Recurrence.Quarterly, r.Frequency);
        Assert.Equal((new DateOnly(2023, 12, 15), new DateOnly(2024, 3, 14)), (r.DataFrom, r.DataTo));
        Assert.StartsWith("theo mẫu tại Phụ lục 2", r.Outline);
    }

    [Fact]
    public void New_fields_round_trip_through_json()
    {
        var p = P(Header + "KẾ HOẠCH\nHoạt động năm 2024\nI. TỔ CHỨC THỰC HIỆN\n1. Các trường: Thời gian thực hiện: năm 2025. Báo cáo hằng quý trước ngày 15 của tháng cuối quý." + Tail);
        var json = PlanJson.Serialize(p);
        Assert.Contains("\"due\": \"2025\"", json);
        Assert.Contains("\"recurrence\": \"quarterly\"", json);
        Assert.Contains("\"confidence\":", json);
        var back = PlanJson.Deserialize(json);
        Assert.Equal(p.Deadlines.Select(d => (d.Due, d.Recurrence, d.Source)), back.Deadlines.Select(d => (d.Due, d.Recurrence, d.Source)));
        Assert.Equal(p.Kind, back.Kind);
    }

    [Fact]
    public void Unicode_vietnamese_full_of_letters_vni_also_uses_is_not_refused_but_vni_is()
    {
        var unicode = string.Concat(Enumerable.Repeat("Mùa thu, các cụ ông ù ù kể chuyện; thầy Tùng và cô Thùy dạy Toán, Ngữ văn. ", 500));
        Assert.Equal(LegacyVietnameseEncoding.None, LegacyEncodingDetector.Detect(unicode));
        var vni = string.Concat(Enumerable.Repeat("Keá hoaïch naêm hoïc cuûa Tröôøng, Sôû Giaùo duïc vaø Ñaøo taïo. ", 50));
        Assert.Equal(LegacyVietnameseEncoding.Vni, LegacyEncodingDetector.Detect(vni));
    }

    [Fact]
    public void A_long_paragraph_of_citations_is_read_in_full()
    {
        var sb = new StringBuilder("Căn cứ ");
        for (var i = 1; i <= 3000; i++) sb.Append("Kế hoạch số ").Append(i).Append("/KH-SGDĐT ngày 01/02/2024 của Sở Giáo dục và Đào tạo về việc tổ chức hoạt động; ");
        var list = LegalBasisReader.Read(sb.ToString());
        Assert.Equal(3000, list.Count);
        Assert.Equal("2999/KH-SGDĐT", list[2998].Number);
    }
}
