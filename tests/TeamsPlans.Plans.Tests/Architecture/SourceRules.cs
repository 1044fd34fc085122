using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TeamsPlans.Plans.Tests.Architecture;

/// <summary>A source or project file: its path relative to the repository root ("src/Bot/Cards/CardStrings.cs") and text.</summary>
public sealed record RepoFile(string Path, string Text);

/// <summary>One broken rule: the rule's key (<see cref="SourceRules.Rules"/>), the file, and what is wrong.</summary>
public sealed record Violation(string Rule, string Path, string Message)
{
    public override string ToString() => Message;
}

/// <summary>
/// The repository's source rules (CONTRIBUTING.md, issue 18), checked on file texts so each rule can be shown to fail on
/// a sample: no src/Bot file over 300 lines; one public top-level type per file; namespace = folder; no line over 150
/// characters; no inline Vietnamese/English string choice (<c>vi ? "…" : "…"</c>: texts live in string tables); project
/// references point inward only (Plans → nothing, Storage → Plans, GraphSync → Storage and Plans, Bot → all).
/// </summary>
public static class SourceRules
{
    /// <summary>The keys of the rules, as written in the baseline file.</summary>
    public static readonly string[] Rules = ["bot-file-length", "public-types", "namespace", "line-length", "inline-choice", "project-reference"];

    public const int MaxBotLines = 300;
    public const int MaxLineLength = 150;

    private static readonly Dictionary<string, string[]> AllowedReferences = new(StringComparer.Ordinal)
    {
        ["Plans"] = [],
        ["Storage"] = ["Plans"],
        ["GraphSync"] = ["Storage", "Plans"],
        ["Bot"] = ["GraphSync", "Storage", "Plans"],
    };

    private static readonly Regex PublicTopLevelType = new(
        @"^public\s+(?:(?:sealed|static|abstract|partial|readonly|ref|unsafe|file)\s+)*(?:class|struct|interface|enum|delegate|record(?:\s+(?:class|struct))?)\s+(?<name>\w+)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    private static readonly Regex Namespace = new(@"^namespace\s+(?<ns>[\w.]+)\s*[;{]", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    // A choice on the language whose branch is a text: vi ? "…", Vi ? $"…", Lang == "vi" ? string.Create(…) (across lines too).
    private static readonly Regex InlineChoice = new(
        @"(?:\b[vV]i\b|==\s*""vi""\)?)\s*\?\s*\(?\s*(?:[$@]{1,2}""|""|string\.(?:Create|Format|Concat)\b)",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    /// <summary>Every violation found in <paramref name="files"/> (.cs sources under src/ and src/*/*.csproj), one line each.</summary>
    public static IReadOnlyList<Violation> Check(IEnumerable<RepoFile> files)
    {
        var problems = new List<Violation>();
        foreach (var f in files)
        {
            if (f.Path.EndsWith(".csproj", StringComparison.Ordinal)) problems.AddRange(CheckProject(f));
            else if (f.Path.EndsWith(".cs", StringComparison.Ordinal)) problems.AddRange(CheckSource(f));
        }
        return problems;
    }

    /// <summary>The repository's src/**/*.cs and src/*/*.csproj (bin and obj left out).</summary>
    public static IEnumerable<RepoFile> Read(string root)
    {
        var src = System.IO.Path.Combine(root, "src");
        foreach (var path in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');
            if (rel.Contains("/bin/", StringComparison.Ordinal) || rel.Contains("/obj/", StringComparison.Ordinal)) continue;
            if (rel.EndsWith(".cs", StringComparison.Ordinal) || rel.EndsWith(".csproj", StringComparison.Ordinal))
                yield return new RepoFile(rel, File.ReadAllText(path));
        }
    }

    /// <summary>The folder holding TeamsPlans.sln, looked up from <paramref name="start"/>.</summary>
    public static string FindRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (File.Exists(System.IO.Path.Combine(d.FullName, "TeamsPlans.sln"))) return d.FullName;
        throw new DirectoryNotFoundException($"TeamsPlans.sln not found above {start}");
    }

    private static IEnumerable<Violation> CheckSource(RepoFile f)
    {
        var parts = f.Path.Split('/');
        if (parts.Length < 3 || parts[0] != "src") yield break;
        var lines = f.Text.Split('\n');
        var count = f.Text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        if (parts[1] == "Bot" && count > MaxBotLines) yield return new Violation("bot-file-length", f.Path, $"{f.Path}: {count} lines (src/Bot limit {MaxBotLines})");
        for (var i = 0; i < lines.Length; i++)
        {
            var len = lines[i].TrimEnd('\r').Length;
            if (len > MaxLineLength) yield return new Violation("line-length", f.Path, $"{f.Path}:{i + 1}: line of {len} characters (limit {MaxLineLength})");
        }
        var types = PublicTopLevelType.Matches(f.Text).Select(m => m.Groups["name"].Value).ToList();
        if (types.Count > 1) yield return new Violation("public-types", f.Path, $"{f.Path}: {types.Count} public top-level types ({string.Join(", ", types)}); one per file");
        var expected = string.Join('.', new[] { "TeamsPlans" }.Concat(parts[1..^1]));
        var ns = Namespace.Match(f.Text);
        if (ns.Success && ns.Groups["ns"].Value != expected)
            yield return new Violation("namespace", f.Path, $"{f.Path}: namespace {ns.Groups["ns"].Value}, folder says {expected}");
        foreach (Match m in InlineChoice.Matches(f.Text))
            yield return new Violation("inline-choice", f.Path, $"{f.Path}:{LineOf(f.Text, m.Index)}: inline language choice \"{m.Value.Trim()}\"; put the texts in a string table");
    }

    private static IEnumerable<Violation> CheckProject(RepoFile f)
    {
        var parts = f.Path.Split('/');
        if (parts.Length != 3 || parts[0] != "src") yield break;
        var project = parts[1];
        if (!AllowedReferences.TryGetValue(project, out var allowed))
        {
            yield return new Violation("project-reference", f.Path, $"{f.Path}: project {project} has no rule for its references");
            yield break;
        }
        var refs = XDocument.Parse(f.Text).Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include") ?? "");
        foreach (var r in refs)
        {
            var target = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(r.Replace('\\', '/')) ?? "");
            if (!allowed.Contains(target, StringComparer.Ordinal))
                yield return new Violation("project-reference", f.Path, $"{f.Path}: references {target} ({r}); {project} may reference only {(allowed.Length == 0 ? "nothing" : string.Join(", ", allowed))}");
        }
    }

    /// <summary>
    /// The baseline: "rule path" lines of files that broke a rule when the rule came (issue 18), left as they were so the
    /// branches being worked on merge; every other file must follow every rule, and a listed file that follows its rule
    /// again must be taken off the list (the list only shrinks).
    /// </summary>
    public static IReadOnlySet<(string Rule, string Path)> ReadBaseline(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries)).Select(p => (p[0], p[1])).ToHashSet();

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;
}
