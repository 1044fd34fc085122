using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Plans.Tests.Units;

/// <summary>Units and sets of units in the organization parts of seeds 002, 003, 004 (expectations from reading them).</summary>
public sealed class AssigneeKindClassifierTests
{
    private static readonly UnitKind[] Schools = [UnitKind.HighSchool, UnitKind.LowerSecondarySchool, UnitKind.PrimarySchool, UnitKind.Preschool, UnitKind.MultiLevelSchool, UnitKind.ContinuingEducationCentre];

    [Theory]
    [InlineData("002")]
    [InlineData("003")]
    public async Task Department_plans_give_duties_to_the_office_of_the_So_its_phong_and_every_unit(string seed)
    {
        // 002 III / 003 IV: "Văn phòng Sở - cơ quan thường trực …"; "các phòng thuộc Sở (003: các phòng cơ quan Sở), các đơn vị
        // giáo dục … chủ động xây dựng … kế hoạch"; "đề nghị các đơn vị kịp thời có văn bản phản hồi".
        var p = await Seeds.ReadAsync(seed);
        var targets = p.Assignments.Select(a => a.Assignee.Target).ToList();
        Assert.All(targets, t => Assert.NotNull(t));
        var office = Assert.Single(targets, t => t!.Kind == AssigneeKind.Unit);
        Assert.Equal(("Văn phòng Sở", UnitKind.DepartmentOffice), (office!.Units.Single().Name, office.Units.Single().Kinds.Single()));
        var plan = p.Assignments.Single(a => a.Duty.Contains("xây dựng", StringComparison.Ordinal)).Assignee.Target!;
        Assert.Equal(AssigneeKind.UnitSet, plan.Kind);
        Assert.Equal(2, plan.Units.Count);
        Assert.Equal([UnitKind.DepartmentOffice], plan.Units[0].Kinds);
        Assert.Equal(Schools, plan.Units[1].Kinds);
        var feedback = p.Assignments.Single(a => a.Duty.Contains("phản hồi", StringComparison.Ordinal)).Assignee.Target!;
        Assert.Equal(AssigneeKind.UnitSet, feedback.Kind);
        Assert.Empty(Assert.Single(feedback.Units).Kinds); // every unit under the issuer
        Assert.DoesNotContain(targets, t => t!.Kind == AssigneeKind.Person);
    }

    [Fact]
    public async Task The_district_plan_gives_its_duties_to_every_unit_under_it_and_one_to_its_clerk()
    {
        // 004 IV: "1. Các đơn vị trực thuộc Phòng Giáo dục và Đào tạo có trách nhiệm …. Bộ phận Văn thư Phòng GD&ĐT theo dõi,
        // đôn đốc …"; "2. … đề nghị các đơn vị trực thuộc báo cáo về Phòng GD&ĐT (Cô Oanh-VT)"; "3. … các đơn vị trực thuộc báo cáo".
        var p = await Seeds.ReadAsync("004");
        var sets = p.Assignments.Where(a => a.Assignee.Target?.Kind == AssigneeKind.UnitSet).ToList();
        Assert.True(sets.Count >= 3, $"{sets.Count} unit sets");
        Assert.All(sets, a => Assert.Empty(Assert.Single(a.Assignee.Target!.Units).Kinds));
        Assert.Equal("Các đơn vị trực thuộc Phòng Giáo dục và Đào tạo", sets[0].Assignee.Target!.Units[0].Text);
        var clerk = Assert.Single(p.Assignments, a => a.Assignee.Display.Contains("Văn thư", StringComparison.Ordinal));
        Assert.Equal(AssigneeKind.Role, clerk.Assignee.Target!.Kind);
    }

    [Theory]
    // Seed 002 III.1, the units the Văn phòng Sở follows up.
    [InlineData("Phòng GDĐT quận/huyện/thành phố", UnitKind.DistrictOffice)]
    [InlineData("các trường Trung học phổ thông", UnitKind.HighSchool)]
    [InlineData("Trung tâm GDTX", UnitKind.ContinuingEducationCentre)]
    [InlineData("GDNN-GDTX", UnitKind.ContinuingEducationCentre)]
    [InlineData("các phòng thuộc Sở", UnitKind.DepartmentOffice)]
    // Seed 003 IV.1 and its recipients.
    [InlineData("Phòng Giáo dục và Đào tạo quận, huyện", UnitKind.DistrictOffice)]
    [InlineData("Trung tâm GDNN-GDTX quận, huyện", UnitKind.ContinuingEducationCentre)]
    [InlineData("Các trường THPT", UnitKind.HighSchool)]
    [InlineData("Hiệu trưởng các trường THPT", UnitKind.HighSchool)]
    [InlineData("Hieu truong cac truong THCS", UnitKind.LowerSecondarySchool)]
    [InlineData("các tổ chuyên môn", UnitKind.SubjectGroup)]
    public void A_plural_or_generic_kind_is_a_set_of_units_of_that_kind(string text, UnitKind kind)
    {
        var t = AssigneeKindClassifier.Classify(text)!;
        Assert.Equal(AssigneeKind.UnitSet, t.Kind);
        Assert.Equal([kind], Assert.Single(t.Units).Kinds);
        Assert.Null(t.Units[0].Name);
    }

    [Theory]
    [InlineData("Thủ trưởng các đơn vị trực thuộc")]
    [InlineData("Các đơn vị trực thuộc")]
    [InlineData("thu truong cac don vi truc thuoc")]
    public void The_heads_of_every_unit_are_every_unit(string text)
    {
        var t = AssigneeKindClassifier.Classify(text)!;
        Assert.Equal(AssigneeKind.UnitSet, t.Kind);
        Assert.Empty(Assert.Single(t.Units).Kinds);
    }

    [Theory]
    [InlineData("Văn phòng Sở", UnitKind.DepartmentOffice)]
    [InlineData("Tổ Ngữ văn", UnitKind.SubjectGroup)]
    [InlineData("Đoàn trường", UnitKind.Union)]
    [InlineData("Phòng GD&ĐT Quận 1", UnitKind.DistrictOffice)]
    [InlineData("Trường THPT Bùi Thị Xuân", UnitKind.HighSchool)]
    public void A_named_unit_is_one_unit(string text, UnitKind kind)
    {
        var t = AssigneeKindClassifier.Classify(text)!;
        Assert.Equal(AssigneeKind.Unit, t.Kind);
        var u = Assert.Single(t.Units);
        Assert.Equal((text, text, kind), (u.Name, u.Text, u.Kinds.Single()));
    }

    [Fact]
    public void People_and_posts_stay_people_and_roles()
    {
        Assert.Equal(AssigneeKind.Person, AssigneeKindClassifier.Classify("Cô Oanh - VT")!.Kind);
        Assert.Equal(AssigneeKind.Person, AssigneeKindClassifier.Classify("Thầy Hưng - Tổ Toán")!.Kind);
        Assert.Equal(AssigneeKind.Person, AssigneeKindClassifier.Classify(new Assignee("Hồ Thị Thu Cúc", "Phó hiệu trưởng", "Tổ Ngữ văn")).Kind);
        Assert.Equal(AssigneeKind.Role, AssigneeKindClassifier.Classify(new Assignee(null, "Hiệu trưởng", null)).Kind);
        Assert.Equal(AssigneeKind.Role, AssigneeKindClassifier.Classify(new Assignee(null, "Phó hiệu trưởng", null)).Kind);
        Assert.Equal(AssigneeKind.Role, AssigneeKindClassifier.Classify("Các giáo viên chủ nhiệm")!.Kind);
    }

    [Fact]
    public void A_list_mixing_a_unit_and_sets_gives_one_selector_per_part()
    {
        var t = AssigneeKindClassifier.Classify("Văn phòng Sở; các trường THPT và Trung tâm GDTX")!;
        Assert.Equal(AssigneeKind.UnitSet, t.Kind);
        Assert.Equal(["Văn phòng Sở", null, null], t.Units.Select(u => u.Name));
        Assert.Equal([UnitKind.ContinuingEducationCentre], t.Units[2].Kinds);
    }
}
