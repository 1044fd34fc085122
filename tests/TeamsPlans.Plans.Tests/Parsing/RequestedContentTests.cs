using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// A công văn whose opening asks its addressee for "các nội dung sau:" with numbered parts beneath that name no other
/// body: one assignment for the addressee (request and first bullet), the addressee again where a part names it as the
/// subject, and neither the law quoted for it nor the closing repeat as assignments. Excerpts of corpus documents
/// 102_sct-laocai-cv-don-doc-tien-do-ccn-2026 and 253_snnmt-laocai-cv-6795-nghia-vu-sau-cap-phep-2026; expected values
/// read from them.
/// </summary>
public class RequestedContentTests
{
    private const string Header = """
        UBND TỈNH LÀO CAI                      CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ CÔNG THƯƠNG                          Độc lập - Tự do - Hạnh phúc
        Số: 1200/SCT-CN                        Lào Cai, ngày 10 tháng 7 năm 2026
        V/v đôn đốc tiến độ đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp

        Kính gửi: Các chủ đầu tư hạ tầng cụm công nghiệp

        """;

    private const string Tail = """

        Nơi nhận:                                     KT. GIÁM ĐỐC
        - Như trên;                                   PHÓ GIÁM ĐỐC
        - Lưu: VT, CN.
                                                      Nguyễn Đình Chiến
        """;

    private static PlanDocument P(string s) => PlanParser.Parse(s.Replace("\r", ""));

    [Fact]
    public void The_addressee_of_the_requested_content_gets_the_parts_and_is_read_again_where_named()
    {
        var p = P(Header + """
            Thực hiện Nghị định số 32/2024/NĐ-CP ngày 15/3/2024 của Chính phủ về quản lý, phát triển cụm công nghiệp; qua theo dõi, tiến độ
            đầu tư tại một số CCN còn chậm. Sở Công Thương đề nghị các chủ đầu tư tập trung thực hiện các nội dung sau:
            1. Khẩn trương triển khai dự án bảo đảm đúng tiến độ
            - Rà soát toàn bộ hạng mục công việc, lập tiến độ chi tiết theo tuần, tháng đến hết năm 2026.
            - Bố trí đủ vốn theo đúng cam kết.
            2. Thực hiện nghiêm chế độ báo cáo định kỳ hằng tuần
            - Định kỳ hằng tuần, trước 16 giờ 00 ngày thứ Sáu, chủ đầu tư gửi báo cáo tình hình triển khai dự án về Sở Công Thương bằng văn bản.
            3. Xử lý đối với trường hợp chậm triển khai
            Sở Công Thương đề nghị các chủ đầu tư nghiêm túc triển khai thực hiện. Khó khăn, vướng mắc phản ánh kịp thời về Sở Công Thương./.
            """ + Tail);
        Assert.Collection(p.Assignments,
            a =>
            {
                Assert.Equal("Các chủ đầu tư", a.Assignee.Unit);
                Assert.StartsWith("Tập trung thực hiện các nội dung sau: Rà soát toàn bộ hạng mục công việc", a.Duty, StringComparison.Ordinal);
            },
            a =>
            {
                Assert.Equal("Chủ đầu tư", a.Assignee.Unit);
                Assert.StartsWith("Gửi báo cáo tình hình triển khai dự án về Sở Công Thương", a.Duty, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void The_law_quoted_for_the_addressee_and_the_closing_repeat_are_no_assignments()
    {
        var p = P(Header.Replace("Các chủ đầu tư hạ tầng cụm công nghiệp", "Công ty cổ phần Khai thác và Chế biến kim loại Thủ Đô") + """
            Công ty cổ phần Khai thác và Chế biến kim loại Thủ Đô được cấp phép khai thác tại Giấy phép khai thác khoáng sản số 199/GP-BNNMT
            ngày 14/7/2026. Để bảo đảm việc hoạt động khai thác khoáng sản theo quy định của pháp luật, Sở Nông nghiệp và Môi trường đề
            nghị Công ty thực hiện đầy đủ các nội dung sau:
            1. Trước khi đưa mỏ đi vào hoạt động khai thác khoáng sản
            - Thực hiện cắm mốc khu vực khai thác và thực hiện thủ tục báo cáo, bàn giao mốc giới theo đúng quy định.
            2. Trong quá trình hoạt động khai thác khoáng sản
            - Tổ chức, cá nhân hoạt động khoáng sản thực hiện bảo vệ tài nguyên địa chất chưa khai thác theo quy định tại Điều 7 Luật Địa chất
            và khoáng sản.
            Sở Nông nghiệp và Môi trường yêu cầu Công ty cổ phần Khai thác và Chế biến kim loại Thủ Đô nghiêm túc thực hiện; trong quá trình
            thực hiện có khó khăn vướng mắc kịp thời phản ánh về Sở Nông nghiệp và Môi trường./.
            """ + Tail);
        var a = Assert.Single(p.Assignments);
        Assert.Equal("Công ty", a.Assignee.Unit);
        Assert.Contains("thực hiện đầy đủ các nội dung sau", a.Duty, StringComparison.Ordinal);
    }

    [Fact]
    public void Parts_that_name_bodies_of_their_own_keep_their_assignments()
    {
        var p = P(Header + """
            Thực hiện chỉ đạo của UBND tỉnh, Sở Công Thương đề nghị các cơ quan, đơn vị thực hiện các nội dung sau:
            1. Sở Xây dựng chủ trì hướng dẫn thủ tục cấp phép xây dựng trong cụm công nghiệp.
            2. UBND các xã, phường đẩy nhanh công tác giải phóng mặt bằng.
            """ + Tail);
        Assert.Equal(["Sở Xây dựng", "UBND các xã, phường"], p.Assignments.Select(a => a.Assignee.Unit!).ToList());
    }
}
