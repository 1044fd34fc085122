using TeamsPlans.Plans.Corrections;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Corrections;

/// <summary>
/// The correction diff on seed 001 (82/KH-THPT BK, three duties in "III. TỔ CHỨC THỰC HIỆN") and revised copies made
/// from its text: Cúc's report deadline "20/5" moved to "25/5", a duty for Trần Thị Lan added, Thành's duty re-worded,
/// Hưng's duty dropped.
/// </summary>
public sealed class PlanCorrectionsTests
{
    private static string Seed() => File.ReadAllText(Seeds.PathOf("001"));

    private const string CucDeadline = "trước ngày 20/5 và 01/11/2023";
    private const string LanLine = "\n- Cô Trần Thị Lan - Giáo viên: tổng hợp hình ảnh các hoạt động đối ngoại gửi về nhà trường trước ngày 15/6/2023.\n";
    private const string ThanhDuty = "tổ chức triển khai đến toàn thể cán bộ, giáo viên và người lao động trong đơn vị.";

    private static string AfterCuc(string text, string insert)
    {
        var at = text.IndexOf("- Cô Hồ Thị Thu Cúc", StringComparison.Ordinal);
        var end = text.IndexOf('\n', at);
        return text[..end] + insert + text[end..];
    }

    [Fact]
    public void One_deadline_moved_and_one_duty_added_leave_the_other_duties_unchanged()
    {
        var seed = Seed();
        Assert.Contains(CucDeadline, seed);
        var revisedText = AfterCuc(seed.Replace(CucDeadline, "trước ngày 25/5 và 01/11/2023", StringComparison.Ordinal), LanLine);
        var published = PlanParser.Parse(seed);
        var revised = PlanParser.Parse(revisedText);
        Assert.Equal(3, published.Assignments.Count);

        var diff = PlanCorrections.Compare(published.Assignments, revised.Assignments);

        Assert.Equal(2, diff.Of(AssignmentChangeKind.Unchanged).Count());
        var redated = Assert.Single(diff.Of(AssignmentChangeKind.Redated));
        Assert.Equal("Hồ Thị Thu Cúc", published.Assignments[redated.Before!.Value].Assignee.Name);
        var (from, to) = Assert.Single(redated.MovedDeadlines);
        Assert.Equal(DueDate.OnDate(new DateOnly(2023, 5, 20)), from!.Due);
        Assert.Equal(DueDate.OnDate(new DateOnly(2023, 5, 25)), to!.Due);
        var added = Assert.Single(diff.Of(AssignmentChangeKind.Added));
        Assert.Equal("Trần Thị Lan", revised.Assignments[added.After!.Value].Assignee.Name);
        Assert.Empty(diff.Of(AssignmentChangeKind.Removed));
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void A_reworded_duty_and_a_dropped_duty_are_told_apart_and_the_same_text_is_no_change()
    {
        var seed = Seed();
        var hungLine = seed.Split('\n').Single(l => l.StartsWith("- Thầy Ngô Tấn Hưng", StringComparison.Ordinal));
        var revisedText = seed.Replace(hungLine + "\n", "", StringComparison.Ordinal)
            .Replace(ThanhDuty, "tổ chức triển khai kịp thời đến toàn thể cán bộ, giáo viên và người lao động của nhà trường.", StringComparison.Ordinal);
        var published = PlanParser.Parse(seed).Assignments;

        var diff = PlanCorrections.Compare(published, PlanParser.Parse(revisedText).Assignments);

        Assert.Equal("Ngô Tấn Hưng", published[Assert.Single(diff.Of(AssignmentChangeKind.Removed)).Before!.Value].Assignee.Name);
        Assert.Equal("Nguyễn Tất Thành", published[Assert.Single(diff.Of(AssignmentChangeKind.Reworded)).Before!.Value].Assignee.Name);
        Assert.Single(diff.Of(AssignmentChangeKind.Unchanged));
        Assert.True(PlanCorrections.Compare(published, PlanParser.Parse(seed).Assignments).IsEmpty);
    }
}
