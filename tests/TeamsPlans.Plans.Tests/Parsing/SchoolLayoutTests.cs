using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// Layouts of school documents (mầm non, tiểu học) that the Lào Cai corpus does not have, on excerpts typed from two
/// public school documents: Kế hoạch số 01/KH.LĐ of the Liên đội Trường TH Tân Hoà (8/9/2010, hội thi lồng đèn; from
/// the copy at 123doc.top/document/2771162) and Quyết định số 101/QĐ-MNTT of Trường MN Tuổi Thơ (30/9/2022, quy chế
/// chuyên môn; from c0tuoitho.pgdcukuin.edu.vn). Expected values are read from the excerpts.
/// </summary>
public class SchoolLayoutTests
{
    private const string LongDen = """
        ĐỘI TNTP HỒ CHÍ MINH
        TRƯỜNG TH TÂN HOÀ
        Số: 01/ KH.LĐ Tân Hoà, ngày 8 tháng 9 năm 2010
        * * *
        KẾ HOẠCH V/v tổ chức hội thi lồng đèn đẹp cấp trường
        Năm học 2010 - 2011
        I/ Mục đích:
        - Giáo dục các em ý nghĩa và tuyền thống văn hoá của dân tộc việt Nam
        - Thực hiện theo kế hoạch năm học 2010-2011 của liên đội trường TH Tân Hoà
        II/ Nội dung:
        1/ Hình thức
        + Mỗi học sinh làm một lồng đèn dự thi
        3/ Kinh phí
        - Học sinh tự mua sắm vật liệu và dụng cụ để làm lồng đèn
        4/ Thời gian tổ chức chấm thi:
        - Các lớp thông báo cho học sinh lớp mình nộp về trường vào ngày 12, 13/ 9
        - Ban tổ chức tiến hành chấm vào ngày 14/ 9
        5/ Tổ chức thực hiện:
        -TPT Đội: Tham mưu lập kế hoạch, phát động dưới cờ, tổng hợp điểm, xếp loại giải thưởng
        """;

    private const string QuyChe = """
           PHÒNG GD& ĐT CƯ KUIN
           TRƯỜNG MN TUỔI THƠ
         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                            Độc lập- Tự do- Hạnh Phúc
                 Số: 101/QĐ-MNTT                             Ea Tiêu, ngày 30 tháng 09 năm 2022

        QUYẾT ĐỊNH
        Về việc ban hành quy chế chuyên môn năm học 2022 -2023

        HIỆU TRƯỞNG TRƯỜNG MẦM NON TUỔI THƠ

        Căn cứ Điều lệ trường Mầm non, Ban hành kèm theo thông tư số 52/2020/TT-BGDĐT ngày 31 tháng 12 năm 2020
        của Bộ trưởng Bộ Giáo dục và Đào tạo;

        QUYẾT ĐỊNH:
        Điều 1. Công bố quy chế chuyên môn Trường mầm non Tuổi Thơ.
        Điều 2. Quy chế có hiệu lực áp dụng trong năm học 2022 -2023.
        Điều 3. Cán bộ, giáo viên, nhân viên trường mầm non Tuổi Thơ có trách nhiệm thi hành quyết định này./.

        Nơi nhận:
              – Như điều 3;
        – Tổ CM;
        – Lưu VT.
                             HIỆU TRƯỞNG

                               Lê Thị Thuận
        """;

    private static PlanDocument P(string s) => PlanParser.Parse(s.Replace("\r", ""));

    [Fact]
    public void Slash_labels_number_the_parts_and_the_organization_part_of_a_school_plan()
    {
        var p = P(LongDen);
        Assert.Equal(["I", "II"], p.Sections.Take(2).Select(s => s.Id).ToList());
        var tpt = Assert.Single(p.Assignments, a => a.Assignee.Display == "TPT Đội");
        Assert.StartsWith("Tham mưu lập kế hoạch, phát động dưới cờ", tpt.Duty, StringComparison.Ordinal);
        // A date is no label: "12/ 9 ..." stays a plain line.
        Assert.NotEqual(ParaKind.Arabic, Paragraphs.Classify("12/ 9 Học sinh nộp bài").Kind);
        Assert.Equal(ParaKind.Roman, Paragraphs.Classify("II/ Nội dung:").Kind);
        // The role label form only: a sentence that mentions a role is no assignment of its own.
        Assert.Equal("GVCN", SchoolRoleLabel.Detect("GVCN: nhắc học sinh nộp lồng đèn đúng hạn")?.Assignee.Display);
        Assert.Null(SchoolRoleLabel.Detect("Các lớp thông báo cho GVCN và học sinh"));
    }

    [Fact]
    public void A_list_of_days_before_a_slash_month_gives_one_deadline_a_day_in_the_plans_year()
    {
        var p = P(LongDen);
        var due = p.Deadlines.Select(d => d.Due.ToString()).ToList();
        Assert.Contains("2010-09-12", due);
        Assert.Contains("2010-09-13", due);
        Assert.Contains("2010-09-14", due);
        // Without "ngày" a list of numbers and a slash is no date.
        Assert.DoesNotContain(PlanParser.Parse(LongDen.Replace("vào ngày 12, 13/ 9", "theo mục 1, 2/ 3")).Deadlines,
            d => d.Due.ToString() is "2010-03-01" or "2010-03-02");
    }

    [Fact]
    public void The_title_leaves_out_the_decisions_authority_line_and_a_leading_vv()
    {
        Assert.Equal("Về việc ban hành quy chế chuyên môn năm học 2022 -2023", P(QuyChe).Title);
        Assert.Equal("Trường MN Tuổi Thơ", P(QuyChe).Issuer);
        Assert.StartsWith("tổ chức hội thi lồng đèn đẹp cấp trường", P(LongDen).Title, StringComparison.Ordinal);
        Assert.True(AuthorityLine.Is("GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO"));
        Assert.False(AuthorityLine.Is("BAN HÀNH KẾ HOẠCH THỜI GIAN NĂM HỌC 2024-2025"));
        Assert.False(AuthorityLine.Is("Hiệu trưởng nhà trường chỉ đạo chung"));
    }
}
