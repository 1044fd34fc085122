using TeamsPlans.Bot.Cli;

namespace TeamsPlans.Bot.Tests.Cli;

/// <summary>The CLI's rule for relative file arguments (<see cref="CliPaths"/>): the directory the user typed the command in.</summary>
public class CliPathTests
{
    [Fact]
    public void A_relative_path_resolves_against_the_shell_directory_when_dotnet_run_changed_directory()
    {
        var root = ReadmeCommandTests.RepositoryRoot();
        var seed = Path.Combine("tests", "fixtures", "seeds", "001_2bb57626d11c2963.txt");
        // dotnet run: working directory src/Bot, PWD still the repository root.
        Assert.Equal(Path.Combine(root, seed), CliPaths.Resolve(seed, name => name == "PWD" ? root : null));
    }

    [Fact]
    public void Without_pwd_or_with_a_stale_pwd_the_working_directory_is_used()
    {
        Assert.Equal(Path.GetFullPath("x.txt"), CliPaths.Resolve("x.txt", _ => null));
        Assert.Equal(Path.GetFullPath("x.txt"), CliPaths.Resolve("x.txt", _ => "relative/not-a-directory"));
        var stale = Directory.CreateTempSubdirectory("teamsplans-pwd-").FullName;
        try
        {
            var existing = Path.GetFileName(typeof(CliPaths).Assembly.Location);
            Assert.Equal(Path.GetFullPath(existing), CliPaths.Resolve(existing, _ => stale));
            Assert.Equal(Path.Combine(stale, "out.zip"), CliPaths.Resolve("out.zip", _ => stale));
        }
        finally { Directory.Delete(stale, true); }
    }

    [Fact]
    public void Absolute_paths_are_kept_and_empty_stays_null()
    {
        var abs = Path.Combine(Path.GetTempPath(), "plan.docx");
        Assert.Equal(abs, CliPaths.Resolve(abs, _ => "/"));
        Assert.Null(CliPaths.Resolve(" ", _ => "/"));
    }
}
