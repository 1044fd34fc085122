using TeamsPlans.Plans.Json;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// Assignment recall by layout kind, on small excerpts shaped on corpus documents (a Quyết định's closing article, the
/// "Tổ chức thực hiện" of a công văn, "đề nghị X …" requests, headings naming several bodies, task tables), and the
/// guessed flag the import preview shows. Expected values are read from the excerpts.
/// </summary>
public class AssignmentKindTests
{
    private const string UbndHeader = """
        ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH LÀO CAI                   Độc lập - Tự do - Hạnh phúc
        Số: 1696/QĐ-UBND               Lào Cai, ngày 15 tháng 5 năm 2026

        """;

    private const string Tail = """

        Nơi nhận:                         TM. ỦY BAN NHÂN DÂN
        - Như Điều 4;                     CHỦ TỊCH
        - Lưu: VT.
                                          Nguyễn Văn A
        """;

    private static PlanDocument P(string s) => PlanParser.Parse(s.Replace("\r", ""));

    private static List<string> Who(PlanDocument p) => p.Assignments.Select(a => a.Assignee.Display).ToList();

    [Fact]
    public void A_decisions_closing_article_gives_one_assignment_per_party_separated_by_semicolons()
    {
        var p = P(UbndHeader + """
            QUYẾT ĐỊNH
            Về việc ủy quyền cho Giám đốc Sở Công Thương

            Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;

            QUYẾT ĐỊNH:
            Điều 1. Ủy quyền cho Giám đốc Sở Công Thương thực hiện thủ tục cấp giấy phép.
            Điều 2. Giám đốc Sở Công Thương thực hiện đúng nhiệm vụ, quyền hạn đã được ủy quyền.
            Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.
            Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Công Thương; Thủ trưởng các sở, ban, ngành, đơn vị cấp tỉnh; Chủ tịch Uỷ ban nhân dân các xã, phường; Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.
            """ + Tail);
        var thiHanh = p.Assignments.Where(a => a.Duty.StartsWith("Chịu trách nhiệm thi hành", StringComparison.Ordinal)).Select(a => a.Assignee.Display).ToList();
        Assert.Equal(["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Công Thương", "Thủ trưởng các sở, ban, ngành, đơn vị cấp tỉnh",
            "Chủ tịch Uỷ ban nhân dân các xã, phường", "Thủ trưởng các cơ quan, đơn vị có liên quan"], thiHanh);
    }

    [Fact]
    public void Commas_inside_a_name_do_not_split_the_parties_of_a_closing_article()
    {
        var r = JointSubjectReader.Read("Chánh Văn phòng Bộ, Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng, Thủ trưởng các đơn vị thuộc Bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm thi hành Quyết định này./.");
        Assert.NotNull(r);
        Assert.Equal(["Chánh Văn phòng Bộ", "Vụ trưởng Vụ Khoa học công nghệ, môi trường và Vật liệu xây dựng", "Thủ trưởng các đơn vị thuộc Bộ",
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"], r.Parties);
        Assert.StartsWith("Chịu trách nhiệm thi hành", r.Duty, StringComparison.Ordinal);
        var named = JointSubjectReader.Read("Chánh Văn phòng Sở, Trưởng phòng Quản lý công nghiệp, cá nhân có liên quan và các ông/bà có tên tại Điều 2 chịu trách nhiệm thi hành Quyết định này.");
        Assert.Equal(["Chánh Văn phòng Sở", "Trưởng phòng Quản lý công nghiệp", "Cá nhân có liên quan", "Các ông/bà có tên tại Điều 2"], named?.Parties);
        // One subject is no list; a sentence that does not open with the parties is no closing article.
        Assert.Null(JointSubjectReader.Read("Sở Công Thương chịu trách nhiệm thi hành Quyết định này."));
        Assert.Null(JointSubjectReader.Read("Trong quá trình thực hiện, các sở, ngành chịu trách nhiệm tổ chức thực hiện."));
    }

    [Fact]
    public void A_cong_van_reads_heading_assignees_of_its_numbered_parts_and_the_joint_sentence_of_to_chuc_thuc_hien()
    {
        var p = P("""
            ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH LÀO CAI                   Độc lập - Tự do - Hạnh phúc
            Số: 7432/UBND-XD               Lào Cai, ngày 21 tháng 7 năm 2026
            V/v triển khai Quyết định số 1074/QĐ-BXD

            Kính gửi: Các sở, ban, ngành tỉnh.

            Để tổ chức triển khai thực hiện nghiêm túc Quyết định của Bộ Xây dựng, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu tập trung thực hiện một số nhiệm vụ sau:
            1. Công an tỉnh và Ủy ban nhân dân các xã, phường
            Theo chức năng, nhiệm vụ, phạm vi quản lý tổ chức tuyên truyền, phổ biến Quyết định số 1074/QĐ-BXD.
            2. Giao Sở Xây dựng
            Chủ trì, phối hợp với Công an tỉnh hướng dẫn triển khai thực hiện, hoàn thành trước ngày 01 tháng 7 năm 2028.
            3. Tổ chức thực hiện
            Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường; người đứng đầu các cơ quan, đơn vị có liên quan chịu trách nhiệm tổ chức triển khai thực hiện nghiêm túc các nội dung nêu trên./.
            """ + Tail);
        var who = Who(p);
        Assert.Contains("Sở Xây dựng", who);
        Assert.Contains("Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh", who);
        Assert.Contains("Chủ tịch Ủy ban nhân dân các xã, phường", who);
        Assert.Contains("Người đứng đầu các cơ quan, đơn vị có liên quan", who);
        var xd = p.Assignments.Single(a => a.Assignee.Display == "Sở Xây dựng");
        Assert.StartsWith("Chủ trì, phối hợp với Công an tỉnh", xd.Duty, StringComparison.Ordinal);
        Assert.True(xd.Guessed); // a heading-line assignee: the preview marks it
        Assert.Contains(xd.Deadlines, d => d.Due.ToString() == "2028-07-01");
    }

    [Fact]
    public void The_unit_asked_by_de_nghi_ends_at_its_verb()
    {
        var p = P("""
            SỞ CÔNG THƯƠNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Số: 3351/SCT-KTATMT            Lào Cai, ngày 10 tháng 6 năm 2026
            V/v cung cấp thông tin hoạt động hóa chất

            Kính gửi: Các đơn vị hoạt động hóa chất trên địa bàn tỉnh.

            Để có đầy đủ thông tin, số liệu tổng hợp, Sở Công Thương đề nghị các đơn vị hoạt động hóa chất trên địa bàn tỉnh khẩn trương rà soát, cung cấp thông tin chi tiết theo mẫu Phụ lục gửi về Sở trước ngày 20/6/2026.
            Đề nghị các cơ quan, đơn vị nghiên cứu hồ sơ, tài liệu gửi kèm và tham gia ý kiến bằng văn bản.
            """ + Tail);
        var who = Who(p);
        Assert.Contains("các đơn vị hoạt động hóa chất trên địa bàn tỉnh", who);
        Assert.Contains("các cơ quan, đơn vị", who);
    }

    [Fact]
    public void A_heading_naming_several_bodies_gives_each_of_them_the_duties_beneath()
    {
        var p = P(UbndHeader.Replace("1696/QĐ-UBND", "245/KH-UBND") + """
            KẾ HOẠCH
            Triển khai Chỉ thị số 11-CT/TU

            I. MỤC ĐÍCH, YÊU CẦU
            Nâng cao hiệu lực quản lý.
            II. TỔ CHỨC THỰC HIỆN
            1. Sở Công Thương; Sở Xây dựng
            - Thực hiện rà soát việc lập, thẩm định, phê duyệt thiết kế mỏ theo quy định.
            2. Các Sở, ban, ngành; UBND các xã, phường
            - Tổ chức quán triệt sâu rộng Chỉ thị của Ban Thường vụ Tỉnh ủy.
            """ + Tail);
        Assert.Equal(["Sở Công Thương", "Sở Xây dựng", "Các Sở, ban, ngành", "UBND các xã, phường"], Who(p));
        Assert.All(p.Assignments, a => Assert.Equal(ReadConfidence.HeadingAssignee, a.Confidence));
    }

    [Fact]
    public void Truong_hop_opens_a_condition_not_a_school()
    {
        Assert.Null(AssigneeDetectorProbe("Trường hợp không báo cáo, báo cáo không đầy đủ thì phải chịu trách nhiệm trước pháp luật."));
        Assert.Equal("Trường THPT Bình Khánh", AssigneeDetectorProbe("Trường THPT Bình Khánh tổ chức hội thi trước ngày 20/5/2024."));
    }

    private static string? AssigneeDetectorProbe(string sentence) => AssigneeDetector.Detect(sentence, null)?.Assignee.Display;

    [Fact]
    public void The_plan_json_carries_a_guessed_flag_on_assignments_and_deadlines()
    {
        var p = P(UbndHeader.Replace("1696/QĐ-UBND", "245/KH-UBND") + """
            KẾ HOẠCH
            Tập huấn năm 2026

            I. TỔ CHỨC THỰC HIỆN
            1. Sở Công Thương
            - Tổ chức tập huấn trước ngày 20/9.
            2. Văn phòng Sở: tổng hợp, báo cáo trước ngày 30/9/2026.
            """ + Tail);
        var sct = p.Assignments.Single(a => a.Assignee.Display == "Sở Công Thương");
        var vp = p.Assignments.Single(a => a.Assignee.Display == "Văn phòng Sở");
        Assert.True(sct.Guessed);
        Assert.False(vp.Guessed);
        Assert.True(sct.Deadlines.Single().Guessed); // "20/9": the year is carried from the plan
        Assert.False(vp.Deadlines.Single().Guessed);
        var json = PlanJson.Serialize(p);
        Assert.Contains("\"guessed\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"guessed\": false", json, StringComparison.Ordinal);
        Assert.Equal(p.Assignments.Count, PlanJson.Deserialize(json).Assignments.Count);
    }

    [Fact]
    public void A_markdown_signature_grid_gives_recipients_and_signer_and_is_no_task_table()
    {
        // 300 (Bộ GDĐT, markdown OCR of the received scan): "Nơi nhận" and the signer as a two-column markdown table.
        var p = P("""
            | **BỘ GIÁO DỤC VÀ ĐÀO TẠO** <br><br> Số: 6240 /BGDĐT-KHCNTT <br> V/v hướng dẫn kết nối API với HEMIS | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** <br> **Độc lập - Tự do - Hạnh phúc** <br><br> *Hà Nội, ngày 15 tháng 9 năm 2026* |
            | :--- | :--- |

            **Kính gửi:** Các cơ sở giáo dục đại học.

            Đề nghị các cơ sở giáo dục đại học khẩn trương thực hiện, hoàn thành trước ngày 30/9/2026.

            | **Nơi nhận:** | **KT. BỘ TRƯỞNG** <br> **THỨ TRƯỞNG** |
            | :--- | :--- |
            | - Như trên;<br>- Bộ trưởng (để b/c);<br>- Vụ GDĐH (để thực hiện);<br>- Lưu: VT, KHCNTT. | *(Đã ký, đóng dấu)* <br><br><br> **Phạm Quang Hưng** |
            """);
        Assert.Equal(["Như trên", "Bộ trưởng", "Vụ GDĐH"], p.Recipients.Where(r => r.Purpose != "Lưu").Select(r => r.Name));
        Assert.Equal("Phạm Quang Hưng", p.Signer?.Name);
        Assert.Equal("THỨ TRƯỞNG", p.Signer?.Title);
        Assert.DoesNotContain(p.Assignments, a => a.SectionId == "table");
    }
}
