using TeamsPlans.Plans.Deadlines;
using TeamsPlans.Plans.Model;

namespace TeamsPlans.Plans.Tests.Scheduling;

/// <summary>
/// Decree 09/2019/NĐ-CP, Art. 12 (domain notes): the default data cut-off of periodic reports, and which regime goes with a
/// report deadline.
/// </summary>
public sealed class ReportRegimeTests
{
    [Theory]
    // Monthly: from the 15th of the previous month to the 14th of the reporting month.
    [InlineData(Recurrence.Monthly, "2024-05-18", "2024-04-15", "2024-05-14")]
    // Quarterly: from the 15th of the month before the quarter to the 14th of its last month (Q1: 15/12 – 14/03).
    [InlineData(Recurrence.Quarterly, "2024-03-20", "2023-12-15", "2024-03-14")]
    [InlineData(Recurrence.Quarterly, "2024-04-05", "2023-12-15", "2024-03-14")]
    [InlineData(Recurrence.Quarterly, "2023-06-15", "2023-03-15", "2023-06-14")]
    // 6-monthly: from the 15th of the month before the period to the 14th of its sixth month (15/12 – 14/06, 15/06 – 14/12).
    [InlineData(Recurrence.Semiannual, "2024-06-20", "2023-12-15", "2024-06-14")]
    [InlineData(Recurrence.Semiannual, "2024-12-18", "2024-06-15", "2024-12-14")]
    // Yearly: from 15 December of the previous year to 14 December.
    [InlineData(Recurrence.Yearly, "2024-12-20", "2023-12-15", "2024-12-14")]
    public void The_default_data_cut_off_follows_decree_09(Recurrence frequency, string due, string from, string to)
    {
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)),
            ReportRegimes.DefaultCutoff(frequency, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_deadline_takes_the_regime_of_its_own_sentence_else_one_with_the_same_due_date()
    {
        const string sentence = "Các trường gửi báo cáo kết quả định kỳ hằng quý về Sở qua hệ thống trước ngày 15/6/2024.";
        var quarterly = new ReportRegime("Báo cáo kết quả") { Source = sentence, Frequency = Recurrence.Quarterly, Due = DueDate.OnDate(new DateOnly(2024, 6, 15)) };
        var yearly = new ReportRegime("Báo cáo tổng kết") { Source = "Báo cáo tổng kết năm học trước ngày 20/5/2024.", Due = DueDate.OnDate(new DateOnly(2024, 5, 20)) };
        var plan = new PlanDocument { Reports = [yearly, quarterly] };
        Assert.Same(quarterly, ReportRegimes.For(plan, new Deadline(DueDate.OnDate(new DateOnly(2024, 6, 15)), Recurrence.Quarterly, "Báo cáo", "Sở", null) { Source = sentence }));
        Assert.Same(yearly, ReportRegimes.For(plan, new Deadline(DueDate.OnDate(new DateOnly(2024, 5, 20)), null, "Báo cáo", null, null)));
        Assert.Null(ReportRegimes.For(plan, new Deadline(DueDate.OnDate(new DateOnly(2024, 9, 1)), null, "Báo cáo", null, null)));
    }
}
