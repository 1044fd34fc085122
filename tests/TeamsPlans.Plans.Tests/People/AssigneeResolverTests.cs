using System.Text;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Parsing;
using TeamsPlans.Plans.People;

namespace TeamsPlans.Plans.Tests.People;

/// <summary>The one folding (VietText) and the one assignee rule (AssigneeResolver) of issue 18.</summary>
public sealed class AssigneeResolverTests
{
    private sealed record P(string Id, string Name, string? Title, string? Unit);

    private static readonly P[] School =
    [
        new("hung", "Ngô Tấn Hưng", "Hiệu trưởng", "Ban Giám hiệu"),
        new("cuc", "Hồ Thị Thu Cúc", "Phó hiệu trưởng", "Ban Giám hiệu"),
        new("thanh", "Nguyễn Tất Thành", "Tổ trưởng", "Tổ Toán"),
        new("lan", "Trần Thị Lan", "Tổ trưởng", "Tổ Ngữ văn"),
        new("hieu", "Nguyễn Văn Hiếu", "Giáo viên", "Tổ Toán"),
        new("hieu2", "Nguyễn Văn Hiểu", "Giáo viên", "Tổ Ngữ văn"),
    ];

    private static AssigneeMatch<P> Resolve(string? name, string? title, string? unit) =>
        AssigneeResolver.Resolve(new Assignee(name, title, unit), School, p => new PersonFacts(p.Name, p.Title, p.Unit));

    [Fact]
    public void Folding_is_one_rule_for_NFC_and_NFD_text()
    {
        Assert.Equal("pho hieu truong phu trach", VietText.FoldWords("Phó Hiệu trưởng (phụ trách)"));
        Assert.Equal("ngo tan hung", VietText.FoldWords("Ngô Tấn Hưng".Normalize(NormalizationForm.FormD)));
        Assert.Equal("dao tao", VietText.Fold("Đào tạo".Normalize(NormalizationForm.FormD)));
        Assert.Equal("82/kh-thpt bk", VietText.Fold("82/KH-THPT BK"));
        Assert.True(VietText.HasDiacritics("Hiếu"));
        Assert.False(VietText.HasDiacritics("Nguyen Van Hieu"));
        Assert.Equal("", VietText.FoldWords(null));
    }

    [Fact]
    public void A_sole_title_holder_is_the_person_several_holders_are_a_choice()
    {
        var principal = Resolve(null, "hiệu trưởng", null);
        Assert.Equal((AssigneeMatchKind.Person, "hung"), (principal.Kind, principal.Sole?.Id));
        var heads = Resolve(null, "Tổ trưởng", null);
        Assert.Equal(AssigneeMatchKind.Ambiguous, heads.Kind);
        Assert.Null(heads.Sole);
        Assert.Empty(heads.Assigned);
        Assert.Equal(["lan", "thanh"], heads.People.Select(p => p.Id).Order());
        // The unit given with the title picks among the holders.
        Assert.Equal("thanh", Resolve(null, "Tổ trưởng", "Tổ Toán").Sole?.Id);
        // A role written alone comes from the reader as a unit: no such department → the job title.
        Assert.Equal("cuc", Resolve(null, null, "Phó Hiệu trưởng").Sole?.Id);
    }

    [Fact]
    public void A_unit_is_every_member_and_names_resolve_with_or_without_diacritics()
    {
        var toan = Resolve(null, null, "Tổ Toán");
        Assert.Equal(AssigneeMatchKind.Unit, toan.Kind);
        Assert.Equal(["hieu", "thanh"], toan.Assigned.Select(p => p.Id).Order());
        Assert.Null(toan.Sole);
        Assert.Equal("hieu", Resolve("Nguyễn Văn Hiếu", null, null).Sole?.Id);
        Assert.Equal("lan", Resolve("Cô Trần Thi Lan", null, null).Sole?.Id);        // honorific, one mark missing
        Assert.Equal("hung", Resolve("Hưng Ngô Tấn", null, null).Sole?.Id);          // given name first
        Assert.Equal(AssigneeMatchKind.Ambiguous, Resolve("Nguyen Van Hieu", null, null).Kind);
        Assert.Equal("hieu2", Resolve("Nguyen Van Hieu", null, "Tổ Ngữ văn").Sole?.Id);
        Assert.Equal(AssigneeMatchKind.Unresolved, Resolve("Lê Văn Tám", null, null).Kind);
        // A name not in the directory with a title held once: the holder only if the names share a word.
        Assert.Equal("cuc", Resolve("Cô Thu Cúc", "Phó hiệu trưởng", null).Sole?.Id);
        Assert.Equal(AssigneeMatchKind.Unresolved, Resolve("Lê Văn Tám", "Phó hiệu trưởng", null).Kind);
    }
}
