using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Plans.Tests.Parsing;

/// <summary>The review page's highlights: each assignment of seed 001 found at its sentence in the file's own text.</summary>
public sealed class SourceLocatorTests
{
    [Fact]
    public async Task Each_assignment_of_seed_001_is_found_at_its_line_of_the_organization_part()
    {
        var text = Seeds.Text("001");
        var doc = await Seeds.ReadAsync("001");
        var locator = new SourceLocator(text);
        var organization = text.IndexOf("III. TỔ CHỨC THỰC HIỆN", StringComparison.Ordinal);
        // The three lines of "III. TỔ CHỨC THỰC HIỆN", each naming one person (read from the document).
        var expected = new[] { "Thầy Ngô Tấn Hưng", "Thầy Nguyễn Tất Thành", "Cô Hồ Thị Thu Cúc" };
        Assert.Equal(expected.Length, doc.Assignments.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var span = locator.Find(doc.Assignments[i].Source);
            Assert.NotNull(span);
            var found = text.Substring(span.Value.Start, span.Value.Length);
            Assert.True(span.Value.Start > organization, $"assignment {i + 1} found before the organization part: {found}");
            Assert.Contains(expected[i], found, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', found);
        }
    }

    [Fact]
    public void Whitespace_runs_and_a_missing_list_mark_still_match_and_an_absent_sentence_is_null()
    {
        const string text = "I. VIỆC\n\n-   Tổ Toán:  nộp báo cáo\ntrước ngày 20/5.\n\nNơi nhận:";
        var locator = new SourceLocator(text);
        var span = locator.Find("Tổ Toán: nộp báo cáo trước ngày 20/5.");
        Assert.NotNull(span);
        Assert.Equal(text.IndexOf("Tổ Toán", StringComparison.Ordinal), span.Value.Start);
        Assert.Equal(text.IndexOf("20/5.", StringComparison.Ordinal) + 5, span.Value.End);
        Assert.Null(locator.Find("Tổ Văn: nộp báo cáo trước ngày 30/5."));
        Assert.Null(locator.Find(null));
    }

    [Fact]
    public void A_source_the_text_holds_only_in_part_spans_from_its_start_to_the_end_of_the_paragraph()
    {
        const string text = "Tổ Ngữ văn chịu trách nhiệm tổ chức hội thi¹ cấp trường trong tháng 11.\n\nTiếp theo.";
        var span = new SourceLocator(text).Find("Tổ Ngữ văn chịu trách nhiệm tổ chức hội thi cấp trường trong tháng 11.");
        Assert.NotNull(span);
        Assert.Equal(0, span.Value.Start);
        Assert.Equal(text.IndexOf("\n\n", StringComparison.Ordinal), span.Value.End);
    }
}
