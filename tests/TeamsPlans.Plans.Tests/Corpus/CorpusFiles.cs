namespace TeamsPlans.Plans.Tests.Corpus;

/// <summary>The real-plan corpus, tests/fixtures/corpus (env TEAMSPLANS_CORPUS overrides), found by walking up from the test binaries.</summary>
public static class CorpusFiles
{
    private static readonly Lazy<string?> Dir = new(Locate);

    public static string? Directory => Dir.Value;

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("TEAMSPLANS_CORPUS");
        if (!string.IsNullOrWhiteSpace(env) && System.IO.Directory.Exists(env)) return env;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var c = Path.Combine(d.FullName, "tests", "fixtures", "corpus");
            if (System.IO.Directory.Exists(c)) return c;
        }
        return null;
    }

    /// <summary>(label path, document path) for every *.expected.json, in name order.</summary>
    public static IReadOnlyList<(string Label, string Document)> All()
    {
        if (Directory is null) return [];
        return System.IO.Directory.EnumerateFiles(Directory, "*.expected.json").Order(StringComparer.Ordinal)
            .Select(l => (l, Path.Combine(Directory, CorpusLabel.Load(l).File))).ToList();
    }

    /// <summary>Path of a corpus document by its NNN prefix, or null when it is not in this checkout.</summary>
    public static string? Find(string prefix) =>
        Directory is null ? null : System.IO.Directory.EnumerateFiles(Directory, prefix + "_*").FirstOrDefault(f => !f.EndsWith(".json", StringComparison.Ordinal));
}
