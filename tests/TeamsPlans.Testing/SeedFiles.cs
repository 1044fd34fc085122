namespace TeamsPlans.Testing;

/// <summary>The five seed plans: env TEAMSPLANS_SEEDS, else the repository's tests/fixtures/seeds (walking up from the binaries).</summary>
public static class SeedFiles
{
    private static readonly Lazy<string> Dir = new(Locate);

    public static string Directory => Dir.Value;

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("TEAMSPLANS_SEEDS") is { Length: > 0 } env) return env;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "tests", "fixtures", "seeds");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("Seed plans not found: set TEAMSPLANS_SEEDS or keep tests/fixtures/seeds in the repository.");
    }
}
