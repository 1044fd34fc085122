namespace TeamsPlans.Plans.Tests.Architecture;

/// <summary>The repository passes <see cref="SourceRules"/>, and every rule fails on a small sample that breaks it.</summary>
public sealed class SourceRulesTests
{
    [Fact]
    public void The_repository_sources_follow_the_rules()
    {
        var root = SourceRules.FindRoot(AppContext.BaseDirectory);
        var files = SourceRules.Read(root).ToList();
        Assert.Contains(files, f => f.Path == "src/Bot/Cards/CardStrings.cs");
        Assert.Contains(files, f => f.Path == "src/Plans/TeamsPlans.Plans.csproj");
        var baseline = SourceRules.ReadBaseline(File.ReadAllText(Path.Combine(root, BaselinePath)));
        var violations = SourceRules.Check(files);
        var problems = violations.Where(v => !baseline.Contains((v.Rule, v.Path))).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        // The baseline only shrinks: a listed file that follows its rule again is taken off.
        var fixedOnes = baseline.Where(b => !violations.Any(v => v.Rule == b.Rule && v.Path == b.Path)).Select(b => $"{b.Rule} {b.Path}").ToList();
        Assert.True(fixedOnes.Count == 0, "Follows the rule now, remove from " + BaselinePath + ":\n" + string.Join('\n', fixedOnes));
        Assert.All(baseline, b => Assert.Contains(b.Rule, SourceRules.Rules));
    }

    private const string BaselinePath = "tests/TeamsPlans.Plans.Tests/Architecture/source-rules-baseline.txt";

    [Fact]
    public void The_baseline_exempts_only_the_listed_rule_of_the_listed_file()
    {
        var baseline = SourceRules.ReadBaseline("# comment\nline-length src/Bot/Cards/A.cs\n");
        var wide = new RepoFile("src/Bot/Cards/A.cs", Good + "// " + new string('x', 160) + "\npublic enum E { X }\n");
        var left = SourceRules.Check([wide]).Where(v => !baseline.Contains((v.Rule, v.Path))).ToList();
        Assert.Equal("public-types", Assert.Single(left).Rule);
    }

    private static readonly string Good = "namespace TeamsPlans.Bot.Cards;\n\npublic sealed class A\n{\n    public sealed class Nested;\n}\n\ninternal sealed class B;\n";

    [Fact]
    public void A_clean_sample_passes()
    {
        Assert.Empty(SourceRules.Check([new RepoFile("src/Bot/Cards/A.cs", Good)]));
        Assert.Empty(SourceRules.Check([new RepoFile("src/Storage/TeamsPlans.Storage.csproj", Project("../Plans/TeamsPlans.Plans.csproj"))]));
        Assert.Empty(SourceRules.Check([new RepoFile("src/Bot/Features/Rollup/RollupTexts.cs",
            "namespace TeamsPlans.Bot.Features.Rollup;\n\ninternal sealed class T\n{\n    public static T For(bool vi) => vi ? Vi : En;\n}\n")]));
    }

    [Fact]
    public void A_src_Bot_file_over_300_lines_fails_elsewhere_not()
    {
        var big = Good + string.Concat(Enumerable.Repeat("// filler\n", 300));
        Assert.Contains(SourceRules.Check([new RepoFile("src/Bot/Cards/A.cs", big)]), p => p.Message.Contains("lines (src/Bot limit 300)"));
        Assert.Empty(SourceRules.Check([new RepoFile("src/Plans/Cards/A.cs", big.Replace("TeamsPlans.Bot.Cards", "TeamsPlans.Plans.Cards"))]));
    }

    [Fact]
    public void Two_public_top_level_types_fail()
    {
        var two = Good + "\npublic enum Kind { One }\npublic sealed record R(int X);\n";
        var p = Assert.Single(SourceRules.Check([new RepoFile("src/Bot/Cards/A.cs", two)]));
        Assert.Contains("3 public top-level types (A, Kind, R)", p.Message);
    }

    [Fact]
    public void A_namespace_other_than_the_folder_fails()
    {
        var p = Assert.Single(SourceRules.Check([new RepoFile("src/Bot/Features/Import/A.cs", Good)]));
        Assert.Contains("namespace TeamsPlans.Bot.Cards, folder says TeamsPlans.Bot.Features.Import", p.Message);
    }

    [Fact]
    public void A_line_over_150_characters_fails()
    {
        var wide = Good + "// " + new string('x', 148) + "\n";
        var p = Assert.Single(SourceRules.Check([new RepoFile("src/Bot/Cards/A.cs", wide)]));
        Assert.Contains(":9: line of 151 characters", p.Message);
        Assert.Empty(SourceRules.Check([new RepoFile("src/Bot/Cards/A.cs", Good + "// " + new string('x', 147) + "\n")]));
    }

    [Theory]
    [InlineData("var t = vi ? \"Xin chào\" : \"Hello\";")]
    [InlineData("var t = Vi ? $\"Số {n}\" : $\"No. {n}\";")]
    [InlineData("var t = s.Lang == \"vi\" ? \"Ngày ban hành\" : \"Issued on\";")]
    [InlineData("var t = s.Lang == \"vi\"\n        ? string.Create(Inv, $\"Quý {q}\")\n        : string.Create(Inv, $\"Q{q}\");")]
    [InlineData("var t = (view.S.Lang == \"vi\" ? \"Nhắc\" : \"Remind\");")]
    public void An_inline_language_choice_of_texts_fails(string line)
    {
        var text = Good + "internal static class C\n{\n    static void M(bool vi) { " + line + " }\n}\n";
        var p = Assert.Single(SourceRules.Check([new RepoFile("src/Bot/Cards/A.cs", text)]));
        Assert.Contains("inline language choice", p.Message);
    }

    [Theory]
    [InlineData("src/Plans/TeamsPlans.Plans.csproj", "../Storage/TeamsPlans.Storage.csproj", "Plans may reference only nothing")]
    [InlineData("src/Storage/TeamsPlans.Storage.csproj", "../GraphSync/TeamsPlans.GraphSync.csproj", "Storage may reference only Plans")]
    [InlineData("src/GraphSync/TeamsPlans.GraphSync.csproj", "../Bot/TeamsPlans.Bot.csproj", "GraphSync may reference only Storage, Plans")]
    [InlineData("src/Storage/TeamsPlans.Storage.csproj", "..\\Bot\\TeamsPlans.Bot.csproj", "references Bot")]
    public void A_project_reference_pointing_outward_fails(string project, string reference, string expected)
    {
        var p = Assert.Single(SourceRules.Check([new RepoFile(project, Project(reference))]));
        Assert.Contains(expected, p.Message);
    }

    [Fact]
    public void The_Bot_may_reference_every_project()
    {
        var refs = Project("../Plans/TeamsPlans.Plans.csproj", "../Storage/TeamsPlans.Storage.csproj", "../GraphSync/TeamsPlans.GraphSync.csproj");
        Assert.Empty(SourceRules.Check([new RepoFile("src/Bot/TeamsPlans.Bot.csproj", refs)]));
    }

    private static string Project(params string[] references) =>
        "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n"
        + string.Concat(references.Select(r => $"    <ProjectReference Include=\"{r}\" />\n"))
        + "  </ItemGroup>\n</Project>\n";
}
