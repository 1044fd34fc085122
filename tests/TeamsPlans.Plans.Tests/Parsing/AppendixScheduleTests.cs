using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>
/// A schedule in a "PHỤ LỤC" after the signature, laid out in text columns as pdftotext -layout gives it: each whole date in
/// a row under the time column is a dated activity; a row printing last year while the rest of the schedule is in the plan's
/// year (and last year would put it before the plan was issued) is a misprint, read in the plan's year and marked guessed.
/// Hand-written example in the layout of an inspection plan's appendix; expected values read from it.
/// </summary>
public class AppendixScheduleTests
{
    private const string Plan = """
        SỞ CÔNG THƯƠNG TỈNH YÊN BÁI              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
              ĐOÀN KIỂM TRA                       Độc lập - Tự do - Hạnh phúc
        Số: 210/KH-ĐKT                          Yên Bái, ngày 02 tháng 4 năm 2026

                                 KẾ HOẠCH
                  Kiểm tra an toàn kho xăng dầu năm 2026

        I. MỤC ĐÍCH, YÊU CẦU
        Kiểm tra việc chấp hành quy định về an toàn.
        II. TỔ CHỨC THỰC HIỆN
        1. Ông Lê Văn Hải - Trưởng đoàn: Phụ trách chung hoạt động của Đoàn.

        Nơi nhận:                                      TRƯỞNG ĐOÀN
        - Các đơn vị được kiểm tra;
        - Lưu: VT.
                                                       Lê Văn Hải

                                   PHỤ LỤC I
                              LỊCH KIỂM TRA
               (Kèm theo Kế hoạch số 210/KH-ĐKT ngày 02/4/2026 của Đoàn kiểm tra)

          TT     Tên đơn vị được kiểm tra              Thời gian kiểm tra      Thời hạn
           1     Công ty xăng dầu Yên Bình             14/4/2026               01 ngày
           2     Công ty TNHH Minh Phát                16/4/2025               01 ngày
           3     Cửa hàng xăng dầu số 5                20/4/2026               01 ngày

        (*) Thời gian có thể thay đổi, Đoàn sẽ thông báo trước 01/4/2026 bằng văn bản.
        """;

    [Fact]
    public void Each_dated_row_of_an_appendix_schedule_is_a_deadline_and_a_last_year_misprint_takes_the_plans_year()
    {
        var p = PlanParser.Parse(Plan.Replace("\r", ""));
        var rows = p.Deadlines.Where(d => d.What.StartsWith("Phụ lục", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [DueDate.OnDate(new DateOnly(2026, 4, 14)), DueDate.OnDate(new DateOnly(2026, 4, 16)), DueDate.OnDate(new DateOnly(2026, 4, 20))],
            rows.Select(d => d.Due).ToList());
        Assert.False(rows[0].Guessed);
        Assert.True(rows[1].Guessed);
        Assert.Contains(p.Warnings, w => w.Contains("16/04/2025", StringComparison.Ordinal));
        // The note under the table is no row of the schedule.
        Assert.DoesNotContain(p.Deadlines, d => d.Due == DueDate.OnDate(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Dates_in_an_appendix_without_a_time_column_are_no_deadlines()
    {
        var text = Plan.Replace("Thời gian kiểm tra      Thời hạn", "Địa chỉ                 Ghi chú", StringComparison.Ordinal);
        var p = PlanParser.Parse(text.Replace("\r", ""));
        Assert.DoesNotContain(p.Deadlines, d => d.What.StartsWith("Phụ lục", StringComparison.Ordinal));
    }
}
