using System.Text.Json;
using TeamsPlans.Plans.Deadlines;
using TeamsPlans.Plans.Formatting;
using TeamsPlans.Plans.Json;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;
using TeamsPlans.Plans.People;

namespace TeamsPlans.Plans.Tests;

public class PersonNameMatcherTests
{
    [Theory]
    [InlineData("Ngô Tấn Hưng", "Ngô Tân Hưng", true)]     // one missing tone mark (seed 001)
    [InlineData("Thầy Ngô Tấn Hưng", "Ngô Tấn Hưng", true)] // honorific dropped
    [InlineData("Đỗ Thị Hòa", "Do Thi Hoa", false)]          // Đ/d plus a tone in one syllable = 2 differences
    [InlineData("Đỗ Thị Hòa", "Đỗ Thị Hoà", true)]          // same letters, same marks
    [InlineData("Lê Hồng Trung", "lê hồng trung", true)]
    [InlineData("Nguyễn Văn Hiếu", "Nguyễn Văn Hiểu", true)] // tone substitution
    [InlineData("Ngô Tấn Hưng", "Ngô Tấn Hùng", true)]       // horn ↔ grave: one difference
    [InlineData("Ngô Tấn Hưng", "Ngô Tan Hưng", false)]      // circumflex and acute both lost
    [InlineData("Ngô Tấn Hưng", "Ngô Tấn Hưng Anh", false)]  // different syllables
    [InlineData("Ngô Tấn Hưng", "Ngô Tấn Hương", false)]
    [InlineData("Võ Văn Mười", "Vo Văn Mười", true)]
    public void SameName(string a, string b, bool same) => Assert.Equal(same, PersonNameMatcher.SameName(a, b));

    [Fact]
    public void FindBest_PrefersExact_AndRejectsAmbiguous()
    {
        string[] users = ["Ngô Tấn Hưng", "Ngô Tân Hưng", "Hồ Thị Thu Cúc"];
        Assert.Equal("Ngô Tân Hưng", PersonNameMatcher.FindBest("Ngô Tân Hưng", users, u => u));
        Assert.Equal("Hồ Thị Thu Cúc", PersonNameMatcher.FindBest("Cô Hồ Thị Thu Cuc", users, u => u));
        Assert.Null(PersonNameMatcher.FindBest("Ngô Tẩn Hưng", users, u => u)); // matches both
        Assert.Null(PersonNameMatcher.FindBest("Trần Văn A", users, u => u));
        Assert.Equal("ngo tan hung", PersonNameMatcher.Key("Thầy Ngô Tấn Hưng"));
        Assert.Equal("dao tao", VietText.Fold("Đào tạo"));
    }
}

public class DueDateTests
{
    [Theory]
    [InlineData("2023-05-20", DueKind.Date)]
    [InlineData("--06-05", DueKind.YearlyDate)]
    [InlineData("--02-29", DueKind.YearlyDate)]
    [InlineData("2019-Q1", DueKind.Quarter)]
    [InlineData("2024-06", DueKind.Month)]
    [InlineData("2023-2024", DueKind.SchoolYear)]
    public void ParseFormatRoundTrip(string s, DueKind kind)
    {
        var d = DueDate.Parse(s);
        Assert.Equal(kind, d.Kind);
        Assert.Equal(s, d.ToString());
        var json = JsonSerializer.Serialize(d, PlanJson.Options);
        Assert.Equal($"\"{s}\"", json);
        Assert.Equal(d, JsonSerializer.Deserialize<DueDate>(json, PlanJson.Options));
    }

    [Theory]
    [InlineData("2023-13-01")]
    [InlineData("--13-01")]
    [InlineData("2019-Q5")]
    [InlineData("2023-2025")]
    [InlineData("")]
    [InlineData("20/05/2023")]
    public void RejectsBadText(string s)
    {
        Assert.False(DueDate.TryParse(s, out _));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DueDate>($"\"{s}\"", PlanJson.Options));
    }
}

public class DeadlineScheduleTests
{
    private static Deadline Dl(string due, Recurrence? r = null, string what = "Báo cáo") => new(DueDate.Parse(due), r, what, null, null);

    [Fact]
    public void Yearly_EveryYearInThePeriod()
    {
        var s = DeadlineSchedule.Expand([Dl("--05-10", Recurrence.Yearly), Dl("--10-15", Recurrence.Yearly)], new DateOnly(2024, 1, 1), new DateOnly(2025, 6, 30));
        Assert.Equal([new DateOnly(2024, 5, 10), new DateOnly(2024, 10, 15), new DateOnly(2025, 5, 10)], s.Select(x => x.Date));
    }

    [Fact]
    public void Semiannual_IsTheMidYearDateEveryYear_AndTheAnnualReportIsSeparate()
    {
        var semi = Dl("--06-05", Recurrence.Semiannual, "Báo cáo định kỳ 6 tháng");
        var year = Dl("--11-05", Recurrence.Yearly, "Báo cáo năm");
        var s = DeadlineSchedule.Expand([year, semi], new DateOnly(2019, 1, 1), new DateOnly(2020, 12, 31));
        Assert.Equal([(new DateOnly(2019, 6, 5), semi), (new DateOnly(2019, 11, 5), year), (new DateOnly(2020, 6, 5), semi), (new DateOnly(2020, 11, 5), year)],
            s.Select(x => (x.Date, x.Deadline)));
    }

    [Fact]
    public void Quarterly_and_monthly_step_three_months_and_one_month_from_their_day()
    {
        // "trước ngày 15 của tháng cuối quý" (15/3, 15/6, 15/9, 15/12) and "ngày 31 hằng tháng" (the month's last day).
        var q = Dl("--03-15", Recurrence.Quarterly, "Báo cáo quý");
        var m = Dl("--01-31", Recurrence.Monthly, "Báo cáo tháng");
        var s = DeadlineSchedule.Expand([q], new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31));
        Assert.Equal([new DateOnly(2025, 6, 15), new DateOnly(2025, 9, 15), new DateOnly(2025, 12, 15), new DateOnly(2026, 3, 15)], s.Select(x => x.Date));
        var months = DeadlineSchedule.Expand([m], new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 30)).Select(x => x.Date);
        Assert.Equal([new DateOnly(2025, 1, 31), new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 30)], months);
        Assert.Equal([new DateOnly(2024, 2, 10), new DateOnly(2024, 5, 10), new DateOnly(2024, 8, 10), new DateOnly(2024, 11, 10)],
            RecurrenceSteps.InYear(2024, 11, 10, Recurrence.Quarterly));
    }

    [Fact]
    public void OneOff_QuarterMonthSchoolYear_LastDayWhenInside()
    {
        var s = DeadlineSchedule.Expand([Dl("2023-05-20"), Dl("2023-11-01"), Dl("2019-Q1"), Dl("2024-06"), Dl("2023-2024")], new DateOnly(2023, 6, 1), new DateOnly(2024, 12, 31));
        Assert.Equal([new DateOnly(2023, 11, 1), new DateOnly(2024, 5, 31), new DateOnly(2024, 6, 30)], s.Select(x => x.Date));
        Assert.Equal(new DateOnly(2019, 3, 31), DeadlineSchedule.Expand([Dl("2019-Q1")], new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31)).Single().Date);
    }

    [Fact]
    public void DatedYearly_StartsInItsYear_Feb29Clamped()
    {
        var s = DeadlineSchedule.Expand([Dl("2024-02-29", Recurrence.Yearly)], new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 31));
        Assert.Equal([new DateOnly(2024, 2, 29), new DateOnly(2025, 2, 28), new DateOnly(2026, 2, 28)], s.Select(x => x.Date));
        Assert.Throws<ArgumentException>(() => DeadlineSchedule.Expand([], new DateOnly(2025, 1, 1), new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public async Task Seed004_Schedule()
    {
        var p = await Seeds.ReadAsync("004");
        var s = DeadlineSchedule.Expand(p.Deadlines, new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31));
        Assert.Equal([new DateOnly(2019, 3, 31), new DateOnly(2019, 6, 5), new DateOnly(2019, 11, 5)], s.Select(x => x.Date));
    }
}

public class DeadlineExtractorTests
{
    [Theory]
    [InlineData("gửi báo cáo về Phòng Giáo dục và Đào tạo chậm nhất ngày 15 tháng 10 năm 2024.", "2024-10-15", null, "Phòng Giáo dục và Đào tạo")]
    [InlineData("Hoàn thành trong tháng 6/2024.", "2024-06", null, null)]
    [InlineData("nộp kế hoạch cho Hiệu trưởng trước 30/9 hằng năm.", "--09-30", "yearly", "Hiệu trưởng")]
    [InlineData("Thời gian thực hiện: quý 3/2025.", "2025-Q3", null, null)]
    public void Forms(string text, string due, string? rec, string? to)
    {
        var d = Assert.Single(DeadlineExtractor.Extract(text, "Tổ Văn phòng", 2024, null, "Kế hoạch"));
        Assert.Equal(due, d.Due.ToString());
        Assert.Equal(rec, d.Recurrence is null ? null : d.Recurrence == Recurrence.Yearly ? "yearly" : "semiannual");
        Assert.Equal(to, d.To);
        Assert.Equal("Tổ Văn phòng", d.Assignee);
    }

    [Fact]
    public void CitationDatesAreNotDeadlines()
    {
        Assert.Empty(DeadlineExtractor.Extract("thực hiện Chỉ thị số 04/CT-TW ngày 06 tháng 7 năm 2011 của Bộ Chính trị; giai đoạn 2021-2030.", null, 2023, null, "x"));
    }
}

public class PlanJsonTests
{
    [Fact]
    public async Task AllSeeds_RoundTrip_CamelCase_Unescaped()
    {
        foreach (var prefix in new[] { "000", "001", "002", "003", "004" })
        {
            var p = await Seeds.ReadAsync(prefix);
            var json = PlanJson.Serialize(p);
            var back = PlanJson.Deserialize(json);
            Assert.Equal(json, PlanJson.Serialize(back));
            Assert.Contains("\"legalBases\"", json);
            Assert.Contains("\"parentIssuer\"", json);
            Assert.Contains("\"issuedOn\"", json);
            Assert.DoesNotContain("\\u", json);
            Assert.DoesNotContain("\"display\"", json);
        }
        var p4 = PlanJson.Serialize(await Seeds.ReadAsync("004"));
        Assert.Contains("\"issuedOn\": null", p4);
        Assert.Contains("\"due\": \"--06-05\"", p4);
        Assert.Contains("\"recurrence\": \"semiannual\"", p4);
        Assert.Contains("\"due\": \"2019-Q1\"", p4);
        Assert.Contains("Phòng Giáo dục và Đào tạo", p4);
        var p1 = PlanJson.Serialize(await Seeds.ReadAsync("001"));
        Assert.Contains("\"issuedOn\": \"2023-04-03\"", p1);
    }

    [Fact]
    public async Task TextSummary_IsVietnameseWithDdMmYyyy()
    {
        var s = PlanTextFormatter.Format(await Seeds.ReadAsync("001"));
        Assert.Contains("Số: 82/KH-THPT BK", s);
        Assert.Contains("03/04/2023", s);
        Assert.Contains("20/05/2023", s);
        Assert.Contains("Người ký: Hiệu trưởng / Ngô Tân Hưng", s);
    }
}
