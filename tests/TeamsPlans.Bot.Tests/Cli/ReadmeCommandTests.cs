using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace TeamsPlans.Bot.Tests.Cli;

/// <summary>
/// Every command in README.md's bash code blocks is either run here literally (bash -c, from the repository root, as
/// a new user would type it) or listed in <see cref="Skipped"/> with the reason it cannot run in a test. A command
/// that is neither fails the test, so a new README command gets classified.
/// </summary>
public class ReadmeCommandTests
{
    /// <summary>Commands not run here, each with its reason (matched on the start of the command).</summary>
    private static readonly (Regex Pattern, string Reason)[] Skipped =
    [
        (new(@"^dotnet run --project src/Bot$"), "the bot host: a server that runs until stopped (driven by BotHarness and the E2E tests)"),
        (new(@"^bash scripts/playground\.sh$"), "Agents Playground: a server that runs until stopped (driven by TeamsPlans.E2E.Tests)"),
        (new(@"^bash scripts/test\.sh$"), "runs every test project, this one included"),
        (new(@"^dotnet run -c Release --project bench/"), "benchmarks: long-running, they print figures (never asserted)"),
        (new(@"^(az |for perm|export |APP_ID=|SITE_ID=|MI_SP=|GRAPH_SP=|APP_NAME=|HOST=|BOT_APP_ID=|TENANT_ID=)"), "deployment: needs an Azure tenant and the network"),
        (new(@"^(GRAPH|RG|LOCATION)=|^echo "), "deployment: shell variables for the Azure commands that follow"),
        (new(@"^(dotnet publish src/Bot|\(cd out/bot)"), "deployment: publishes the bot for App Service (minutes of build, writes out/)"),
        (new(@"^cp infra/bicep/"), "deployment: writes the operator's parameters file into the repository"),
        (new(@"^dotnet run --project src/Bot -c Release -- package --app-id ""\$BOT_APP_ID"""), "deployment: the app id comes from the Azure deployment (package is tested by AppPackageTests)"),
    ];

    /// <summary>Commands run here, with what their output must contain (read from the seed document, 82/KH-THPT BK).</summary>
    private static readonly (Regex Pattern, string Expected)[] Run =
    [
        (new(@"^dotnet run --project src/Bot -- parse tests/fixtures/seeds/001_2bb57626d11c2963\.txt --format text\b"), "82/KH-THPT BK"),
    ];

    internal static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "TeamsPlans.sln"))) return d.FullName;
        throw new InvalidOperationException("TeamsPlans.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The commands of README.md's ```bash blocks: comments dropped, continuation lines and for-loops joined.</summary>
    internal static List<string> ReadmeCommands(string markdown)
    {
        var commands = new List<string>();
        var inBash = false;
        var pending = new StringBuilder();
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal)) { inBash = !inBash && line.Trim() == "```bash"; continue; }
            if (!inBash) continue;
            var text = StripComment(line).Trim();
            if (text.Length == 0 && pending.Length == 0) continue;
            pending.Append(pending.Length > 0 ? " " : "").Append(text.TrimEnd('\\').TrimEnd());
            var open = pending.ToString();
            var inLoop = open.StartsWith("for ", StringComparison.Ordinal) && !Regex.IsMatch(open, @"\bdone$");
            var quotes = open.Count(c => c == '"') % 2 == 1;
            if (text.EndsWith('\\') || inLoop || quotes) continue;
            commands.Add(open);
            pending.Clear();
        }
        return commands;
    }

    private static string StripComment(string line)
    {
        var inQuote = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"' || line[i] == '\'') inQuote = !inQuote;
            if (line[i] == '#' && !inQuote && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }

    [Fact]
    public void Every_readme_command_is_run_here_or_skipped_with_a_reason()
    {
        var commands = ReadmeCommands(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));
        Assert.Contains(commands, c => c.StartsWith("dotnet run --project src/Bot -- parse", StringComparison.Ordinal));
        var unclassified = commands.Where(c => !Run.Any(r => r.Pattern.IsMatch(c)) && !Skipped.Any(s => s.Pattern.IsMatch(c))).ToList();
        Assert.True(unclassified.Count == 0, "README commands neither run nor skipped: " + string.Join(" | ", unclassified));
    }

    [Fact]
    public async Task Runnable_readme_commands_work_literally_from_the_repository_root()
    {
        var root = RepositoryRoot();
        var commands = ReadmeCommands(File.ReadAllText(Path.Combine(root, "README.md")));
        var runnable = commands.Select(c => (Command: c, Rule: Run.FirstOrDefault(r => r.Pattern.IsMatch(c)))).Where(x => x.Rule.Pattern is not null).ToList();
        Assert.NotEmpty(runnable);
        foreach (var (command, rule) in runnable)
        {
            var (code, stdout, stderr) = await BashAsync(command, root);
            Assert.True(code == 0, $"`{command}` exited {code}: {stderr}");
            Assert.Contains(rule.Expected, stdout, StringComparison.Ordinal);
        }
    }

    private static async Task<(int Code, string Out, string Err)> BashAsync(string command, string directory)
    {
        var psi = new ProcessStartInfo("bash")
        {
            WorkingDirectory = directory, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        psi.Environment.Remove("PWD"); // bash sets it to the directory it starts in, as a terminal would
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // `dotnet run` builds src/Bot (Debug) first: minutes on a loaded 2-core machine. A bound, not a timing assertion.
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { p.Kill(entireProcessTree: true); throw; }
        return (p.ExitCode, await stdout, await stderr);
    }
}
