using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// Local governments listed by name after their level ("UBND các phường: Yên Bái, Văn Phú tăng cường …"): one assignment
/// per named ward, the same duty; the bare list in the "Kính gửi" block is no assignment. Excerpt of corpus document
/// 103_ubnd-laocai-cv-chi-dao-di-doi-ccn-2026; expected values read from it.
/// </summary>
public class EnumeratedUnitsTests
{
    [Fact]
    public void Wards_listed_after_their_level_each_get_the_duty()
    {
        var p = PlanParser.Parse("""
            ỦY BAN NHÂN DÂN                    CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH LÀO CAI                       Độc lập - Tự do - Hạnh phúc
            Số:    /UBND-KT                    Lào Cai, ngày    tháng 6 năm 2026
            V/v triển khai di dời cụm công nghiệp Đầm Hồng

            Kính gửi:
                 - Sở Công Thương;
                 - UBND các phường: Yên Bái, Văn Phú, Âu Lâu.
            Xét đề nghị của Sở Công Thương tại Báo cáo số 3231/BC-SCT ngày 04/6/2026, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:
            1. Giao Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu cân đối, bố trí nguồn vốn ngân sách nhà nước.
            2. Trong thời gian chưa hoàn thành di dời, giao các sở, ngành liên quan và UBND các phường: Yên Bái, Văn Phú tăng cường hướng
            dẫn, kiểm tra, giám sát việc chấp hành quy định pháp luật về đất đai, môi trường.

            Nơi nhận:                                   KT. CHỦ TỊCH
            - Như trên;                                 PHÓ CHỦ TỊCH
            - Lưu: VT, KT.
                                                        Ngô Hạnh Phúc
            """.Replace("\r", ""));
        var wards = p.Assignments.Where(a => a.Assignee.Unit!.Contains("phường", StringComparison.Ordinal)).ToList();
        Assert.Equal(["UBND phường Yên Bái", "UBND phường Văn Phú"], wards.Select(a => a.Assignee.Unit!).ToList());
        Assert.All(wards, a => Assert.StartsWith("Tăng cường hướng dẫn, kiểm tra, giám sát", a.Duty, StringComparison.Ordinal));
        Assert.DoesNotContain(p.Assignments, a => a.Assignee.Unit!.Contains("Âu Lâu", StringComparison.Ordinal));
    }
}
