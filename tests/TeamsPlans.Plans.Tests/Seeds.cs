using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Reading;

namespace TeamsPlans.Plans.Tests;

/// <summary>
/// The five seed plans (copies of shared/seeds, kept in tests/fixtures/seeds). Found through env TEAMSPLANS_SEEDS, or by
/// walking up from the test binaries to the repository's tests/fixtures/seeds (or a shared/seeds folder).
/// </summary>
public static class Seeds
{
    private static readonly Lazy<string> Dir = new(Locate);

    public static string Directory => Dir.Value;

    private static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("TEAMSPLANS_SEEDS");
        if (!string.IsNullOrWhiteSpace(env) && System.IO.Directory.Exists(env)) return env;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(d.FullName, "tests", "fixtures", "seeds"), Path.Combine(d.FullName, "shared", "seeds") })
                if (System.IO.Directory.Exists(candidate) && System.IO.Directory.EnumerateFiles(candidate, "*.txt").Any()) return candidate;
        }
        throw new InvalidOperationException(
            "Seed plans not found: set TEAMSPLANS_SEEDS to the folder with 000_*.txt ... 004_*.txt, or keep them in a 'shared/seeds' folder above the test binaries.");
    }

    public static string PathOf(string prefix)
    {
        var f = System.IO.Directory.EnumerateFiles(Directory, prefix + "_*.txt").SingleOrDefault();
        return f ?? throw new InvalidOperationException($"Seed {prefix}_*.txt is missing in {Directory}.");
    }

    public static string Text(string prefix) => File.ReadAllText(PathOf(prefix));

    public static IEnumerable<string> All() => System.IO.Directory.EnumerateFiles(Directory, "*.txt").Order(StringComparer.Ordinal);

    public static Task<PlanDocument> ReadAsync(string prefix) => new PlanReader().ReadFileAsync(PathOf(prefix));
}
